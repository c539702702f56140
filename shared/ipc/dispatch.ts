import { z } from 'zod';
import { ConsoleError, type ConsoleErrorShape, type Reply } from './errors.ts';
import {
  CONTRACT, isEventName, isMethodName, METHOD_NAMES,
  type ConsoleApi, type ConsoleEvents, type EventName, type Handlers, type MethodName,
} from './contract.ts';

/**
 * Validates a call's argument against the contract and runs its handler, never throwing:
 * every failure becomes a typed error reply. Shared by the IPC wrapper and the WebSocket host.
 */
export async function dispatch(handlers: Handlers, method: unknown, input: unknown): Promise<Reply<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `no such console call: ${String(method).slice(0, 60)}` } };
  }
  const parsed = CONTRACT[method].input.safeParse(input ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message: `invalid argument for ${method}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(argument)'}: ${i.message}`).join('; ')}`,
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      },
    };
  }
  try {
    const handler = handlers[method] as (args: unknown) => unknown;
    return { ok: true, result: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: toErrorShape(error) };
  }
}

/**
 * A thrown error as a reply. A validation error from inside a service (a record built from an
 * imported file, say) is the caller's bad input: INVALID_ARGUMENT naming each field, not
 * INTERNAL with the validator's raw dump.
 */
export function toErrorShape(error: unknown): ConsoleErrorShape {
  if (error instanceof ConsoleError) return error.toShape();
  if (error instanceof z.ZodError || (error instanceof Error && error.name === 'ZodError' && Array.isArray((error as z.ZodError).issues))) {
    const issues = (error as z.ZodError).issues.slice(0, 20).map((issue) => ({
      path: issue.path.map(String).join('.') || '(value)', message: issue.message.slice(0, 200),
    }));
    return {
      code: 'INVALID_ARGUMENT',
      message: `invalid value: ${issues.slice(0, 5).map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
      issues,
    };
  }
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

/** A transport's two primitives; `makeConsoleApi` builds the typed object from them. */
export interface ApiTransport {
  call(method: MethodName, input: unknown): Promise<Reply<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** Builds `api.domain.verb(input)` for every contract entry, unwrapping replies into results or ConsoleErrors. */
export function makeConsoleApi(transport: ApiTransport): ConsoleApi {
  const api: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    const [domain, verb] = method.split(':') as [string, string];
    const group = (api[domain] ??= {}) as Record<string, unknown>;
    group[verb] = async (input: unknown) => {
      const reply = await transport.call(method, input);
      if (!reply.ok) throw new ConsoleError(reply.error);
      return reply.result;
    };
  }
  api.on = <E extends EventName>(event: E, listener: (payload: ConsoleEvents[E]) => void) => {
    if (!isEventName(event)) throw new ConsoleError({ code: 'INVALID_ARGUMENT', message: `no such event: ${String(event)}` });
    return transport.subscribe(event, listener as (payload: unknown) => void);
  };
  return Object.freeze(api) as unknown as ConsoleApi;
}
