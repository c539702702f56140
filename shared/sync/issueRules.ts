import type { EntityName } from '../domain/entities.ts';
import type { OpKind } from './op.ts';

export type Level = 'city' | 'district' | 'street';

/**
 * Which levels of the command network may issue which ops (issue 10, finding 2). A hub checks
 * every op a child sends against this table, by the level of the node that made it; an op
 * outside it is refused, audited, and stored nowhere. Typed by entity, so a new entity cannot
 * replicate until someone decides who may write it.
 */
export interface IssueRule {
  /** Levels that may issue each kind of op; a kind not listed is never accepted from a child. */
  kinds: Partial<Record<OpKind, readonly Level[]>>;
  /** Levels that may give the op scope '*', city-wide. */
  cityWide: readonly Level[];
}

const ALL: readonly Level[] = ['city', 'district', 'street'];
const UPPER: readonly Level[] = ['city', 'district'];
const CITY: readonly Level[] = ['city'];

export const ISSUE_RULES: Record<EntityName, IssueRule> = {
  // The network itself and its map are the city's: a district or street never redraws them.
  commandNode: { kinds: { upsert: CITY, patch: CITY, tombstone: CITY }, cityWide: CITY },
  boundary: { kinds: { upsert: CITY, patch: CITY, tombstone: CITY }, cityWide: CITY },
  // Anyone reports and updates incidents, also to the whole city (a street may see what concerns
  // everyone first); only a centre deletes one. Tasks city-wide are a centre's orders.
  incident: { kinds: { upsert: ALL, patch: ALL, tombstone: UPPER }, cityWide: ALL },
  // A city-wide task is dispatched by a centre, but the unit that holds it may sit at any level and
  // moves it forward (accepted, in progress, done) from there.
  task: { kinds: { upsert: ALL, patch: ALL, tombstone: UPPER }, cityWide: ALL },
  // Timelines and task histories are insert-only entries beside their incident or task, wherever it is.
  incidentEntry: { kinds: { insert: ALL }, cityWide: ALL },
  taskEntry: { kinds: { insert: ALL }, cityWide: ALL },
  // Depots, teams and equipment are managed by districts and the city; a street reports on them
  // (movements, call-ups, shelter occupancy) but does not create, rename or move them.
  depot: { kinds: { upsert: UPPER, patch: UPPER, tombstone: UPPER }, cityWide: CITY },
  team: { kinds: { upsert: UPPER, patch: UPPER, tombstone: UPPER }, cityWide: CITY },
  equipment: { kinds: { upsert: UPPER, patch: ALL, tombstone: UPPER }, cityWide: CITY },
  volunteer: { kinds: { upsert: UPPER, patch: ALL, tombstone: UPPER }, cityWide: CITY },
  shelter: { kinds: { upsert: UPPER, patch: ALL, tombstone: UPPER }, cityWide: CITY },
  // The item catalogue is one list for the whole city.
  stockItem: { kinds: { upsert: CITY, patch: CITY, tombstone: CITY }, cityWide: CITY },
  // Movements are insert-only signed deltas on one depot: never city-wide, never rewritten.
  stockMovement: { kinds: { insert: ALL }, cityWide: [] },
  // Allocations cross districts by design (a street asks, a city depot answers): city-wide at every level.
  allocation: { kinds: { upsert: ALL, patch: ALL }, cityWide: ALL },
  allocationStep: { kinds: { insert: ALL }, cityWide: ALL },
  networkLink: { kinds: { upsert: ALL, patch: ALL, tombstone: UPPER }, cityWide: CITY },
  // A link's alarms and their acknowledgements: insert-only, scoped to the node they concern.
  networkEvent: { kinds: { insert: ALL }, cityWide: CITY },
  wallLayout: { kinds: { upsert: ALL, patch: ALL, tombstone: ALL }, cityWide: CITY },
  // A city session is held with the districts: they record entries in it and may sign it off.
  consultationSession: { kinds: { upsert: UPPER, patch: UPPER, tombstone: UPPER }, cityWide: UPPER },
  consultationEntry: { kinds: { insert: ALL }, cityWide: ALL },
  // A warning for the whole city is the city's to issue; districts and streets warn their own areas.
  alert: { kinds: { insert: ALL, upsert: ALL, patch: ALL }, cityWide: CITY },
  // Typhoon tracks come from the meteorological bureau, loaded at the city or a district centre.
  hazardTrack: { kinds: { upsert: UPPER, patch: UPPER, tombstone: UPPER }, cityWide: UPPER },
  // Areas drawn on the map are shared city-wide by design, from any console.
  namedArea: { kinds: { upsert: ALL, patch: ALL, tombstone: ALL }, cityWide: ALL },
};

/** Why a level may not issue an op, or null when it may. */
export function issueRefusal(level: Level, op: { entity: EntityName; kind: OpKind; scope: string }): string | null {
  const rule = ISSUE_RULES[op.entity];
  if (!rule.kinds[op.kind]?.includes(level)) return `a ${level} may not ${op.kind} a ${op.entity}`;
  if (op.scope === '*' && !rule.cityWide.includes(level)) return `a ${level} may not issue a city-wide ${op.entity}`;
  return null;
}
