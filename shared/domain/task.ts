import { z } from 'zod';
import { AdminCode, Exercise, RecordId, Timestamp } from './common.ts';

/** Closed-loop task lifecycle (派单闭环), forward only. */
export const TASK_STATUSES = ['open', 'accepted', 'inProgress', 'done', 'verified'] as const;
export const TaskStatus = z.enum(TASK_STATUSES);

export const Task = z.object({
  id: RecordId,
  title: z.string().trim().min(1).max(200),
  incidentId: RecordId.optional(),
  sessionId: RecordId.optional(),
  assigneeUnit: z.string().trim().min(1).max(120),
  nodeCode: AdminCode,
  status: TaskStatus,
  dueAt: Timestamp.optional(),
  createdAt: Timestamp,
  ...Exercise,
});
export type Task = z.infer<typeof Task>;
