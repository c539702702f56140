import { INCIDENT_STATUSES } from '../domain/incident.ts';
import { TASK_STATUSES } from '../domain/task.ts';
import type { EntityName } from '../domain/entities.ts';
import type { OpKind } from './op.ts';

/** A write's stamp: hlc then origin, as one comparable string. */
export type Stamp = string;
export function stampOf(op: { hlc: string; origin: string }): Stamp {
  return `${op.hlc}|${op.origin}`;
}

/** The materialised state of one record: its body, the stamp of each field, and its tombstone. */
export interface RecordState {
  body: Record<string, unknown>;
  stamps: Record<string, Stamp>;
  deleted: Stamp | null;
}

/** Lifecycles whose status only moves forward, whatever order writes arrive in. */
const FORWARD_ONLY: Partial<Record<EntityName, readonly string[]>> = {
  incident: INCIDENT_STATUSES,
  task: TASK_STATUSES,
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
  const state: RecordState = current
    ? { body: { ...current.body }, stamps: { ...current.stamps }, deleted: current.deleted }
    : { body: {}, stamps: {}, deleted: null };
  if (op.kind === 'tombstone') {
    if (state.deleted === null || op.stamp > state.deleted) state.deleted = op.stamp;
    return state;
  }
  const body = op.body ?? {};
  const fields = op.kind === 'patch' ? Object.keys(body) : unionKeys(op.fields, Object.keys(body));
  const lifecycle = FORWARD_ONLY[op.entity];
  for (const field of fields) {
    const value = body[field];
    if (lifecycle && field === 'status') {
      mergeStatus(state, lifecycle, value, op.stamp);
      continue;
    }
    const previous = state.stamps[field];
    if (previous !== undefined && previous >= op.stamp) continue;
    state.stamps[field] = op.stamp;
    if (value === undefined) delete state.body[field];
    else state.body[field] = value;
  }
  return state;
}

function mergeStatus(state: RecordState, lifecycle: readonly string[], value: unknown, stamp: Stamp): void {
  if (typeof value !== 'string') return;
  const currentRank = lifecycle.indexOf(String(state.body.status));
  const nextRank = lifecycle.indexOf(value);
  const previous = state.stamps.status;
  const wins = nextRank > currentRank || (nextRank === currentRank && (previous === undefined || stamp > previous));
  if (!wins) return;
  state.body.status = value;
  state.stamps.status = stamp;
}

/** Whether a merged record is visible: not deleted, or written again after its tombstone. */
export function isLive(state: RecordState): boolean {
  if (state.deleted === null) return true;
  return Object.values(state.stamps).some((stamp) => stamp > (state.deleted as Stamp));
}

function unionKeys(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
