/** Error codes every ConsoleApi transport reports; the UI words them for the duty officer. */
export type ConsoleErrorCode =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  /** The record is not in a state that allows this step (e.g. dispatching a declined allocation). */
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNKNOWN_METHOD'
  | 'STORE_UNAVAILABLE'
  | 'DISCONNECTED'
  | 'INTERNAL';

export interface ConsoleErrorShape {
  code: ConsoleErrorCode;
  message: string;
  /** For INVALID_ARGUMENT: each problem with the path of the offending field (and its reason, for the UI's words). */
  issues?: { path: string; message: string; reason?: ConsoleErrorReason }[];
  /** Why, as a stable key and its values, so the UI can say it in the user's language (the message is for logs and the CLI). */
  reason?: ConsoleErrorReason;
}

/** A refusal's cause as a stable key and its values: the UI words it in the user's language. */
export interface ConsoleErrorReason { key: string; values: Record<string, string | number> }

/** The error a ConsoleApi call rejects with, on every transport. */
export class ConsoleError extends Error implements ConsoleErrorShape {
  readonly code: ConsoleErrorCode;
  readonly issues?: ConsoleErrorShape['issues'];
  readonly reason?: ConsoleErrorShape['reason'];

  constructor(shape: ConsoleErrorShape) {
    super(shape.message);
    this.name = 'ConsoleError';
    this.code = shape.code;
    if (shape.issues) this.issues = shape.issues;
    if (shape.reason) this.reason = shape.reason;
  }

  toShape(): ConsoleErrorShape {
    return {
      code: this.code, message: this.message,
      ...(this.issues ? { issues: this.issues } : {}), ...(this.reason ? { reason: this.reason } : {}),
    };
  }
}

/** The envelope every transport carries back: a result, or an error shape. */
export type Reply<T> = { ok: true; result: T } | { ok: false; error: ConsoleErrorShape };

export function isErrorShape(value: unknown): value is ConsoleErrorShape {
  return typeof value === 'object' && value !== null && typeof (value as ConsoleErrorShape).code === 'string'
    && typeof (value as ConsoleErrorShape).message === 'string';
}

/** Refusals worth a line in the audit trail: a caller sent what the console does not accept. */
export const AUDITED_REFUSALS: ReadonlySet<ConsoleErrorCode> = new Set<ConsoleErrorCode>(['INVALID_ARGUMENT', 'UNKNOWN_METHOD', 'FORBIDDEN']);
