import { z } from 'zod';
import { PositionBatch } from '../domain/position.ts';

/**
 * Every message two sync peers exchange, in one place (issue 10, "the shape to fix it in"): the
 * handshake, then control messages on the authenticated socket. A message that does not parse
 * here is refused before any code acts on it, so a new message type cannot skip validation.
 * Op batches travel as signed binary frames (electron/core/sync/codec.ts).
 */

/** Sync priorities, P0 (alerts, orders) … P4 (bulk); one lane per priority on every link. */
export const PRIORITIES = [0, 1, 2, 3, 4] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_COUNT = PRIORITIES.length;
export const PrioritySchema = z.literal(PRIORITIES);

/** Zero per priority: an empty outbox or a fresh cursor set. */
export function perPriority<T>(value: T): T[] {
  return PRIORITIES.map(() => value);
}

export const NodeId = z.string().regex(/^[a-z0-9-]{3,40}$/, 'node id must be 3–40 lowercase letters, digits or dashes');
const NodeCode = z.string().regex(/^\d{12}$/);
const Role = z.enum(['city', 'district', 'street']);
const Nonce = z.string().regex(/^[0-9a-f]{32}$/);
const Signature = z.string().regex(/^[A-Za-z0-9+/=]{1,200}$/);
const KeyText = z.string().regex(/^[A-Za-z0-9+/=]{40,200}$/);
const Position = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** Per priority, the sender's highest lseq the receiver holds durably. */
export const Cursors = z.array(Position).length(PRIORITY_COUNT);
const MessageId = z.number().int().min(0).max(2 ** 31);

/** First message, parent → child: who the parent is and a nonce the child must sign. */
export const Challenge = z.object({ t: z.literal('challenge'), nodeId: NodeId, nodeCode: NodeCode, role: Role, publicKey: KeyText, nonce: Nonce }).strict();
/** Child → parent: its identity, its proof over the parent's nonce, its own nonce and its cursors. */
export const Hello = z.object({
  t: z.literal('hello'), nodeId: NodeId, nodeCode: NodeCode, role: Role, publicKey: KeyText,
  nonce: Nonce, signature: Signature, received: Cursors, clock: z.number().int().min(0).max(2 ** 48),
}).strict();
/** Parent → child: its proof over the child's nonce and the parent's cursors. */
export const Welcome = z.object({ t: z.literal('welcome'), signature: Signature, received: Cursors }).strict();

const Ack = z.object({ t: z.literal('ack'), lane: PrioritySchema, upTo: Position }).strict();
const Ping = z.object({ t: z.literal('ping'), id: MessageId }).strict();
const Pong = z.object({ t: z.literal('pong'), id: MessageId }).strict();
const Vector = z.object({ t: z.literal('vector'), vector: z.record(NodeId, Position).refine((v) => Object.keys(v).length <= 10_000, 'too many origins') }).strict();
const Positions = z.object({ t: z.literal('positions'), batch: PositionBatch }).strict();
const Verify = z.object({ t: z.literal('verify'), id: MessageId }).strict();
const Checksum = z.string().regex(/^[0-9a-f]{1,64}$/);
export const VerifyReportSchema = z.object({
  nodeId: NodeId,
  vector: z.record(NodeId, Position),
  opCount: Position,
  tables: z.record(z.string().regex(/^[a-z_]{1,40}$/), Checksum),
  checksum: Checksum,
  quarantined: Position,
  scope: NodeCode.nullable(),
}).strict();
const Verified = z.object({ t: z.literal('verified'), id: MessageId, report: VerifyReportSchema, pending: Position }).strict();

/** Control messages on an authenticated link, either direction. */
export const ControlMessage = z.discriminatedUnion('t', [Ack, Ping, Pong, Vector, Positions, Verify, Verified]);
export type ControlMessage = z.infer<typeof ControlMessage>;

/** Every peer message, handshake included. */
export const PeerMessage = z.discriminatedUnion('t', [Challenge, Hello, Welcome, Ack, Ping, Pong, Vector, Positions, Verify, Verified]);
export type PeerMessage = z.infer<typeof PeerMessage>;

/**
 * A control message as it travels after the handshake: `n` counts up per direction (a replayed
 * or reordered message is refused), `s` is the sender's Ed25519 signature over the session, the
 * direction, `n` and the message text `m` (see electron/core/sync/controlChannel.ts).
 */
export const SealedControl = z.object({ n: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), m: z.string().max(8 * 1024 * 1024), s: Signature }).strict();

/** Who may author an op (the integrator's users): a user id. */
export const Author = z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/, 'an author is 1–80 letters, digits or _ . : -');

/** An op as it travels: the Op fields in a fixed order, without the derivable id; the author last and optional. */
export type WireOp =
  | [origin: string, seq: number, hlc: string, schema: number, entity: string, key: string, kind: string, body: Record<string, unknown> | null, priority: number, scope: string]
  | [origin: string, seq: number, hlc: string, schema: number, entity: string, key: string, kind: string, body: Record<string, unknown> | null, priority: number, scope: string, author: string | null];
