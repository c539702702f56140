import type Database from 'better-sqlite3';
import type { Depot, StockItem } from '../../../../shared/domain/resources.ts';
import type { StockBoardRow } from '../../../../shared/resources/stockBoard.ts';

/**
 * Every depot's balance of every item it has moved, with the item's minimum and the earliest
 * expiry among lots received and not written off (an `expiry` movement referencing the lot).
 */
export function stockBoard(db: Database.Database): StockBoardRow[] {
  const rows = db.prepare(`
    WITH written_off AS (
      SELECT json_extract(body, '$.reference') AS lot FROM stock_movements
      WHERE live = 1 AND json_extract(body, '$.reason') = 'expiry'
    ), expiry AS (
      SELECT depot_id, item_id, min(json_extract(body, '$.expiresAt')) AS earliest FROM stock_movements
      WHERE live = 1 AND json_extract(body, '$.expiresAt') IS NOT NULL AND json_extract(body, '$.delta') > 0
        AND key NOT IN (SELECT lot FROM written_off WHERE lot IS NOT NULL)
      GROUP BY depot_id, item_id
    )
    SELECT b.depot_id AS depotId, b.item_id AS itemId, b.balance, d.body AS depot, i.body AS item, e.earliest
    FROM stock_balances b
    JOIN depots d ON d.key = b.depot_id AND d.live = 1
    JOIN stock_items i ON i.key = b.item_id AND i.live = 1
    LEFT JOIN expiry e ON e.depot_id = b.depot_id AND e.item_id = b.item_id
    ORDER BY b.depot_id, b.item_id`).all() as { depotId: string; itemId: string; balance: number; depot: string; item: string; earliest: string | null }[];
  return rows.map((row) => {
    const depot = JSON.parse(row.depot) as Depot;
    const item = JSON.parse(row.item) as StockItem;
    return {
      id: `${row.depotId}/${row.itemId}`,
      depotId: row.depotId,
      depotName: depot.name,
      depotNameEn: depot.nameEn ?? null,
      districtCode: depot.districtCode,
      owner: depot.owner,
      reserveType: depot.reserveType,
      itemId: row.itemId,
      itemName: item.name,
      itemNameEn: item.nameEn ?? null,
      unit: item.unit,
      category: item.category,
      balance: row.balance,
      minLevel: item.minLevel ?? null,
      earliestExpiry: row.earliest,
      exercise: Boolean(depot.exercise || item.exercise),
    };
  });
}
