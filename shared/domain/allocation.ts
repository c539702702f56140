import { z } from 'zod';
import { AdminCode, Exercise, RecordId, Timestamp } from './common.ts';

/**
 * An allocation's lifecycle, modelled on EDXL-RM (request → commit → dispatch → receipt),
 * ranked for the forward-only merge: if two centres move the same allocation apart while cut
 * off, the step further along wins (goods that left a depot did leave it).
 */
export const ALLOCATION_STATUSES = ['requested', 'committed', 'declined', 'dispatched', 'received', 'returned'] as const;
export const AllocationStatus = z.enum(ALLOCATION_STATUSES);
export type AllocationStatus = z.infer<typeof AllocationStatus>;

/** Which steps a duty officer may take from each status. */
export const ALLOCATION_TRANSITIONS: Record<AllocationStatus, readonly AllocationStatus[]> = {
  requested: ['committed', 'declined'],
  committed: ['dispatched', 'declined'],
  declined: [],
  dispatched: ['received', 'returned'],
  received: ['returned'],
  returned: [],
};

export const AllocationDestination = z.object({
  kind: z.enum(['incident', 'shelter', 'depot']),
  id: RecordId,
});

export const Allocation = z.object({
  id: RecordId,
  itemId: RecordId,
  quantity: z.number().int().positive().max(10_000_000),
  /** The depot the goods come from; set at the latest when committed. */
  sourceDepotId: RecordId.optional(),
  destination: AllocationDestination,
  requestedBy: AdminCode,
  status: AllocationStatus,
  expectedArrival: Timestamp.optional(),
  createdAt: Timestamp,
  ...Exercise,
});
export type Allocation = z.infer<typeof Allocation>;

/** One insert-only line of an allocation's ledger: who took which step when. */
export const AllocationStep = z.object({
  id: RecordId,
  allocationId: RecordId,
  step: AllocationStatus,
  at: Timestamp,
  /** The console (node id) that took the step. */
  by: z.string().min(1).max(80),
  /** The person who took the step, once consoles have users; the ledger shows it instead of the node id. */
  authorName: z.string().trim().min(1).max(120).optional(),
  note: z.string().max(500).optional(),
  ...Exercise,
});
export type AllocationStep = z.infer<typeof AllocationStep>;

/** A depot's balance of one item, from the sum of its movements; negative means overdrawn. */
export interface StockBalanceView {
  depotId: string;
  itemId: string;
  balance: number;
  overdraft: boolean;
}
