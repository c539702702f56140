import type Database from 'better-sqlite3';
import type { NodeRole } from '../../../../shared/ipc/contract.ts';
import { TABLE_OF } from '../tables.ts';

export interface NodeIdentity {
  nodeId: string;
  nodeCode: string;
  role: NodeRole;
}

export function readIdentity(db: Database.Database): NodeIdentity | null {
  const rows = db.prepare("SELECT name, value FROM node_meta WHERE name IN ('nodeId', 'nodeCode', 'role')").all() as { name: string; value: string }[];
  const meta = Object.fromEntries(rows.map((row) => [row.name, row.value]));
  if (!meta.nodeId || !meta.nodeCode || !meta.role) return null;
  return { nodeId: meta.nodeId, nodeCode: meta.nodeCode, role: meta.role as NodeRole };
}

export function writeIdentity(db: Database.Database, identity: NodeIdentity): void {
  const put = db.prepare('INSERT INTO node_meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    put.run('nodeId', identity.nodeId);
    put.run('nodeCode', identity.nodeCode);
    put.run('role', identity.role);
  })();
}

/** True while any live record is marked as exercise data. */
export function hasExerciseData(db: Database.Database): boolean {
  return Object.values(TABLE_OF).some((table) =>
    db.prepare(`SELECT 1 FROM ${table} WHERE exercise = 1 AND live = 1 LIMIT 1`).get() !== undefined);
}

/** Version vector: per origin, the highest seq held without a gap. */
export function readVector(db: Database.Database): Record<string, number> {
  const rows = db.prepare('SELECT origin, seq FROM version_vector ORDER BY origin').all() as { origin: string; seq: number }[];
  return Object.fromEntries(rows.map((row) => [row.origin, row.seq]));
}

/** Local ops that `peer` has not acknowledged. */
export function outboxCount(db: Database.Database, origin: string, peer: string): number {
  const acked = (db.prepare('SELECT seq FROM peer_acks WHERE peer = ?').get(peer) as { seq: number } | undefined)?.seq ?? 0;
  const held = (db.prepare('SELECT seq FROM version_vector WHERE origin = ?').get(origin) as { seq: number } | undefined)?.seq ?? 0;
  return Math.max(0, held - acked);
}

export function countOps(db: Database.Database): number {
  return (db.prepare('SELECT count(*) AS n FROM ops').get() as { n: number }).n;
}

/** Appends a line to the audit trail. */
export function audit(db: Database.Database, actor: string, action: string, detail: unknown): void {
  db.prepare('INSERT INTO audit (at, actor, action, detail) VALUES (?, ?, ?, ?)').run(Date.now(), actor, action, JSON.stringify(detail));
}
