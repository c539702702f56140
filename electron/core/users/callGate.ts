import { AsyncLocalStorage } from 'node:async_hooks';
import { isMethodName, type Handlers } from '../../../shared/ipc/contract.ts';
import { dispatch } from '../../../shared/ipc/dispatch.ts';
import { AUDITED_REFUSALS, type Reply } from '../../../shared/ipc/errors.ts';
import { isAuditedOnSuccess, mayCall, ROLES, type Caller } from '../../../shared/ipc/roles.ts';

/** The caller of the console call now running: services and the store read it to record who did what. */
export const callerContext = new AsyncLocalStorage<Caller>();

/** The caller of the call in progress, if any (none for the core's own work, such as seeding or sync). */
export function currentCaller(): Caller | undefined {
  return callerContext.getStore();
}

export type AuditWriter = (actor: string, action: string, detail: unknown) => Promise<void>;

/** Where a transport wants its refusals written instead (the browser service rate-limits them per source). */
export type RefusalWriter = (actor: string, action: string, detail: Record<string, unknown> & { code: string }) => void;

/** One console call from a transport: who makes it, what, and over which channel (for the audit trail). */
export type CallGate = (caller: Caller, method: unknown, input: unknown, channel: string, refusals?: RefusalWriter) => Promise<Reply<unknown>>;

/** How a caller appears in the audit trail: the user, and where the call came from. */
export function auditActor(caller: Caller, channel: string): string {
  return `${caller.userId} (${caller.name}) via ${channel}`.slice(0, 200);
}

/**
 * The core's single entry for calls from every transport (browser WebSocket, Electron IPC, CLI):
 * the caller's role is checked against METHOD_ROLES first, then the contract validates the argument
 * and the handler runs with the caller in context. Refusals are audited, and so is every
 * successful administrative call.
 */
export function makeCallGate(handlers: Handlers, audit: AuditWriter): CallGate {
  return async (caller, method, input, channel, refusals) => {
    let reply: Reply<unknown>;
    if (!ROLES.includes(caller.role)) {
      reply = { ok: false, error: { code: 'FORBIDDEN', message: 'the caller has no role on this console' } };
    } else if (isMethodName(method) && !mayCall(caller.role, method)) {
      reply = { ok: false, error: { code: 'FORBIDDEN', message: `${method} is not allowed for the role ${caller.role}` } };
    } else {
      reply = await callerContext.run(caller, () => dispatch(handlers, method, input));
    }
    const name = String(method).slice(0, 80);
    if (!reply.ok && AUDITED_REFUSALS.has(reply.error.code)) {
      const detail = { method: name, role: caller.role, code: reply.error.code, message: reply.error.message.slice(0, 500) };
      if (refusals) refusals(auditActor(caller, channel), 'call refused', detail);
      else await audit(auditActor(caller, channel), 'call refused', detail).catch(() => undefined);
    } else if (reply.ok && isMethodName(method) && isAuditedOnSuccess(method)) {
      await audit(auditActor(caller, channel), method, { role: caller.role, input: summarise(input) }).catch(() => undefined);
    }
    return reply;
  };
}

/** What an audited call was given, short enough for the audit trail (a large import is named, not copied). */
function summarise(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input ?? null;
  return Object.fromEntries(Object.entries(input).map(([key, value]) => [key, typeof value === 'string' && value.length > 300 ? `${value.slice(0, 120)}… (${value.length} characters)` : value]));
}
