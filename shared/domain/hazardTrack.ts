import { z } from 'zod';
import { RecordId, Timestamp } from './common.ts';

export const TrackPoint = z.object({
  time: Timestamp,
  /** CMA intensity category: 0 below TD … 6 super typhoon, 9 extratropical. */
  category: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6), z.literal(9)]),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  pressureHpa: z.number().min(850).max(1100),
  windMs: z.number().min(0).max(120),
});

/** A tropical-cyclone track (best track or forecast) for the situation map. */
export const HazardTrack = z.object({
  id: RecordId,
  kind: z.literal('tropicalCyclone'),
  /** Storm number as its source gives it (China's YYNN, else the international one). */
  number: z.string().min(1).max(20),
  name: z.string().min(1).max(80),
  source: z.string().min(1).max(200),
  points: z.array(TrackPoint).min(1).max(2000),
});
export type HazardTrack = z.infer<typeof HazardTrack>;
