import { ALERT_STATES } from '../domain/alert.ts';
import { ALLOCATION_STATUSES } from '../domain/allocation.ts';
import { CONSULTATION_STATUSES } from '../domain/consultation.ts';
import { INCIDENT_STATUSES } from '../domain/incident.ts';
import { TASK_STATUSES } from '../domain/task.ts';
import type { EntityName } from '../domain/entities.ts';
import type { OpKind } from './op.ts';

/** A write's stamp: hlc then origin, as one comparable string. */
export type Stamp = string;
export function stampOf(op: { hlc: string; origin: string }): Stamp {
  return `${op.hlc}|${op.origin}`;
}

/**
 * The materialised state of one record: its body, the stamp of each field, and its tombstone.
 * A field's stamp is `stamps[field] ?? base`: an upsert stamps every field of its schema at
 * once, so storing that stamp once as `base` keeps rows small without changing any outcome.
 */
export interface RecordState {
  body: Record<string, unknown>;
  base: Stamp | null;
  stamps: Record<string, Stamp>;
  deleted: Stamp | null;
}

/** The stamp a field carries, or undefined if it was never written. */
export function fieldStamp(state: RecordState, field: string): Stamp | undefined {
  return state.stamps[field] ?? state.base ?? undefined;
}

/** Lifecycles whose status field only moves forward, whatever order writes arrive in. */
const FORWARD_ONLY: Partial<Record<EntityName, { field: string; lifecycle: readonly string[] }>> = {
  incident: { field: 'status', lifecycle: INCIDENT_STATUSES },
  task: { field: 'status', lifecycle: TASK_STATUSES },
  allocation: { field: 'status', lifecycle: ALLOCATION_STATUSES },
  consultationSession: { field: 'status', lifecycle: CONSULTATION_STATUSES },
  // An alert's workflow (CAP's own `status` is Actual/Exercise…): a review or an issue made on
  // one node is never undone by a stale draft edit arriving from another.
  alert: { field: 'state', lifecycle: ALERT_STATES },
};

export interface MergeInput {
  entity: EntityName;
  kind: OpKind;
  body: Record<string, unknown> | null;
  stamp: Stamp;
  /** Every field the entity's schema knows, so an upsert also clears fields it leaves out. */
  fields: readonly string[];
}

/**
 * Merges one op into a record. Commutative, associative and idempotent: the result depends
 * only on the set of ops, which is what makes replicas converge (sync.md, merge rules).
 */
export function mergeRecord(current: RecordState | null, op: MergeInput): RecordState {
  if (current === null && op.kind !== 'patch' && op.kind !== 'tombstone') {
    // The common case, a record seen for the first time: every field takes this op's stamp.
    return { body: withoutUndefined(op.body ?? {}), base: op.stamp, stamps: {}, deleted: null };
  }
  if (current !== null && supersedes(current, op)) {
    // A whole-record write newer than every stamp the record holds: every field takes its value.
    return { body: withoutUndefined(op.body ?? {}), base: op.stamp, stamps: {}, deleted: current.deleted };
  }
  const state: RecordState = current
    ? { body: { ...current.body }, base: current.base, stamps: { ...current.stamps }, deleted: current.deleted }
    : { body: {}, base: null, stamps: {}, deleted: null };
  if (op.kind === 'tombstone') {
    if (state.deleted === null || op.stamp > state.deleted) state.deleted = op.stamp;
    return state;
  }
  const body = op.body ?? {};
  const whole = op.kind !== 'patch';
  const fields = whole ? unionKeys(op.fields, Object.keys(body), Object.keys(state.body)) : Object.keys(body);
  const forward = FORWARD_ONLY[op.entity];
  const stamped = new Map<string, Stamp>();
  for (const field of fields) stamped.set(field, fieldStamp(state, field) ?? '');
  for (const field of fields) {
    const value = body[field];
    if (forward && field === forward.field) {
      if (statusWins(state, forward, value, op.stamp)) {
        state.body[field] = value;
        stamped.set(field, op.stamp);
      }
      continue;
    }
    if (stamped.get(field)! >= op.stamp) continue;
    stamped.set(field, op.stamp);
    if (value === undefined) delete state.body[field];
    else state.body[field] = value;
  }
  // Re-express the stamps compactly: a whole-record op that is newer than the base becomes the base.
  if (whole && (state.base === null || op.stamp > state.base)) {
    const oldBase = state.base;
    state.base = op.stamp;
    const overrides: Record<string, Stamp> = {};
    for (const [field, stamp] of Object.entries(state.stamps)) if (!stamped.has(field)) overrides[field] = stamp;
    // Fields the op did not cover keep the stamp they had, which was the old base or an override.
    if (oldBase !== null) for (const field of Object.keys(state.body)) if (!stamped.has(field) && !(field in overrides)) overrides[field] = oldBase;
    for (const [field, stamp] of stamped) if (stamp !== op.stamp && stamp !== '') overrides[field] = stamp;
    state.stamps = overrides;
  } else {
    for (const [field, stamp] of stamped) if (stamp !== '' && stamp !== state.base) state.stamps[field] = stamp;
  }
  return state;
}

/**
 * True when the general merge below would give exactly the op's own body and stamp: a whole
 * record, newer than the base and every override, covering every stamped field, and not
 * moving a forward-only status backwards.
 */
function supersedes(current: RecordState, op: MergeInput): boolean {
  if (op.kind === 'patch' || op.kind === 'tombstone') return false;
  if (current.base !== null && current.base >= op.stamp) return false;
  const body = op.body ?? {};
  for (const [field, stamp] of Object.entries(current.stamps)) {
    if (stamp >= op.stamp || !(field in body || op.fields.includes(field))) return false;
  }
  const forward = FORWARD_ONLY[op.entity];
  if (forward && forward.field in current.body
    && forward.lifecycle.indexOf(String(body[forward.field])) < forward.lifecycle.indexOf(String(current.body[forward.field]))) return false;
  return true;
}

function statusWins(state: RecordState, { field, lifecycle }: { field: string; lifecycle: readonly string[] }, value: unknown, stamp: Stamp): boolean {
  if (typeof value !== 'string') return false;
  const currentRank = lifecycle.indexOf(String(state.body[field]));
  const nextRank = lifecycle.indexOf(value);
  const previous = fieldStamp(state, field);
  return nextRank > currentRank || (nextRank === currentRank && (previous === undefined || stamp > previous));
}

function withoutUndefined(body: Record<string, unknown>): Record<string, unknown> {
  for (const value of Object.values(body)) {
    if (value === undefined) return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
  }
  return body;
}

/** Whether a merged record is visible: not deleted, or written again after its tombstone. */
export function isLive(state: RecordState): boolean {
  if (state.deleted === null) return true;
  const deleted = state.deleted;
  return (state.base !== null && state.base > deleted) || Object.values(state.stamps).some((stamp) => stamp > deleted);
}

function unionKeys(...lists: (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}
