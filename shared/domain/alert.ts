import { z } from 'zod';
import { AdminCode, Exercise, RecordId, Timestamp } from './common.ts';

/** An early warning in the shape of CAP 1.2: targeted by area, group and language. */
export const Alert = z.object({
  id: RecordId,
  sender: z.string().min(1).max(200),
  sent: Timestamp,
  status: z.enum(['Actual', 'Exercise', 'System', 'Test', 'Draft']),
  msgType: z.enum(['Alert', 'Update', 'Cancel', 'Ack', 'Error']),
  scope: z.enum(['Public', 'Restricted', 'Private']),
  event: z.string().min(1).max(200),
  severity: z.enum(['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown']),
  urgency: z.enum(['Immediate', 'Expected', 'Future', 'Past', 'Unknown']),
  certainty: z.enum(['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown']),
  languages: z.array(z.string().min(2).max(10)).min(1),
  groups: z.array(z.string().min(1).max(60)).max(20),
  /** What people read, per language (CAP info blocks): headline, description and instruction. */
  texts: z.array(z.object({
    language: z.string().min(2).max(10),
    headline: z.string().min(1).max(160),
    description: z.string().max(2000).optional(),
    instruction: z.string().max(1000).optional(),
  })).max(4).optional(),
  areas: z.array(z.object({
    description: z.string().min(1).max(200),
    codes: z.array(AdminCode).max(300),
    polygon: z.array(z.tuple([z.number(), z.number()])).optional(),
  })).min(1),
  ...Exercise,
});
export type Alert = z.infer<typeof Alert>;
