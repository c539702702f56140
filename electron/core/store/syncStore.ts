import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { KeyObject } from 'node:crypto';
import { scopeFilterSql } from '../../../shared/sync/scope.ts';
import { decodeHlc, HLC_MAX_DRIFT_MS } from '../../../shared/sync/hlc.ts';
import { PRIORITIES, type Priority } from '../../../shared/sync/wire.ts';
import type { EntityName } from '../../../shared/domain/entities.ts';
import type { Level } from '../../../shared/sync/issueRules.ts';
import { admitBatch, type AdmissionLookups, type Refusal, type Sender } from '../sync/admission.ts';
import { decodeFrameSync } from '../sync/codec.ts';
import { parsePublicKey } from '../sync/nodeKeys.ts';
import type { ChangeEvent, Op } from '../../../shared/sync/op.ts';
import type { VerifyReport } from '../../../shared/ipc/contract.ts';
import type { OpApplier } from './applyOps.ts';
import type { LocalWriter } from './localWriter.ts';
import { TABLE_OF } from './tables.ts';
import { REGION_ORIGIN } from '../../../shared/sync/region.ts';

export type { WireOp } from '../../../shared/sync/wire.ts';

export interface LaneRead {
  /** JSON text of WireOp[] (built in the store thread, so the ops cross threads as one string). */
  json: string;
  count: number;
  /** The highest lseq this read covered, including ops skipped by the filter; the receiver's next cursor. */
  upTo: number;
  /** More ops wait in this lane after upTo. */
  more: boolean;
}

export interface LaneReadArgs {
  lane: number;
  after: number;
  limit: number;
  maxBytes: number;
  /** Never send back what this peer delivered. */
  excludeVia: string;
  /** Only ops a node with this code may hold (a child); null for a parent, which takes everything. */
  visibleTo: string | null;
}

export interface RemoteBatch {
  ops: Op[];
  quarantined: { op: Op; driftMs: number }[];
  via: string;
  lane: number;
  upTo: number;
}

/**
 * A remote stamp ahead of our wall clock by more than this is applied by its own stamp but not
 * merged into our clock: a peer whose clock runs fast must not make our next write carry its time.
 */
export const CLOCK_MERGE_TOLERANCE_MS = 1000;

export interface FrameArgs {
  frame: Uint8Array;
  /** Who sent it: a child's ops are checked against its scope and level, every peer's against origin and shape. */
  sender: Sender;
  /** The sender's public key (base64 SPKI). */
  peerKey: string;
  maxInflated: number;
}

export interface FrameResult {
  lane: Priority;
  upTo: number;
  applied: number;
  /** Ops refused, with why (first 50). */
  refused: Refusal[];
  refusedCount: number;
  quarantined: number;
  maxDriftMs: number;
  /** Wall time (ms) of the newest op applied, or null. */
  newestWall: number | null;
}

/** The sync reads and writes, run inside the store worker next to the applier. */
export class SyncStore {
  private readonly laneStatements = new Map<string, Database.Statement>();
  private readonly maxLane: Database.Statement<[number], { m: number | null }>;
  private readonly putCursor: Database.Statement<[string, number, number]>;
  private readonly putQuarantine: Database.Statement;
  readonly applyRemote: (batch: RemoteBatch) => ChangeEvent[];

  private readonly rowScopes = new Map<EntityName, Database.Statement<[string], { scope: string | null }>>();
  private readonly firstVia: Database.Statement<[string], { via: string }>;
  private readonly routes = new Map<string, string | null>();
  private childLevels: Map<string, Level> | null = null;

