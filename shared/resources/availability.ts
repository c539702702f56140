/**
 * What a depot can still promise of one item: its stock less what is committed to allocations
 * that have not left yet. Goods committed to one request are not there for the next.
 */
export interface Availability {
  depotId: string;
  itemId: string;
  /** The balance: the sum of the depot's movements of this item. */
  held: number;
  /** Committed to allocations that are not yet dispatched. */
  committed: number;
  /** held − committed; negative when a merge of partitioned replicas overcommitted the depot. */
  available: number;
}

export function availabilityOf(depotId: string, itemId: string, held: number, committed: number): Availability {
  return { depotId, itemId, held, committed, available: held - committed };
}

/** What may be proposed from a depot: its availability, less the item's minimum reserve unless the officer released it. */
export function proposable(availability: Pick<Availability, 'available'>, minLevel: number | null | undefined, releaseReserve: boolean): number {
  const reserve = releaseReserve ? 0 : Math.max(0, minLevel ?? 0);
  return Math.max(0, availability.available - reserve);
}
