import { z } from 'zod';
import { Exercise, RecordId } from './common.ts';

/** A video-wall preset: which panel each screen shows, for daily duty or emergency response. */
export const WallLayout = z.object({
  id: RecordId,
  name: z.string().trim().min(1).max(120),
  mode: z.enum(['daily', 'emergency']),
  screens: z.array(z.object({
    screen: z.number().int().min(0).max(63),
    panel: z.string().min(1).max(40),
    state: z.record(z.string(), z.unknown()).optional(),
  })).max(64),
  ...Exercise,
});
export type WallLayout = z.infer<typeof WallLayout>;