  constructor(private readonly db: Database.Database, private readonly applier: OpApplier, private readonly writer: LocalWriter, private readonly nodeId: string, private readonly now: () => number = Date.now) {
    this.firstVia = db.prepare('SELECT via FROM ops WHERE origin = ? AND via IS NOT NULL LIMIT 1');
    for (const [entity, table] of Object.entries(TABLE_OF) as [EntityName, string][]) {
      this.rowScopes.set(entity, db.prepare(`SELECT scope FROM ${table} WHERE key = ?`));
    }
    this.maxLane = db.prepare('SELECT max(lseq) AS m FROM ops WHERE priority = ?');
    this.putCursor = db.prepare(`INSERT INTO sync_cursors (peer, lane, received) VALUES (?, ?, ?)
      ON CONFLICT (peer, lane) DO UPDATE SET received = max(received, excluded.received)`);
    this.putQuarantine = db.prepare('INSERT OR IGNORE INTO quarantine (origin, seq, op, via, drift_ms, at) VALUES (?, ?, ?, ?, ?, ?)');
    this.applyRemote = db.transaction((batch: RemoteBatch) => {
      const changes = this.applier.applyBatch(batch.ops, batch.via);
      const now = Date.now();
      for (const { op, driftMs } of batch.quarantined) this.putQuarantine.run(op.origin, op.seq, JSON.stringify(op), batch.via, Math.round(driftMs), now);
      this.putCursor.run(batch.via, batch.lane, batch.upTo);
      let newest = '';
      const mergeLimit = this.now() + CLOCK_MERGE_TOLERANCE_MS;
      for (const op of batch.ops) if (op.hlc > newest && decodeHlc(op.hlc).wallMs <= mergeLimit) newest = op.hlc;
      // Local ops written after these must order after them: merge the newest remote stamp that is
      // not ahead of our wall clock into our clock (one ahead would drag our own writes with it).
      if (newest) this.writer.clock.receive(newest);
      return changes;
    });
  }

  private readonly keys = new Map<string, KeyObject>();

  /**
   * A sync frame from a peer, whole: signature, inflate, every op checked, scope and clock
   * rules, then ops, quarantine and cursor in one transaction. Throws FrameError (nothing stored)
   * on a bad frame. Runs in the store thread so that the ops never cross threads as objects.
   */
  receiveFrame(args: FrameArgs, now: number): { result: FrameResult; changes: ChangeEvent[] } {
    let key = this.keys.get(args.peerKey);
    if (!key) this.keys.set(args.peerKey, (key = parsePublicKey(args.peerKey)));
    const frame = Buffer.from(args.frame.buffer, args.frame.byteOffset, args.frame.byteLength);
    const decoded = decodeFrameSync(frame, key, args.maxInflated);
    const ops: Op[] = [];
    const quarantined: { op: Op; driftMs: number }[] = [];
    let newestWall: number | null = null;
    let maxDriftMs = 0;
    const { accepted, refused } = admitBatch(decoded.ops, args.sender, this.lookups());
    for (const op of accepted) {
      const wall = decodeHlc(op.hlc).wallMs;
      const drift = wall - now;
      if (drift > HLC_MAX_DRIFT_MS) {
        quarantined.push({ op, driftMs: drift });
        maxDriftMs = Math.max(maxDriftMs, drift);
        continue;
      }
      ops.push(op);
      if (newestWall === null || wall > newestWall) newestWall = wall;
    }
    const changes = this.applyRemote({ ops, quarantined, via: args.sender.nodeId, lane: decoded.lane, upTo: decoded.upTo });
    for (const op of ops) if (!this.routes.get(op.origin)) this.routes.set(op.origin, args.sender.nodeId);
    return { result: { lane: decoded.lane, upTo: decoded.upTo, applied: ops.length, refused: refused.slice(0, 50), refusedCount: refused.length, quarantined: quarantined.length, maxDriftMs, newestWall }, changes };
  }

