import { randomUUID } from 'node:crypto';
import type { ConsultationSession } from '../../../shared/domain/consultation.ts';
import type { Incident } from '../../../shared/domain/incident.ts';
import { taskMovesForward, type Task, type TaskEntry } from '../../../shared/domain/task.ts';
import type { Handlers, MethodArgs } from '../../../shared/ipc/contract.ts';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import type { OpDraft } from '../../../shared/sync/op.ts';
import type { Store } from '../store/storeClient.ts';
import { scopeOf } from './incidentsService.ts';
import { currentCaller } from '../users/callGate.ts';
import { requireRecord } from './records.ts';

export function taskEntryDraft(store: Store, task: Task, fields: Omit<TaskEntry, 'id' | 'taskId' | 'by' | 'exercise'>): OpDraft {
  const body: TaskEntry = { id: `taske-${randomUUID()}`, taskId: task.id, by: store.identity.nodeId, exercise: task.exercise, ...fields };
  return { entity: 'taskEntry', key: body.id, kind: 'insert', body, scope: scopeOf(task.nodeCode) };
}

export interface TaskDraftInput {
  title: string;
  assigneeUnit: string;
  assigneeKind: Task['assigneeKind'];
  dueAt?: string | undefined;
  incidentId?: string | undefined;
  sessionId?: string | undefined;
  entryId?: string | undefined;
  nodeCode?: string | undefined;
  note?: string | undefined;
  exercise: boolean;
}

/**
 * Builds a dispatched task and the first line of its history, checking what it refers to.
 * The consultation service uses it too, so an action item becomes a task in the same transaction.
 */
export async function taskDrafts(store: Store, input: TaskDraftInput, at: string): Promise<{ task: Task; drafts: OpDraft[] }> {
  const incident = input.incidentId ? await requireRecord<Incident>(store, 'incident', input.incidentId, 'incident') : null;
  const session = input.sessionId ? await requireRecord<ConsultationSession>(store, 'consultationSession', input.sessionId, 'consultation session') : null;
  if (input.nodeCode) await requireRecord(store, 'commandNode', input.nodeCode, 'command node');
  if (input.dueAt && Date.parse(input.dueAt) < Date.parse(at) - 60_000) {
    throw new ConsoleError({ code: 'INVALID_ARGUMENT', message: 'the deadline is already past', issues: [{ path: 'dueAt', message: 'the deadline is already past' }] });
  }
  const task: Task = {
    id: `task-${randomUUID()}`,
    title: input.title,
    assigneeUnit: input.assigneeUnit,
    ...(input.assigneeKind ? { assigneeKind: input.assigneeKind } : {}),
    nodeCode: input.nodeCode ?? incident?.nodeCode ?? session?.nodeCode ?? store.identity.nodeCode,
    status: 'open',
    createdAt: at,
    exercise: input.exercise || Boolean(incident?.exercise) || Boolean(session?.exercise),
    ...(input.dueAt ? { dueAt: input.dueAt } : {}),
    ...(incident ? { incidentId: incident.id } : session?.incidentId ? { incidentId: session.incidentId } : {}),
    ...(session ? { sessionId: session.id } : {}),
    ...(input.entryId ? { entryId: input.entryId } : {}),
  };
  return {
    task,
    drafts: [
      { entity: 'task', key: task.id, kind: 'upsert', body: task, scope: scopeOf(task.nodeCode) },
      taskEntryDraft(store, task, { kind: 'dispatch', status: 'open', text: input.note || `→ ${task.assigneeUnit}`, at }),
    ],
  };
}

export async function dispatchTask(store: Store, args: MethodArgs<'tasks:dispatch'>, now = new Date()): Promise<Task> {
  const { task, drafts } = await taskDrafts(store, args, now.toISOString());
  await store.write(drafts);
  return task;
}

/**
 * Moves a task forward (accepted, in progress, done, verified). Only later states are
 * accepted; replicas that took different steps apart keep the furthest (shared/sync/merge.ts).
 */
export async function advanceTask(store: Store, args: MethodArgs<'tasks:advance'>, now = new Date()): Promise<Task> {
  const task = await requireRecord<Task>(store, 'task', args.id, 'task');
  if (!taskMovesForward(task.status, args.to)) {
    throw new ConsoleError({ code: 'CONFLICT', message: `task ${task.id} is already ${task.status}; a task only moves forward, not to ${args.to} (reopen it instead)` });
  }
  if (args.to === 'verified' && task.status !== 'done') {
    throw new ConsoleError({ code: 'CONFLICT', message: `task ${task.id} is ${task.status}; only a task reported done can be verified` });
  }
  const at = now.toISOString();
  await store.write([
    { entity: 'task', key: task.id, kind: 'patch', body: { status: args.to }, scope: scopeOf(task.nodeCode) },
    taskEntryDraft(store, task, { kind: 'status', status: args.to, at, ...(args.note ? { text: args.note } : {}) }),
  ]);
  return { ...task, status: args.to };
}

/**
 * Reopens a done or verified task. Its status cannot go back (forward-only merge), so the
 * reopen is an entry of its own and the work continues as a follow-up task pointing to it.
 */
export async function reopenTask(store: Store, args: MethodArgs<'tasks:reopen'>, now = new Date()): Promise<Task> {
  const task = await requireRecord<Task>(store, 'task', args.id, 'task');
  if (task.status !== 'done' && task.status !== 'verified') {
    throw new ConsoleError({ code: 'CONFLICT', message: `task ${task.id} is still ${task.status}; only a done or verified task can be reopened` });
  }
  const at = now.toISOString();
  const followUp: Task = {
    ...task, id: `task-${randomUUID()}`, status: 'open', createdAt: at, reopenOf: task.id,
    ...(args.dueAt ? { dueAt: args.dueAt } : {}),
  };
  if (!args.dueAt) delete followUp.dueAt;
  await store.write([
    taskEntryDraft(store, task, { kind: 'reopen', text: args.reason, followUpId: followUp.id, at }),
    { entity: 'task', key: followUp.id, kind: 'upsert', body: followUp, scope: scopeOf(followUp.nodeCode) },
    taskEntryDraft(store, followUp, { kind: 'dispatch', status: 'open', text: args.reason, at }),
  ]);
  return followUp;
}

export function taskHandlers(store: Store): Pick<Handlers, 'tasks:list' | 'tasks:history' | 'tasks:dispatch' | 'tasks:advance' | 'tasks:reopen'> {
  return {
    'tasks:list': () => store.query('tasks.list'),
    'tasks:history': async (args) => {
      await requireRecord(store, 'task', args.id, 'task');
      return store.query('tasks.history', args);
    },
    'tasks:dispatch': (args) => dispatchTask(store, args),
    'tasks:advance': (args) => {
      // Whoever holds a task moves it forward; closing the loop (verified) is a duty officer's word.
      if (args.to === 'verified' && currentCaller()?.role === 'liaison') {
        throw new ConsoleError({ code: 'FORBIDDEN', message: 'a task is verified by a duty officer or an administrator, not by an agency liaison' });
      }
      return advanceTask(store, args);
    },
    'tasks:reopen': (args) => reopenTask(store, args),
  };
}
