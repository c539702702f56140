import type { SyncAlarm } from '../../../shared/ipc/contract.ts';
import type { QuarantinedOp, QuarantineOutcome } from '../../../shared/ipc/contracts/sync.ts';
import { HLC_MAX_DRIFT_MS } from '../../../shared/sync/hlc.ts';
import type { Store } from '../store/storeClient.ts';

/**
 * Ops held in quarantine because their clock ran ahead (issue 10): housekeeping (apply those whose
 * time has come, drop those past their expiry) and the operator's release or discard. Everything
 * it does is audited; the held ops themselves live in the store (electron/core/store/quarantine.ts).
 */
export class QuarantineDesk {
  constructor(
    private readonly store: Store,
    readonly expiryMs: number,
    private readonly node: { raise(kind: SyncAlarm['kind'], peer: string, message: string): void; wake(): void; changed(): void },
  ) {}

  /** Applies held ops whose time has come, drops expired ones; both audited. */
  async tidy(): Promise<{ released: string[]; expired: string[] }> {
    const result = await this.store.sync('tidyQuarantine', { maxDriftMs: HLC_MAX_DRIFT_MS, expiryMs: this.expiryMs });
    if (result.released.length) await this.store.audit('sync quarantine', 'quarantine released: clock caught up', { count: result.released.length, first: result.released.slice(0, 20) });
    if (result.expired.length) {
      await this.store.audit('sync quarantine', 'quarantine expired', { count: result.expired.length, first: result.expired.slice(0, 20), expiryMs: this.expiryMs });
      this.node.raise('clock', 'quarantine', `${result.expired.length} held op(s) expired unapplied`);
    }
    if (result.released.length) this.node.wake();
    if (result.released.length || result.expired.length) this.node.changed();
    return result;
  }

  /** The operator's list of held ops. */
  list(): Promise<QuarantinedOp[]> {
    return this.store.sync('quarantineList', { expiryMs: this.expiryMs });
  }

  /** The operator releases (applies now, with their own stamps; our clock does not move) or discards held ops; audited with who did it. */
  async decide(ids: string[], action: 'release' | 'discard', actor: string): Promise<QuarantineOutcome> {
    const result = await this.store.sync('decideQuarantine', { ids, action });
    await this.store.audit(actor, action === 'release' ? 'quarantine released by operator' : 'quarantine discarded by operator', { ids: result.done, missing: result.missing });
    if (action === 'release' && result.done.length) this.node.wake();
    this.node.changed();
    return result;
  }
}
