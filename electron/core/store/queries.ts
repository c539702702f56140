import type Database from 'better-sqlite3';
import type { EntityName } from '../../../shared/domain/entities.ts';
import type { Op } from '../../../shared/sync/op.ts';
import type { Boundary } from '../../../shared/domain/boundary.ts';
import type { NamedArea } from '../../../shared/domain/namedArea.ts';
import type { AlertState } from '../../../shared/domain/alert.ts';
import { listActiveAlerts, listAlerts } from './repos/alertRepo.ts';
import type { HazardTrack } from '../../../shared/domain/hazardTrack.ts';
import { ALLOCATION_STATUSES, type Allocation, type AllocationStep, type StockBalanceView } from '../../../shared/domain/allocation.ts';
import type { Depot, Shelter, StockItem, Team } from '../../../shared/domain/resources.ts';
import type { Equipment, Volunteer } from '../../../shared/domain/forces.ts';
import { stockBoard } from './repos/stockBoardRepo.ts';
import { latestSamples, networkEvents, networkLinks, openAlarmEvents, recordSamples, samplesOf } from './repos/networkRepo.ts';
import type { LocalObservation } from '../../../shared/network/view.ts';
import { listAvailability } from './repos/stockRepo.ts';
import { listCommandNodes, searchCommandNodes } from './repos/commandNodeRepo.ts';
import { getIncident, listIncidents } from './repos/incidentRepo.ts';
import { countOps, hasExerciseData, outboxCount, readIdentity, readVector } from './repos/metaRepo.ts';
import { unsentKeys } from './repos/outboxRepo.ts';
import { dutyLog, incidentTimeline, listSessions, listTasks, sessionEntries, situationFigures, taskHistory } from './repos/consultRepo.ts';
import { TABLE_OF } from './tables.ts';

