import { z } from 'zod';
import { RecordId, Timestamp } from './common.ts';

/** Control and invisible format characters: a storm's name or number is shown and printed, never carries them. */
const PLAIN_TEXT = /^[^\p{Cc}\p{Cf}]*$/u;
const plain = (max: number) => z.string().min(1).max(max).regex(PLAIN_TEXT, 'must not contain control characters');

export const TrackPoint = z.object({
  time: Timestamp,
  /** CMA intensity category: 0 below TD … 6 super typhoon, 9 extratropical. */
  category: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6), z.literal(9)]),
  lat: z.number().min(-90).max(90),
  /**
   * WGS84, normalised to −180..180: a fix at 243.9°E is stored as −116.1. A track that crosses the
   * date line jumps from about +180 to about −180 between two points; draw it through
   * `unwrapLongitudes` (shared/hazard/longitude.ts), which makes the line continuous.
   */
  lon: z.number().min(-180).max(180),
  pressureHpa: z.number().min(850).max(1100),
  windMs: z.number().min(0).max(120),
});

/** A tropical-cyclone track (best track or forecast) for the situation map. */
export const HazardTrack = z.object({
  id: RecordId,
  kind: z.literal('tropicalCyclone'),
  /** Storm number as its source gives it (China's YYNN, else the international one). */
  number: plain(20),
  name: plain(80),
  source: plain(200),
  points: z.array(TrackPoint).min(1).max(2000),
});
export type HazardTrack = z.infer<typeof HazardTrack>;