  /** What admission needs to know, answered from this database (routes and children are cached). */
  private lookups(): AdmissionLookups {
    if (!this.childLevels) {
      this.childLevels = new Map(this.peers().filter((peer) => peer.relation === 'child').map((peer) => [peer.peer, peer.role as Level]));
    }
    return {
      selfId: this.nodeId,
      children: this.childLevels,
      routeOf: (origin) => {
        let route = this.routes.get(origin);
        if (route === undefined) this.routes.set(origin, (route = this.firstVia.get(origin)?.via ?? null));
        return route;
      },
      rowScope: (entity, key) => {
        const row = this.rowScopes.get(entity)!.get(key);
        return row === undefined ? undefined : row.scope;
      },
    };
  }

  readLane(args: LaneReadArgs): LaneRead {
    const statement = this.laneStatement(args.visibleTo);
    const params = args.visibleTo ? scopeFilterSql(args.visibleTo)[1] : [];
    const rows = statement.all(args.lane, args.after, args.excludeVia, ...params, args.limit) as
      { lseq: number; origin: string; seq: number; hlc: string; schema: number; entity: string; key: string; kind: string; body: string | null; priority: number; scope: string; author: string | null }[];
    const parts: string[] = [];
    let bytes = 2;
    let upTo = args.after;
    for (const row of rows) {
      const part = `[${JSON.stringify(row.origin)},${row.seq},"${row.hlc}",${row.schema},${JSON.stringify(row.entity)},${JSON.stringify(row.key)},"${row.kind}",${row.body ?? 'null'},${row.priority},"${row.scope}"${row.author === null ? '' : `,${JSON.stringify(row.author)}`}]`;
      if (parts.length > 0 && bytes + part.length > args.maxBytes) break;
      parts.push(part);
      bytes += part.length + 1;
      upTo = row.lseq;
    }
    const filledByLimit = rows.length === args.limit || parts.length < rows.length;
    const laneTop = this.maxLane.get(args.lane)?.m ?? 0;
    if (!filledByLimit) upTo = Math.max(upTo, laneTop);
    return { json: `[${parts.join(',')}]`, count: parts.length, upTo, more: upTo < laneTop };
  }

  /** Ops per lane after the given cursors that a peer should receive (its outbox). */
  pending(args: { after: number[]; excludeVia: string; visibleTo: string | null }): number[] {
    const [where, params] = args.visibleTo ? scopeFilterSql(args.visibleTo) : ['1', []];
    const statement = this.db.prepare(`SELECT count(*) AS n FROM ops WHERE priority = ? AND lseq > ? AND via IS NOT ? AND origin <> '${REGION_ORIGIN}' AND ${where}`);
    return PRIORITIES.map((lane) => (statement.get(lane, args.after[lane] ?? 0, args.excludeVia, ...params) as { n: number }).n);
  }

  /** Records that `peer` acknowledged our ops up to `upTo` in `lane` (for the outbox while it is unreachable). */
  noteAcked(args: { peer: string; lane: number; upTo: number }): void {
    this.putCursor.run(`${args.peer}>acked`, args.lane, args.upTo);
  }

  cursors(peer: string): number[] {
    const rows = this.db.prepare('SELECT lane, received FROM sync_cursors WHERE peer = ?').all(peer) as { lane: number; received: number }[];
    const cursors = PRIORITIES.map(() => 0);
    for (const row of rows) cursors[row.lane] = row.received;
    return cursors;
  }

  quarantineSummary(): { count: number; origins: { origin: string; via: string | null; count: number; maxDriftMs: number }[] } {
    const origins = this.db.prepare('SELECT origin, via, count(*) AS count, max(drift_ms) AS maxDriftMs FROM quarantine GROUP BY origin, via').all() as { origin: string; via: string | null; count: number; maxDriftMs: number }[];
    return { count: origins.reduce((n, o) => n + o.count, 0), origins };
  }

  putPeer(peer: { peer: string; relation: 'parent' | 'child'; role: string; nodeCode: string; publicKey: string | null; info?: unknown }): void {
    this.db.prepare(`INSERT INTO sync_peers (peer, relation, role, node_code, public_key, last_seen, info) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (peer) DO UPDATE SET relation = excluded.relation, role = excluded.role, node_code = excluded.node_code,
        public_key = coalesce(excluded.public_key, public_key), last_seen = excluded.last_seen, info = excluded.info`)
      .run(peer.peer, peer.relation, peer.role, peer.nodeCode, peer.publicKey, Date.now(), JSON.stringify(peer.info ?? {}));
    this.childLevels = null;
  }