/** Every read the store worker answers, by name; the client is typed from this object. */
export const QUERIES = {
  'nodes.list': (db: Database.Database) => listCommandNodes(db),
  'nodes.search': (db: Database.Database, args: { query: string; limit: number }) => searchCommandNodes(db, args.query, args.limit),
  'incidents.list': (db: Database.Database) => listIncidents(db),
  'alerts.list': (db: Database.Database) => listActiveAlerts(db),
  'alerts.byState': (db: Database.Database, args: { state?: AlertState }) => listAlerts(db, args.state),
  'incidents.get': (db: Database.Database, args: { id: string }) => getIncident(db, args.id),
  'meta.identity': (db: Database.Database) => readIdentity(db),
  'meta.exercise': (db: Database.Database) => hasExerciseData(db),
  'meta.vector': (db: Database.Database) => readVector(db),
  'meta.outbox': (db: Database.Database, args: { origin: string; peer: string }) => outboxCount(db, args.origin, args.peer),
  'meta.countOps': (db: Database.Database) => countOps(db),
  'hazards.tracks': (db: Database.Database) =>
    (db.prepare('SELECT body FROM hazard_tracks WHERE live = 1 ORDER BY first_time DESC').all() as { body: string }[])
      .map((row) => JSON.parse(row.body) as HazardTrack),
  'map.boundaries': (db: Database.Database) => rowsOf<Boundary>(db, 'boundary'),
  'resources.depots': (db: Database.Database) => rowsOf<Depot>(db, 'depot'),
  'resources.shelters': (db: Database.Database) => rowsOf<Shelter>(db, 'shelter'),
  'resources.teams': (db: Database.Database) => rowsOf<Team>(db, 'team'),
  'resources.balances': (db: Database.Database): StockBalanceView[] =>
    (db.prepare('SELECT depot_id AS depotId, item_id AS itemId, balance FROM stock_balances ORDER BY depot_id, item_id').all() as Omit<StockBalanceView, 'overdraft'>[])
      .map((row) => ({ ...row, overdraft: row.balance < 0 })),
  'resources.balance': (db: Database.Database, args: { depotId: string; itemId: string }) =>
    (db.prepare('SELECT balance FROM stock_balances WHERE depot_id = ? AND item_id = ?').get(args.depotId, args.itemId) as { balance: number } | undefined)?.balance ?? 0,
  'resources.availability': (db: Database.Database) => listAvailability(db),
  'resources.stockItems': (db: Database.Database) => rowsOf<StockItem>(db, 'stockItem'),
  'allocations.list': (db: Database.Database) =>
    (db.prepare("SELECT body FROM allocations WHERE live = 1 ORDER BY json_extract(body, '$.createdAt') DESC").all() as { body: string }[])
      .map((row) => JSON.parse(row.body) as Allocation),
  'allocations.ledger': (db: Database.Database, args: { id: string }) =>
    (db.prepare('SELECT body FROM allocation_steps WHERE allocation_id = ? AND live = 1 ORDER BY at, key').all(args.id) as { body: string }[])
      .map((row) => JSON.parse(row.body) as AllocationStep)
      // Two steps in the same millisecond (a request declined at once) read in lifecycle order, not by their random keys.
      .sort((a, b) => a.at.localeCompare(b.at) || ALLOCATION_STATUSES.indexOf(a.step) - ALLOCATION_STATUSES.indexOf(b.step)),
  'ops.range': (db: Database.Database, args: { origin: string; afterSeq: number; limit: number }): Op[] =>
    (db.prepare(`SELECT origin, seq, hlc, schema, entity, key, kind, body, priority, scope, author FROM ops
      WHERE origin = ? AND seq > ? ORDER BY seq LIMIT ?`).all(args.origin, args.afterSeq, args.limit) as (Omit<Op, 'id' | 'body'> & { body: string | null; author: string | null })[])
      .map(({ author, ...row }) => ({ ...row, id: `${row.origin}:${row.seq}`, body: row.body === null ? null : JSON.parse(row.body) as Record<string, unknown>, ...(author ? { author } : {}) })),
  'audit.recent': (db: Database.Database, args: { limit: number }) =>
    (db.prepare('SELECT id, at, actor, action, detail FROM audit ORDER BY id DESC LIMIT ?').all(args.limit) as { id: number; at: number; actor: string; action: string; detail: string }[])
      .map((row) => ({ ...row, detail: JSON.parse(row.detail) as unknown })),
  'entity.get': (db: Database.Database, args: { entity: EntityName; key: string }) => {
    const row = db.prepare(`SELECT body FROM ${TABLE_OF[args.entity]} WHERE key = ? AND live = 1`).get(args.key) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as Record<string, unknown>) : null;
  },
  'entity.rows': (db: Database.Database, args: { entity: EntityName }) => rowsOf<Record<string, unknown>>(db, args.entity),
  'resources.stockBoard': (db: Database.Database) => stockBoard(db),
  'forces.equipment': (db: Database.Database) => rowsOf<Equipment>(db, 'equipment'),
  'forces.volunteers': (db: Database.Database) => rowsOf<Volunteer>(db, 'volunteer'),
  'sync.unsent': (db: Database.Database) => unsentKeys(db),
  'map.areas': (db: Database.Database) =>
    (db.prepare("SELECT body FROM named_areas WHERE live = 1 ORDER BY json_extract(body, '$.createdAt') DESC, key").all() as { body: string }[])
      .map((row) => JSON.parse(row.body) as NamedArea),
  'network.links': (db: Database.Database) => networkLinks(db),
  'network.events': (db: Database.Database, args: { limit: number; alarmIds?: string[] }) => networkEvents(db, args),
  'network.openAlarms': (db: Database.Database) => openAlarmEvents(db),
  'network.latestSamples': (db: Database.Database) => latestSamples(db),
  'network.samples': (db: Database.Database, args: { code: string; sinceMs: number }) => samplesOf(db, args.code, args.sinceMs),
  // Local measurements, never replicated: the one write among the queries, kept out of the op log on purpose.
  'network.recordSamples': (db: Database.Database, args: { samples: LocalObservation[] }) => recordSamples(db, args.samples),
  'incidents.timeline': (db: Database.Database, args: { id: string }) => incidentTimeline(db, args.id),
  'incidents.dutyLog': (db: Database.Database, args: { limit: number }) => dutyLog(db, args.limit),
  'tasks.list': (db: Database.Database) => listTasks(db),
  'tasks.history': (db: Database.Database, args: { id: string }) => taskHistory(db, args.id),
  'consultation.sessions': (db: Database.Database) => listSessions(db),
  'consultation.entries': (db: Database.Database, args: { id: string }) => sessionEntries(db, args.id),
  'consultation.figures': (db: Database.Database) => situationFigures(db),
} as const;

/** Live records of one entity, by key. */
function rowsOf<T>(db: Database.Database, entity: EntityName): T[] {
  return (db.prepare(`SELECT body FROM ${TABLE_OF[entity]} WHERE live = 1 ORDER BY key`).all() as { body: string }[])
    .map((row) => JSON.parse(row.body) as T);
}

export type QueryName = keyof typeof QUERIES;
type QueryFn<N extends QueryName> = (typeof QUERIES)[N];
export type QueryArgs<N extends QueryName> = Parameters<QueryFn<N>> extends [unknown, infer A] ? A : undefined;
export type QueryResult<N extends QueryName> = ReturnType<QueryFn<N>>;
