import { z } from 'zod';
import { AdminCode, Exercise, RecordId, Timestamp } from './common.ts';

/** A consultation (会商) across agencies; its entries are insert-only. */
export const ConsultationSession = z.object({
  id: RecordId,
  title: z.string().trim().min(1).max(200),
  nodeCode: AdminCode,
  agencies: z.array(z.string().min(1).max(60)).max(40),
  incidentId: RecordId.optional(),
  status: z.enum(['open', 'closed']),
  startedAt: Timestamp,
  ...Exercise,
});
export type ConsultationSession = z.infer<typeof ConsultationSession>;

/** One insert-only record of a session: evidence, judgement, decision or note; corrections point to what they correct. */
export const ConsultationEntry = z.object({
  id: RecordId,
  sessionId: RecordId,
  kind: z.enum(['evidence', 'judgement', 'decision', 'note']),
  agency: z.string().min(1).max(60),
  text: z.string().min(1).max(8000),
  corrects: RecordId.optional(),
  at: Timestamp,
  ...Exercise,
});
export type ConsultationEntry = z.infer<typeof ConsultationEntry>;
