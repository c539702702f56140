import type Database from 'better-sqlite3';
import { decodeHlc } from '../../../shared/sync/hlc.ts';
import type { ChangeEvent, Op } from '../../../shared/sync/op.ts';
import type { OpApplier } from './applyOps.ts';
import type { QuarantinedOp } from '../../../shared/ipc/contracts/sync.ts';

/** How long an op may wait in quarantine before it is dropped unapplied, unless configured. */
export const QUARANTINE_EXPIRY_MS = 24 * 60 * 60 * 1000;

export type { QuarantinedOp };

interface Row { origin: string; seq: number; op: string; via: string | null; drift_ms: number; at: number }

/**
 * Ops whose clock ran too far ahead (sync.md): held, not applied, until their stamp comes within
 * the drift limit, an operator releases or discards them, or they expire (issue 10, finding 9).
 * Runs in the store thread; every method is one transaction.
 */
export class Quarantine {
  private readonly all: Database.Statement<[], Row>;
  private readonly remove: Database.Statement<[string, number]>;

  constructor(private readonly db: Database.Database, private readonly applier: OpApplier) {
    this.all = db.prepare('SELECT origin, seq, op, via, drift_ms, at FROM quarantine ORDER BY at, origin, seq');
    this.remove = db.prepare('DELETE FROM quarantine WHERE origin = ? AND seq = ?');
  }

  list(expiryMs: number): QuarantinedOp[] {
    return this.all.all().map((row) => {
      const op = JSON.parse(row.op) as Op;
      return {
        id: `${row.origin}:${row.seq}`, origin: row.origin, entity: op.entity, key: op.key, kind: op.kind, scope: op.scope, via: row.via,
        driftMs: row.drift_ms, stampedAt: new Date(decodeHlc(op.hlc).wallMs).toISOString(),
        heldAt: new Date(row.at).toISOString(), expiresAt: new Date(row.at + expiryMs).toISOString(),
      };
    });
  }

  /**
   * Housekeeping: applies ops whose stamp is now within `maxDriftMs` of our clock, drops those
   * older than `expiryMs`. Returns what changed and what expired (the caller audits it).
   */
  readonly tidy = (args: { now: number; maxDriftMs: number; expiryMs: number }): { changes: ChangeEvent[]; released: string[]; expired: string[] } =>
    this.db.transaction(() => {
      const released: string[] = [];
      const expired: string[] = [];
      const changes: ChangeEvent[] = [];
      for (const row of this.all.all()) {
        const op = JSON.parse(row.op) as Op;
        if (decodeHlc(op.hlc).wallMs <= args.now + args.maxDriftMs) {
          changes.push(...this.applier.applyBatch([op], row.via));
          released.push(op.id);
        } else if (row.at + args.expiryMs <= args.now) {
          expired.push(op.id);
        } else continue;
        this.remove.run(row.origin, row.seq);
      }
      return { changes, released, expired };
    })();

  /**
   * The operator's decision on held ops, by id: `release` applies them now with their own stamps
   * (our clock does not move), `discard` drops them. Ids not held are returned as missing.
   */
  readonly decide = (args: { ids: string[]; action: 'release' | 'discard' }): { changes: ChangeEvent[]; done: string[]; missing: string[] } =>
    this.db.transaction(() => {
      const held = new Map(this.all.all().map((row) => [`${row.origin}:${row.seq}`, row]));
      const done: string[] = [];
      const missing: string[] = [];
      const changes: ChangeEvent[] = [];
      for (const id of args.ids) {
        const row = held.get(id);
        if (!row) { missing.push(id); continue; }
        if (args.action === 'release') changes.push(...this.applier.applyBatch([JSON.parse(row.op) as Op], row.via));
        this.remove.run(row.origin, row.seq);
        done.push(id);
      }
      return { changes, done, missing };
    })();
}
