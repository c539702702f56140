import { z } from 'zod';
import { call } from '../call.ts';
import type { Availability } from '../../resources/availability.ts';

const Empty = z.object({}).strict();

/** Stock calls beyond the boards: what each depot can still promise. */
export const STOCK_CONTRACT = {
  /** Every depot's stock of every item, what is committed to allocations not yet dispatched, and what is left. */
  'resources:availability': call<typeof Empty, Availability[]>(Empty),
};
