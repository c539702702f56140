import { z } from 'zod';
import { EVENT_NAMES, type EventName, type MethodName } from './contract.ts';
import type { Reply } from './errors.ts';

/**
 * The browser console's WebSocket envelope (`/api`), both directions, declared once: the host
 * parses every incoming frame with `ClientMessage` and the transport builds and reads frames
 * through the same types, so a new kind of message cannot skip validation.
 */

/** Close code for a missing, wrong or rotated access token, so the browser says why instead of retrying. */
export const CLOSE_UNAUTHORIZED = 4401;

const EventNameSchema = z.enum(EVENT_NAMES as [EventName, ...EventName[]]);

/**
 * A client's id for one write, kept across resends: the host answers a repeat with the first
 * reply instead of applying the write again (a reply lost with the connection, then resent).
 */
export const RequestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'a request id is 8–64 letters, digits, - or _');

/** A call: `id` pairs the reply with it on this socket; `method` and `input` are checked by the contract. */
export const CallMessage = z.object({
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  method: z.string().max(80),
  input: z.unknown().optional(),
  requestId: RequestId.optional(),
}).strict();

export const SubscribeMessage = z.object({ subscribe: EventNameSchema }).strict();
export const UnsubscribeMessage = z.object({ unsubscribe: EventNameSchema }).strict();

export const ClientMessage = z.union([CallMessage, SubscribeMessage, UnsubscribeMessage]);
export type CallMessage = z.infer<typeof CallMessage>;
export type ClientMessage = z.infer<typeof ClientMessage>;

/** What the host sends: a reply to a call, an event, or an error about a frame it could not read. */
export type ServerMessage =
  | { id: number; reply: Reply<unknown> }
  | { event: EventName; payload: unknown }
  | { error: { code: 'INVALID_ARGUMENT'; message: string } };

const ServerMessageSchema = z.union([
  z.object({ id: z.number(), reply: z.union([
    z.object({ ok: z.literal(true), result: z.unknown() }),
    z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }).loose() }),
  ]) }),
  z.object({ event: EventNameSchema, payload: z.unknown() }),
  z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
]);

/** Parses a frame from the host; null for anything that is not one of its messages. */
export function parseServerMessage(text: string): ServerMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = ServerMessageSchema.safeParse(value);
  return parsed.success ? parsed.data as ServerMessage : null;
}

/** Parses a frame from a client: the message, or the reason it was refused (for the reply and the audit). */
export function parseClientMessage(text: string): { ok: true; message: ClientMessage } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not a JSON object' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'not a JSON object' };
  const parsed = ClientMessage.safeParse(value);
  if (!parsed.success) return { ok: false, reason: 'expected {id, method, input}, {subscribe} or {unsubscribe}' };
  return { ok: true, message: parsed.data };
}

/**
 * Writes a browser console keeps in its outbox while the service is unreachable and delivers
 * (once, by request id) when it returns. Other calls fail at once with DISCONNECTED, so a form
 * keeps its draft on screen: reads are retried by their views, and live positions or
 * administrative changes are not worth replaying later.
 */
export const OUTBOX_METHODS: ReadonlySet<MethodName> = new Set<MethodName>([
  'incidents:report',
  'resources:requestAllocation',
  'resources:requestAllocations',
  'resources:advanceAllocation',
  'resources:updateShelter',
  'forces:callUpVolunteers',
  'forces:standDownVolunteers',
  'forces:updateEquipment',
  'map:saveArea',
  'map:deleteArea',
]);

export function isOutboxMethod(method: string): method is MethodName {
  return OUTBOX_METHODS.has(method as MethodName);
}
