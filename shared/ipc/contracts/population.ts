import { z } from 'zod';
import { call } from '../call.ts';

/** A population table (CSV) as the CLI or UI read it from disk; source and date fill columns the file leaves out. */
export const PopulationImport = z.object({
  fileName: z.string().trim().min(1).max(260),
  text: z.string().min(1, 'the file is empty').max(2 * 1024 * 1024, 'the file is larger than 2 MB'),
  source: z.string().trim().min(1).max(300).optional(),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD').optional(),
}).strict();

/** The table in use: the shipped one, or the one an administrator imported. */
export interface PopulationSummary {
  fileName: string;
  shipped: boolean;
  rows: number;
  /** The people of the region as the table counts them (districts, or their streets). */
  total: number;
  sources: { source: string; asOf: string }[];
}

const Empty = z.object({}).strict();

export const POPULATION_CONTRACT = {
  'population:table': call<typeof Empty, PopulationSummary>(Empty),
  'population:import': call<typeof PopulationImport, PopulationSummary>(PopulationImport),
};
