import type Database from 'better-sqlite3';
import type { EntityName } from '../../../shared/domain/entities.ts';
import type { Boundary } from '../../../shared/domain/boundary.ts';
import type { HazardTrack } from '../../../shared/domain/hazardTrack.ts';
import type { Depot, Shelter, Team } from '../../../shared/domain/resources.ts';
import { listCommandNodes, searchCommandNodes } from './repos/commandNodeRepo.ts';
import { getIncident, listIncidents } from './repos/incidentRepo.ts';
import { countOps, hasExerciseData, outboxCount, readIdentity, readVector } from './repos/metaRepo.ts';
import { TABLE_OF } from './tables.ts';

/** Every read the store worker answers, by name; the client is typed from this object. */
export const QUERIES = {
  'nodes.list': (db: Database.Database) => listCommandNodes(db),
  'nodes.search': (db: Database.Database, args: { query: string; limit: number }) => searchCommandNodes(db, args.query, args.limit),
  'incidents.list': (db: Database.Database) => listIncidents(db),
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
  'entity.rows': (db: Database.Database, args: { entity: EntityName }) => rowsOf<Record<string, unknown>>(db, args.entity),
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
