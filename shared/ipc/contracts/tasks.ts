import { z } from 'zod';
import { call } from '../call.ts';
import { AdminCode, RecordId, Timestamp } from '../../domain/common.ts';
import { TaskStatus, TaskUnitKind, type Task, type TaskEntry } from '../../domain/task.ts';

/** A task dispatched to a unit, for an incident, a session or on its own. */
export const TaskDispatch = z.object({
  title: z.string().trim().min(1, 'say what is to be done').max(200),
  assigneeUnit: z.string().trim().min(1, 'name the unit that does it').max(120),
  assigneeKind: TaskUnitKind.default('agency'),
  dueAt: Timestamp.optional(),
  incidentId: RecordId.optional(),
  sessionId: RecordId.optional(),
  /** Where the task belongs; defaults to its incident's or session's node, else this console's. */
  nodeCode: AdminCode.optional(),
  note: z.string().trim().max(2000).optional(),
  exercise: z.boolean().default(false),
}).strict();

export const TaskAdvance = z.object({
  id: RecordId,
  to: TaskStatus,
  note: z.string().trim().max(2000).optional(),
}).strict();

export const TaskReopen = z.object({
  id: RecordId,
  reason: z.string().trim().min(1, 'say why the task is reopened').max(2000),
  dueAt: Timestamp.optional(),
}).strict();

const ById = z.object({ id: RecordId }).strict();
const Empty = z.object({}).strict();

/** Tasks tracked to closure (派单闭环). */
export const TASKS_CONTRACT = {
  'tasks:list': call<typeof Empty, Task[]>(Empty),
  'tasks:history': call<typeof ById, TaskEntry[]>(ById),
  'tasks:dispatch': call<typeof TaskDispatch, Task>(TaskDispatch),
  'tasks:advance': call<typeof TaskAdvance, Task>(TaskAdvance),
  'tasks:reopen': call<typeof TaskReopen, Task>(TaskReopen),
};
