import { z } from 'zod';
import { AdminCode, Exercise, RecordId, Timestamp } from './common.ts';

/** Closed-loop task lifecycle (派单闭环), forward only. */
export const TASK_STATUSES = ['open', 'accepted', 'inProgress', 'done', 'verified'] as const;
export const TaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatus>;

/** What kind of unit a task is dispatched to. */
export const TaskUnitKind = z.enum(['agency', 'district', 'team', 'person']);
export type TaskUnitKind = z.infer<typeof TaskUnitKind>;

export const Task = z.object({
  id: RecordId,
  title: z.string().trim().min(1).max(200),
  incidentId: RecordId.optional(),
  sessionId: RecordId.optional(),
  /** The consultation entry (action item) it came from. */
  entryId: RecordId.optional(),
  assigneeUnit: z.string().trim().min(1).max(120),
  assigneeKind: TaskUnitKind.optional(),
  nodeCode: AdminCode,
  status: TaskStatus,
  dueAt: Timestamp.optional(),
  /** A reopened task continues as a new task that points to the one it reopens. */
  reopenOf: RecordId.optional(),
  createdAt: Timestamp,
  ...Exercise,
});
export type Task = z.infer<typeof Task>;

/** One insert-only line of a task's history: dispatch, each step, a reopen, a note. */
export const TaskEntry = z.object({
  id: RecordId,
  taskId: RecordId,
  kind: z.enum(['dispatch', 'status', 'reopen', 'note']),
  status: TaskStatus.optional(),
  text: z.string().trim().max(2000).optional(),
  /** For a reopen: the new task that carries the work on. */
  followUpId: RecordId.optional(),
  by: z.string().min(1).max(80),
  at: Timestamp,
  ...Exercise,
});
export type TaskEntry = z.infer<typeof TaskEntry>;

/** Whether `to` is later than `from` (tasks only move forward; a reopen is its own step). */
export function taskMovesForward(from: TaskStatus, to: TaskStatus): boolean {
  return TASK_STATUSES.indexOf(to) > TASK_STATUSES.indexOf(from);
}

/** A task is closed once verified: the loop is shut. */
export function isTaskClosed(task: Pick<Task, 'status'>): boolean {
  return task.status === 'verified';
}

/** Past its deadline and not yet done. */
export function isTaskOverdue(task: Pick<Task, 'status' | 'dueAt'>, now: Date): boolean {
  return task.dueAt !== undefined && task.status !== 'done' && task.status !== 'verified' && Date.parse(task.dueAt) < now.getTime();
}

/** Counts for "3 of 5 tasks closed", leaving out tasks that were reopened (their follow-up counts instead). */
export function taskProgress(tasks: readonly Task[], now: Date): { total: number; closed: number; overdue: number } {
  const reopened = new Set(tasks.flatMap((task) => (task.reopenOf ? [task.reopenOf] : [])));
  const current = tasks.filter((task) => !reopened.has(task.id));
  return {
    total: current.length,
    closed: current.filter(isTaskClosed).length,
    overdue: current.filter((task) => isTaskOverdue(task, now)).length,
  };
}
