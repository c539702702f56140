import type Database from 'better-sqlite3';
import { availabilityOf, type Availability } from '../../../../shared/resources/availability.ts';

/** A depot's balance of one item (the sum of its movements). */
export function balanceOf(db: Database.Database, depotId: string, itemId: string): number {
  return (db.prepare('SELECT balance FROM stock_balances WHERE depot_id = ? AND item_id = ?').get(depotId, itemId) as { balance: number } | undefined)?.balance ?? 0;
}

/** What a depot has committed of one item to allocations not yet dispatched, leaving out one allocation (the one being decided). */
export function committedOf(db: Database.Database, depotId: string, itemId: string, exceptAllocationId = ''): number {
  return (db.prepare(`SELECT coalesce(sum(json_extract(body, '$.quantity')), 0) AS committed FROM allocations
    WHERE live = 1 AND status = 'committed' AND source_depot_id = ? AND json_extract(body, '$.itemId') = ? AND key <> ?`)
    .get(depotId, itemId, exceptAllocationId) as { committed: number }).committed;
}

/** Every depot's availability of every item it holds or has committed: stock less open commitments. */
export function listAvailability(db: Database.Database): Availability[] {
  const rows = db.prepare(`
    WITH committed AS (
      SELECT source_depot_id AS depot_id, json_extract(body, '$.itemId') AS item_id, sum(json_extract(body, '$.quantity')) AS quantity
      FROM allocations WHERE live = 1 AND status = 'committed' AND source_depot_id IS NOT NULL GROUP BY 1, 2
    ), pairs AS (
      SELECT depot_id, item_id FROM stock_balances UNION SELECT depot_id, item_id FROM committed
    )
    SELECT p.depot_id AS depotId, p.item_id AS itemId, coalesce(b.balance, 0) AS held, coalesce(c.quantity, 0) AS committed
    FROM pairs p
    LEFT JOIN stock_balances b ON b.depot_id = p.depot_id AND b.item_id = p.item_id
    LEFT JOIN committed c ON c.depot_id = p.depot_id AND c.item_id = p.item_id
    ORDER BY p.depot_id, p.item_id`).all() as { depotId: string; itemId: string; held: number; committed: number }[];
  return rows.map((row) => availabilityOf(row.depotId, row.itemId, row.held, row.committed));
}
