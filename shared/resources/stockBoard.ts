import type { Depot, StockItem } from '../domain/resources.ts';

/** One line of the Stock board: a depot's balance of one item, with what is needed to flag it. */
export interface StockBoardRow {
  /** `depotId/itemId`, the row's id on the board. */
  id: string;
  depotId: string;
  depotName: string;
  depotNameEn: string | null;
  districtCode: string;
  owner: string;
  reserveType: Depot['reserveType'];
  itemId: string;
  itemName: string;
  itemNameEn: string | null;
  unit: string;
  category: StockItem['category'];
  /** Sum of the depot's movements of this item; negative means overdrawn. */
  balance: number;
  minLevel: number | null;
  /** The earliest expiry among lots received and not yet written off, if any lot has one. */
  earliestExpiry: string | null;
  exercise: boolean;
}

export type StockFlag = 'overdraft' | 'belowMinimum' | 'expired' | 'expiringSoon';

/** How far ahead an expiry date is flagged on the Stock board. */
export const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What the duty officer should notice about a holding: overdrawn (a merge of partitioned
 * replicas dispatched more than was there), below the item's minimum, or holding a lot that has
 * expired or expires within 30 days. An empty holding's expiry is not flagged: nothing is left to spoil.
 */
export function stockFlags(row: Pick<StockBoardRow, 'balance' | 'minLevel' | 'earliestExpiry'>, now: Date, withinDays = EXPIRY_WARNING_DAYS): StockFlag[] {
  const flags: StockFlag[] = [];
  if (row.balance < 0) flags.push('overdraft');
  else if (row.minLevel !== null && row.balance < row.minLevel) flags.push('belowMinimum');
  if (row.earliestExpiry !== null && row.balance > 0) {
    const left = Date.parse(row.earliestExpiry) - now.getTime();
    if (left <= 0) flags.push('expired');
    else if (left <= withinDays * DAY_MS) flags.push('expiringSoon');
  }
  return flags;
}
