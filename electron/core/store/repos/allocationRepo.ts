import type Database from 'better-sqlite3';
import type { Allocation } from '../../../../shared/domain/allocation.ts';
import type { Depot } from '../../../../shared/domain/resources.ts';
import type { AdvanceCommand, AdvanceState } from '../../../../shared/resources/allocationRules.ts';
import { balanceOf, committedOf } from './stockRepo.ts';

function live<T>(db: Database.Database, table: 'allocations' | 'depots', key: string | undefined): T | null {
  if (!key) return null;
  const row = db.prepare(`SELECT body FROM ${table} WHERE key = ? AND live = 1`).get(key) as { body: string } | undefined;
  return row ? JSON.parse(row.body) as T : null;
}

/** Everything an allocation step is checked against, read inside the transaction that will write it. */
export function advanceState(db: Database.Database, command: Pick<AdvanceCommand, 'id' | 'sourceDepotId'>): AdvanceState {
  const current = live<Allocation>(db, 'allocations', command.id);
  const source = live<Depot>(db, 'depots', command.sourceDepotId ?? current?.sourceDepotId);
  const destinationDepot = current?.destination.kind === 'depot' ? live<Depot>(db, 'depots', current.destination.id) : null;
  return {
    current, source, destinationDepot,
    held: source && current ? balanceOf(db, source.id, current.itemId) : 0,
    committedElsewhere: source && current ? committedOf(db, source.id, current.itemId, current.id) : 0,
  };
}
