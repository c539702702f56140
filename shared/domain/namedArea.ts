import { z } from 'zod';
import { Exercise, LonLat, RecordId, Timestamp } from './common.ts';

/** What an area is for; risk areas are drawn hatched in the map's risk layer. */
export const AreaPurpose = z.enum(['general', 'risk', 'alert', 'evacuation']);
export type AreaPurpose = z.infer<typeof AreaPurpose>;

const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

/**
 * An area an officer drew on the map and named (e.g. "浦东沿江低洼区"), for alerts and needs
 * assessment. Always carries a closed WGS84 ring; a drawn circle keeps its centre and radius
 * too, and its ring is the circle as a 64-sided polygon so every consumer can treat it as one.
 */
export const NamedArea = z.object({
  id: RecordId,
  name: z.string().trim().min(1, 'give the area a name').max(120),
  shape: z.enum(['polygon', 'circle']),
  ring: z.array(Position).min(4).max(5000),
  circle: z.object({ center: LonLat, radiusM: z.number().positive().max(500_000) }).optional(),
  /** Geodesic area in km², as computed when saved. */
  areaKm2: z.number().min(0),
  /** Optional so areas stored before purposes existed stay valid; absent means general. */
  purpose: AreaPurpose.optional(),
  createdAt: Timestamp,
  ...Exercise,
});
export type NamedArea = z.infer<typeof NamedArea>;