  peers(): { peer: string; relation: 'parent' | 'child'; role: string; nodeCode: string; publicKey: string | null; lastSeen: number | null; info: unknown }[] {
    return (this.db.prepare('SELECT peer, relation, role, node_code AS nodeCode, public_key AS publicKey, last_seen AS lastSeen, info FROM sync_peers ORDER BY relation, peer').all() as
      { peer: string; relation: 'parent' | 'child'; role: string; nodeCode: string; publicKey: string | null; lastSeen: number | null; info: string }[])
      .map((row) => ({ ...row, info: JSON.parse(row.info) as unknown }));
  }

  /** Version vector, op count and a checksum of every replicated table, optionally restricted to what `scope` may hold. */
  verify(scope: string | null): VerifyReport {
    const [where, params] = scope ? scopeFilterSql(scope) : ['1', []];
    const tables: Record<string, string> = {};
    for (const table of [...new Set(Object.values(TABLE_OF))].sort()) {
      const hash = createHash('sha256');
      const rows = this.db.prepare(`SELECT key, body FROM ${table} WHERE live = 1 AND (scope IS NULL OR ${where}) ORDER BY key`).raw().iterate(...params) as IterableIterator<[string, string]>;
      for (const [key, body] of rows) hash.update(key).update('\t').update(body).update('\n');
      tables[table] = hash.digest('hex').slice(0, 32);
    }
    const balances = createHash('sha256');
    const balanceRows = this.db.prepare(`SELECT b.depot_id, b.item_id, b.balance FROM stock_balances b
      LEFT JOIN depots d ON d.key = b.depot_id WHERE d.scope IS NULL OR ${where.replaceAll('scope', 'd.scope')} ORDER BY b.depot_id, b.item_id`).raw().iterate(...params) as IterableIterator<[string, string, number]>;
    for (const [depot, item, balance] of balanceRows) balances.update(`${depot}\t${item}\t${balance}\n`);
    tables.stock_balances = balances.digest('hex').slice(0, 32);
    // The shipped region's ops are every node's own copy, never replicated: not part of what is compared.
    const opCount = (this.db.prepare(`SELECT count(*) AS n FROM ops WHERE origin <> '${REGION_ORIGIN}' AND ${where}`).get(...params) as { n: number }).n;
    const vector = Object.fromEntries((this.db.prepare(`SELECT origin, seq FROM version_vector WHERE origin <> '${REGION_ORIGIN}' ORDER BY origin`).all() as { origin: string; seq: number }[]).map((r) => [r.origin, r.seq]));
    const all = createHash('sha256');
    for (const [table, sum] of Object.entries(tables)) all.update(`${table}=${sum}\n`);
    const quarantined = (this.db.prepare('SELECT count(*) AS n FROM quarantine').get() as { n: number }).n;
    return { nodeId: this.nodeId, vector, opCount, tables, checksum: all.digest('hex').slice(0, 32), quarantined, scope };
  }

  private laneStatement(visibleTo: string | null): Database.Statement {
    const cacheKey = visibleTo ?? '';
    let statement = this.laneStatements.get(cacheKey);
    if (!statement) {
      const where = visibleTo ? scopeFilterSql(visibleTo)[0] : '1';
      statement = this.db.prepare(`SELECT lseq, origin, seq, hlc, schema, entity, key, kind, body, priority, scope, author FROM ops
        WHERE priority = ? AND lseq > ? AND via IS NOT ? AND origin <> '${REGION_ORIGIN}' AND ${where} ORDER BY lseq LIMIT ?`);
      this.laneStatements.set(cacheKey, statement);
    }
    return statement;
  }
}
