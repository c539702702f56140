import type Database from 'better-sqlite3';
import { ENTITIES, type EntityName } from '../../../shared/domain/entities.ts';
import { isLive, mergeRecord, stampOf, type RecordState } from '../../../shared/sync/merge.ts';
import type { ChangeEvent, Op } from '../../../shared/sync/op.ts';
import { TABLE_OF } from './tables.ts';

interface EntityStatements {
  select: Database.Statement<[string], { body: string; base: string | null; stamps: string; deleted: string | null }>;
  /** Inserts a new row; returns 1, or 0 when the key is already held. */
  insertNew: (key: string, body: string, base: string | null, stamps: string, deleted: string | null, live: number, scope: string) => number;
  update: Database.Statement<[string, string | null, string, string | null, number, string]>;
}

/** Field names each entity's schema declares, for upserts that must clear omitted fields. */
const FIELDS: Record<EntityName, readonly string[]> = Object.fromEntries(
  Object.entries(ENTITIES).map(([name, entity]) => [name, Object.keys(entity.schema.shape)]),
) as unknown as Record<EntityName, readonly string[]>;

/**
 * Applies ops to the op log and the materialised tables. Each call is one transaction;
 * an op already held (same id) changes nothing, so replays and duplicates are harmless.
 */
export class OpApplier {
  private readonly insertOp: Database.Statement;
  private readonly entity = new Map<EntityName, EntityStatements>();
  private readonly addBalance: Database.Statement;
  private readonly readVector: Database.Statement<[string], { seq: number }>;
  private readonly hasOp: Database.Statement<[string, number], { one: number }>;
  private readonly writeVector: Database.Statement<[string, number]>;
  readonly applyBatch: (ops: readonly Op[], via?: string | null) => ChangeEvent[];

  constructor(private readonly db: Database.Database) {
    this.insertOp = db.prepare(`INSERT OR IGNORE INTO ops (origin, seq, hlc, schema, entity, key, kind, body, priority, scope, received_at, via, author)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.addBalance = db.prepare(`INSERT INTO stock_balances (depot_id, item_id, balance, updated_hlc) VALUES (?, ?, ?, ?)
      ON CONFLICT (depot_id, item_id) DO UPDATE SET balance = balance + excluded.balance,
        updated_hlc = max(updated_hlc, excluded.updated_hlc)`);
    this.readVector = db.prepare('SELECT seq FROM version_vector WHERE origin = ?');
    this.hasOp = db.prepare('SELECT 1 AS one FROM ops WHERE origin = ? AND seq = ?');
    this.writeVector = db.prepare(`INSERT INTO version_vector (origin, seq) VALUES (?, ?)
      ON CONFLICT (origin) DO UPDATE SET seq = excluded.seq`);
    for (const [name, table] of Object.entries(TABLE_OF) as [EntityName, string][]) {
      // Rows carry the scope of the op that created them (migration 0004), so a parent can checksum a child's share.
      const scoped = (db.prepare(`SELECT 1 AS one FROM pragma_table_info('${table}') WHERE name = 'scope'`).get() as { one: number } | undefined) !== undefined;
      this.entity.set(name, {
        select: db.prepare(`SELECT body, base, stamps, deleted FROM ${table} WHERE key = ?`),
        insertNew: insertStatement(db, table, scoped),
        update: db.prepare(`UPDATE ${table} SET body = ?, base = ?, stamps = ?, deleted = ?, live = ? WHERE key = ?`),
      });
    }
    this.applyBatch = db.transaction((ops: readonly Op[], via: string | null = null) => this.applyAll(ops, via));
  }

  private applyAll(ops: readonly Op[], via: string | null): ChangeEvent[] {
    const changed = new Map<EntityName, Set<string>>();
    const vector = new Map<string, { seq: number; gap: boolean }>();
    const receivedAt = Date.now();
    for (const op of ops) {
      const bodyJson = op.body === null ? null : JSON.stringify(op.body);
      const fresh = this.insertOp.run(op.origin, op.seq, op.hlc, op.schema, op.entity, op.key, op.kind, bodyJson, op.priority, op.scope, receivedAt, via, op.author ?? null).changes === 1;
      if (!fresh) continue;
      let entry = vector.get(op.origin);
      if (!entry) vector.set(op.origin, (entry = { seq: this.readVector.get(op.origin)?.seq ?? 0, gap: false }));
      if (op.seq === entry.seq + 1 && !entry.gap) entry.seq = op.seq;
      else entry.gap = true;
      this.materialise(op, bodyJson);
      let keys = changed.get(op.entity);
      if (!keys) changed.set(op.entity, (keys = new Set()));
      keys.add(op.key);
    }
    for (const [origin, entry] of vector) this.advanceVector(origin, entry.seq);
    return [...changed].map(([entity, keys]) => ({ entity, keys: [...keys] }));
  }

  private materialise(op: Op, bodyJson: string | null): void {
    const statements = this.entity.get(op.entity);
    if (!statements) throw new Error(`unknown entity ${op.entity}`);
    const stamp = stampOf(op);
    const input = { entity: op.entity, kind: op.kind, body: op.body, stamp, fields: FIELDS[op.entity] };
    // Try the record as new first: most ops in a bulk apply create records, and a conflict costs one extra lookup.
    const first = mergeRecord(null, input);
    const firstJson = first.body === op.body && bodyJson !== null ? bodyJson : JSON.stringify(first.body);
    const created = statements.insertNew(op.key, firstJson, first.base, stampsJson(first), first.deleted, isLive(first) ? 1 : 0, op.scope) === 1;
    if (!created) {
      if (op.kind === 'insert') return; // insert-only records are never rewritten
      const row = statements.select.get(op.key)!;
      const current: RecordState = { body: JSON.parse(row.body) as Record<string, unknown>, base: row.base, stamps: JSON.parse(row.stamps) as Record<string, string>, deleted: row.deleted };
      const next = mergeRecord(current, input);
      statements.update.run(JSON.stringify(next.body), next.base, stampsJson(next), next.deleted, isLive(next) ? 1 : 0, op.key);
    }
    if (op.entity === 'stockMovement' && created && op.body) {
      this.addBalance.run(String(op.body.depotId), String(op.body.itemId), Number(op.body.delta), op.hlc);
    }
  }

  /** Records an origin's vector entry, moved past every op now held without a gap. */
  private advanceVector(origin: string, contiguous: number): void {
    let seq = contiguous;
    while (this.hasOp.get(origin, seq + 1)) seq += 1;
    this.writeVector.run(origin, seq);
  }
}

function insertStatement(db: Database.Database, table: string, scoped: boolean): EntityStatements['insertNew'] {
  if (scoped) {
    const statement = db.prepare<[string, string, string | null, string, string | null, number, string]>(
      `INSERT INTO ${table} (key, body, base, stamps, deleted, live, scope) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`);
    return (...args) => statement.run(...args).changes;
  }
  const statement = db.prepare<[string, string, string | null, string, string | null, number]>(
    `INSERT INTO ${table} (key, body, base, stamps, deleted, live) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`);
  return (key, body, base, stamps, deleted, live) => statement.run(key, body, base, stamps, deleted, live).changes;
}

function stampsJson(state: RecordState): string {
  for (const _field in state.stamps) return JSON.stringify(state.stamps);
  return '{}';
}
