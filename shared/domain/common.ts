import { z } from 'zod';

/** A 12-digit administrative code (GB/T 2260 + township extension), e.g. 310101002000. */
export const AdminCode = z.string().regex(/^\d{12}$/, 'must be a 12-digit administrative code');

/** Stable record id: letters, digits, dash, underscore, colon, dot; 1–80 characters. */
export const RecordId = z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/, 'must be 1–80 letters, digits or - _ . :');

/** A WGS84 position. */
export const LonLat = z.object({
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});
export type LonLat = z.infer<typeof LonLat>;

/** ISO-8601 timestamp with a zone, as produced by Date.prototype.toISOString. */
export const Timestamp = z.string().datetime({ offset: true });

/** A human name in Chinese, optionally with its English form. */
export const Names = {
  name: z.string().trim().min(1).max(120),
  nameEn: z.string().trim().min(1).max(160).optional(),
};

/** Marks a record as exercise (演练) data rather than real operations data. */
export const Exercise = { exercise: z.boolean().default(false) };
