import { sign, verify, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Op } from '../../../shared/sync/op.ts';
import { ENTITY_NAMES } from '../../../shared/domain/entities.ts';
import { PRIORITIES, PrioritySchema, type Priority, type WireOp } from '../../../shared/sync/wire.ts';

/**
 * Binary sync frames. A batch is one WebSocket binary message:
 *
 *   byte 0      frame type (1 = batch, deflated JSON of WireOp[]; 2 = narrow: one op, dictionary-deflated)
 *   byte 1      lane (priority 0–4)
 *   bytes 2–9   upTo: the sender's lseq this frame brings the receiver to (float64, big-endian)
 *   bytes 10–73 Ed25519 signature by the sender's node key over bytes 0–9 and the payload
 *   bytes 74–   payload
 *
 * Control messages (hello, acks, pings, verify) are JSON text frames on the authenticated socket.
 */
export const FRAME_BATCH = 1;
export const FRAME_NARROW = 2;
const HEADER = 10;
const SIGNATURE = 64;
export const FRAME_OVERHEAD = HEADER + SIGNATURE;

/** One Beidou-3 regional short message carries about 1,750 bytes: a P0 op must fit in one. */
export const BEIDOU_MESSAGE_BYTES = 1750;

/**
 * A preset dictionary for single-op frames: the field names and values every op repeats. Deflate
 * can refer back into it, so a lone op compresses as if it followed others. Never change it in
 * place: peers must share it (a new one needs a new frame type).
 */
const NARROW_DICTIONARY = Buffer.from([
  '"alert","task","allocation","allocationStep","networkLink","incident","upsert","patch","insert","tombstone"',
  '"status":"Actual","Exercise","msgType":"Alert","Update","Cancel","scope":"Public","Restricted","severity":"Extreme","Severe","Moderate","Minor"',
  '"urgency":"Immediate","Expected","certainty":"Observed","Likely","Possible","languages":["zh-CN","en"],"groups":[',
  '"areas":[{"description":"","codes":["310000000000","3101","polygon":[[121.,31.],[121.,31.]]}],"texts":[{"language":"zh-CN","headline":"","description":"","instruction":""}]',
  '"exercise":false,"id":"","sender":"","sent":"2026-","T00:00:00.000Z","event":"","nodeCode":"","assignee":"","title":"","dueAt":"","createdAt":"","updatedAt":""',
  '"quantity":,"itemId":"","destination":{"kind":"shelter","incident","depot","id":""},"sourceDepotId":"","expectedArrival":"","note":""',
  '台风暴雨洪水内涝高温大风预警红色橙色黄色蓝色 Typhoon rainstorm flood warning red orange yellow blue',
].join(''));

const deflate = promisify(zlib.deflateRaw);

export function toWire(op: Op): WireOp {
  const wire: WireOp = [op.origin, op.seq, op.hlc, op.schema, op.entity, op.key, op.kind, op.body, op.priority, op.scope];
  return op.author ? [...wire, op.author] as WireOp : wire;
}

const NODE_ID = /^[a-z0-9-]{3,40}$/;
const HLC = /^[0-9a-f]{16}$/;
const SCOPE = /^(\d{12}|\*)$/;
const AUTHOR = /^[A-Za-z0-9_.:-]{1,80}$/;
const KINDS = new Set(['upsert', 'patch', 'insert', 'tombstone']);
const ENTITY_SET = new Set<string>(ENTITY_NAMES);
const PRIORITY_SET = new Set<unknown>(PRIORITIES);

/**
 * An op from the wire, checked field by field with the same rules as the `Op` schema (a
 * hand-written check: this runs for every op of every batch, and is several times faster).
 */
export function fromWire(row: unknown): Op {
  if (!Array.isArray(row) || (row.length !== 10 && row.length !== 11)) throw new FrameError('an op is not a 10- or 11-field array');
  const [origin, seq, hlc, schema, entity, key, kind, body, priority, scope, author] = row as unknown[];
  const fail = (field: string, rule: string) => { throw new FrameError(`an op is malformed: ${field}: ${rule}`); };
  if (typeof origin !== 'string' || !NODE_ID.test(origin)) fail('origin', 'must be a node id');
  if (!Number.isSafeInteger(seq) || (seq as number) < 1) fail('seq', 'must be a positive whole number');
  if (typeof hlc !== 'string' || !HLC.test(hlc)) fail('hlc', 'must be 16 hex digits');
  if (!Number.isSafeInteger(schema) || (schema as number) < 1) fail('schema', 'must be a positive whole number');
  if (typeof entity !== 'string' || !ENTITY_SET.has(entity)) fail('entity', 'unknown entity');
  if (typeof key !== 'string' || key.length < 1 || key.length > 80) fail('key', 'must be 1–80 characters');
  if (typeof kind !== 'string' || !KINDS.has(kind)) fail('kind', 'unknown kind');
  if (body !== null && (typeof body !== 'object' || Array.isArray(body))) fail('body', 'must be an object or null');
  if (!PRIORITY_SET.has(priority)) fail('priority', `must be one of ${PRIORITIES.join(', ')}`);
  if (typeof scope !== 'string' || !SCOPE.test(scope)) fail('scope', 'must be a 12-digit code or *');
  if (author !== undefined && author !== null && (typeof author !== 'string' || !AUTHOR.test(author))) fail('author', 'must be a user id of 1–80 letters, digits or _ . : -');
  const op = { id: `${origin as string}:${seq as number}`, origin, seq, hlc, schema, entity, key, kind, body, priority, scope } as Op;
  if (typeof author === 'string') op.author = author;
  return op;
}

