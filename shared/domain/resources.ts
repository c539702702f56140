import { z } from 'zod';
import { AdminCode, Exercise, LonLat, Names, RecordId, Timestamp } from './common.ts';

/** Reserve types named by the policy: physical, production capacity, government, non-government. */
export const ReserveType = z.enum(['physical', 'productionCapacity', 'government', 'nonGovernment']);

export const Depot = z.object({
  id: RecordId,
  ...Names,
  owner: z.string().trim().min(1).max(120),
  districtCode: AdminCode,
  reserveType: ReserveType,
  location: LonLat,
  ...Exercise,
});
export type Depot = z.infer<typeof Depot>;

/** What one unit of an item provides, so needs (litres, kcal, persons, m²) convert to units. */
export const UnitContent = z.object({
  amount: z.number().positive(),
  measure: z.enum(['L', 'kcal', 'person', 'm2']),
});
export type UnitContent = z.infer<typeof UnitContent>;

export const StockItem = z.object({
  id: RecordId,
  ...Names,
  unit: z.string().trim().min(1).max(20),
  category: z.enum(['water', 'food', 'bedding', 'shelter', 'medical', 'rescue', 'power', 'other']),
  unitContent: UnitContent.optional(),
  /** The least a depot should hold of this item; a lower balance is flagged on the Stock board. */
  minLevel: z.number().int().min(0).max(100_000_000).optional(),
  ...Exercise,
});
export type StockItem = z.infer<typeof StockItem>;

/** The most one movement may move (a whole city reserve of one item is far below it); bounds typing slips such as 2^53−1. */
export const MAX_MOVEMENT = 10_000_000;

/** A signed change of stock; balances are sums of movements, never typed over. */
export const StockMovement = z.object({
  id: RecordId,
  depotId: RecordId,
  itemId: RecordId,
  delta: z.number().int().min(-MAX_MOVEMENT, `at most ${MAX_MOVEMENT.toLocaleString('en-US')} in one movement`)
    .max(MAX_MOVEMENT, `at most ${MAX_MOVEMENT.toLocaleString('en-US')} in one movement`)
    .refine((n) => n !== 0, 'a movement must change the stock'),
  reason: z.enum(['receipt', 'allocation', 'return', 'adjustment', 'expiry']),
  reference: z.string().max(120).optional(),
  at: Timestamp,
  /** For a receipt of perishable goods: when this lot expires. */
  expiresAt: Timestamp.optional(),
  ...Exercise,
}).refine((movement) => movement.reason !== 'receipt' || movement.delta > 0, { path: ['delta'], message: 'a receipt adds stock: its quantity must be positive' });
export type StockMovement = z.infer<typeof StockMovement>;

export const TeamKind = z.enum(['fireRescue', 'professional', 'social', 'grassroots', 'volunteer']);

export const Team = z.object({
  id: RecordId,
  ...Names,
  kind: TeamKind,
  size: z.number().int().min(1).max(100000),
  capabilities: z.array(z.string().min(1).max(40)).max(40),
  status: z.enum(['available', 'assigned', 'resting', 'offline']),
  districtCode: AdminCode,
  position: LonLat.optional(),
  ...Exercise,
});
export type Team = z.infer<typeof Team>;

/** The policy's minimum usable area per sheltered person. */
export const SHELTER_M2_PER_PERSON = 2;

export const Shelter = z.object({
  id: RecordId,
  ...Names,
  districtCode: AdminCode,
  streetCode: AdminCode.optional(),
  usableAreaM2: z.number().positive().max(10_000_000),
  occupancy: z.number().int().min(0),
  state: z.enum(['closed', 'ready', 'open', 'full']),
  facilities: z.array(z.string().min(1).max(40)).max(40),
  location: LonLat,
  ...Exercise,
});
export type Shelter = z.infer<typeof Shelter>;

/** Capacity in persons at the policy's 2 m² per person. */
export function shelterCapacity(shelter: Pick<Shelter, 'usableAreaM2'>): number {
  return Math.floor(shelter.usableAreaM2 / SHELTER_M2_PER_PERSON);
}

export const StockBalance = z.object({ depotId: RecordId, itemId: RecordId, balance: z.number().int(), updatedAt: Timestamp });
export type StockBalance = z.infer<typeof StockBalance>;
export { Timestamp };
