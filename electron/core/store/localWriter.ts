import type Database from 'better-sqlite3';
import { ENTITIES } from '../../../shared/domain/entities.ts';
import { HybridClock } from '../../../shared/sync/hlc.ts';
import { OP_SCHEMA_VERSION, type ChangeEvent, type Op, type OpDraft } from '../../../shared/sync/op.ts';
import type { OpApplier } from './applyOps.ts';

/**
 * Turns drafts into this node's ops (next seq, a fresh HLC) and applies them in one
 * transaction. Only the store worker owns a LocalWriter, so seq never forks.
 */
export class LocalWriter {
  private readonly lastSeq: Database.Statement<[string], { seq: number }>;

  constructor(
    db: Database.Database,
    private readonly applier: OpApplier,
    private readonly origin: string,
    readonly clock: HybridClock = new HybridClock(),
  ) {
    this.lastSeq = db.prepare('SELECT seq FROM version_vector WHERE origin = ?');
  }

  write(drafts: readonly OpDraft[]): { ops: Op[]; changes: ChangeEvent[] } {
    let seq = this.lastSeq.get(this.origin)?.seq ?? 0;
    const ops = drafts.map((draft): Op => {
      seq += 1;
      return {
        id: `${this.origin}:${seq}`,
        origin: this.origin,
        seq,
        hlc: this.clock.now(),
        schema: OP_SCHEMA_VERSION,
        entity: draft.entity,
        key: draft.key,
        kind: draft.kind,
        body: draft.body,
        priority: draft.priority ?? ENTITIES[draft.entity].priority,
        scope: draft.scope,
        ...(draft.author ? { author: draft.author } : {}),
      };
    });
    return { ops, changes: this.applier.applyBatch(ops) };
  }
}
