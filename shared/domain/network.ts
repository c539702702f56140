import { z } from 'zod';
import { AdminCode, Exercise, RecordId, Timestamp } from './common.ts';

/** Channels named by the policy: fibre, private wireless, Beidou short message, satellite phone, ad-hoc. */
export const LinkChannel = z.enum(['fibre', 'privateWireless', 'beidou', 'satellitePhone', 'adHoc']);

export const NetworkLink = z.object({
  id: RecordId,
  fromCode: AdminCode,
  toCode: AdminCode,
  channel: LinkChannel,
  state: z.enum(['up', 'degraded', 'down']),
  rttMs: z.number().min(0).optional(),
  lastContactAt: Timestamp.optional(),
  ...Exercise,
});
export type NetworkLink = z.infer<typeof NetworkLink>;