/** A frame that is malformed, unsigned, badly signed or too large: refused whole. */
export class FrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrameError';
  }
}

function header(type: number, lane: number, upTo: number): Buffer {
  const head = Buffer.alloc(HEADER);
  head[0] = type;
  head[1] = lane;
  head.writeDoubleBE(upTo, 2);
  return head;
}

function seal(head: Buffer, payload: Buffer, key: KeyObject): Buffer {
  const signature = sign(null, Buffer.concat([head, payload]), key);
  return Buffer.concat([head, signature, payload]);
}

/** A batch frame from the store's JSON text of WireOp[]. */
export async function encodeBatch(lane: number, upTo: number, json: string, key: KeyObject): Promise<Buffer> {
  const payload = await deflate(Buffer.from(json), { level: 1 });
  return seal(header(FRAME_BATCH, lane, upTo), payload, key);
}

/** One op for a narrow channel (Beidou short message): dictionary deflate at the highest level. */
export function encodeNarrow(op: Op, upTo: number, key: KeyObject): Buffer {
  const payload = zlib.deflateRawSync(Buffer.from(JSON.stringify(toWire(op))), { level: 9, dictionary: NARROW_DICTIONARY });
  return seal(header(FRAME_NARROW, op.priority, upTo), payload, key);
}

export interface DecodedFrame {
  lane: Priority;
  upTo: number;
  ops: Op[];
  /** Bytes on the wire. */
  bytes: number;
}


/** Checks the signature first, then inflates and validates every op; throws FrameError on any fault. Runs in the store thread, which applies the ops right after. */
export function decodeFrameSync(frame: Buffer, peerKey: KeyObject, maxInflated: number): DecodedFrame {
  const { lane, upTo, type, payload } = checkFrame(frame, peerKey);
  let text: Buffer;
  try {
    text = zlib.inflateRawSync(payload, type === FRAME_NARROW ? { dictionary: NARROW_DICTIONARY, maxOutputLength: maxInflated } : { maxOutputLength: maxInflated });
  } catch (error) {
    throw new FrameError(`payload does not inflate (${(error as Error).message})`);
  }
  return { lane, upTo, ops: parsePayload(text, type), bytes: frame.length };
}

function checkFrame(frame: Buffer, peerKey: KeyObject): { lane: Priority; upTo: number; type: number; payload: Buffer } {
  if (frame.length <= FRAME_OVERHEAD) throw new FrameError('frame too short to carry a signature');
  const type = frame[0]!;
  if (type !== FRAME_BATCH && type !== FRAME_NARROW) throw new FrameError(`unknown frame type ${String(type)}`);
  const head = frame.subarray(0, HEADER);
  const signature = frame.subarray(HEADER, FRAME_OVERHEAD);
  const payload = frame.subarray(FRAME_OVERHEAD);
  if (!verify(null, Buffer.concat([head, payload]), peerKey, signature)) throw new FrameError('signature does not match the peer\'s key');
  const lane = PrioritySchema.safeParse(frame[1]);
  const upTo = frame.readDoubleBE(2);
  if (!lane.success || !Number.isSafeInteger(upTo) || upTo < 0) throw new FrameError('bad lane or position in the frame header');
  return { lane: lane.data, upTo, type, payload };
}

function parsePayload(text: Buffer, type: number): Op[] {
  let rows: unknown;
  try {
    rows = JSON.parse(text.toString('utf8'));
  } catch {
    throw new FrameError('payload is not JSON');
  }
  if (type === FRAME_NARROW) return [fromWire(rows)];
  if (!Array.isArray(rows)) throw new FrameError('payload is not a list of ops');
  return rows.map(fromWire);
}
