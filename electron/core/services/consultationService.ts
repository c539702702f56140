import { randomUUID } from 'node:crypto';
import type { Alert } from '../../../shared/domain/alert.ts';
import type { CommandNode } from '../../../shared/domain/commandNode.ts';
import type { ConsultationEntry, ConsultationSession, EvidenceSnapshot } from '../../../shared/domain/consultation.ts';
import type { Incident } from '../../../shared/domain/incident.ts';
import type { Task } from '../../../shared/domain/task.ts';
import type { Handlers, MethodArgs } from '../../../shared/ipc/contract.ts';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import type { OpDraft } from '../../../shared/sync/op.ts';
import type { Store } from '../store/storeClient.ts';
import { scopeOf } from './incidentsService.ts';
import { currentCaller } from '../users/callGate.ts';
import { minutesFile } from './minutesExport.ts';
import { MINUTES_LABELS } from './minutesLabels.ts';
import { requireRecord } from './records.ts';
import { taskDrafts } from './tasksService.ts';

/** The whole city at a glance, when the caller sends no map view. */
export const DEFAULT_VIEW = { center: [121.5, 31.2] as [number, number], zoom: 8, layers: ['districts', 'incidents'] };

async function openSession(store: Store, id: string): Promise<ConsultationSession> {
  const session = await requireRecord<ConsultationSession>(store, 'consultationSession', id, 'consultation session');
  if (session.status === 'closed') throw new ConsoleError({ code: 'CONFLICT', message: `session "${session.title}" was signed off; nothing more can be recorded in it` });
  return session;
}

function entryDraft(store: Store, session: ConsultationSession, fields: Omit<ConsultationEntry, 'id' | 'sessionId' | 'by' | 'exercise'>): { entry: ConsultationEntry; draft: OpDraft } {
  const entry: ConsultationEntry = { id: `cse-${randomUUID()}`, sessionId: session.id, by: store.identity.nodeId, exercise: session.exercise, ...fields };
  return { entry, draft: { entity: 'consultationEntry', key: entry.id, kind: 'insert', body: entry, scope: scopeOf(session.nodeCode) } };
}

/** Opens a session from an incident, a warning, or on its own. */
export async function openConsultation(store: Store, args: MethodArgs<'consultation:open'>, now = new Date()): Promise<ConsultationSession> {
  const incident = args.incidentId ? await requireRecord<Incident>(store, 'incident', args.incidentId, 'incident') : null;
  const alert = args.alertId ? await requireRecord<Alert>(store, 'alert', args.alertId, 'warning') : null;
  if (args.nodeCode) await requireRecord(store, 'commandNode', args.nodeCode, 'command node');
  const session: ConsultationSession = {
    id: `cs-${randomUUID()}`,
    title: args.title,
    nodeCode: args.nodeCode ?? incident?.nodeCode ?? store.identity.nodeCode,
    agencies: [...new Set(args.participants.map((participant) => participant.agency))],
    participants: args.participants,
    agenda: args.agenda,
    status: 'open',
    startedAt: now.toISOString(),
    exercise: args.exercise || Boolean(incident?.exercise) || Boolean(alert?.exercise),
    ...(incident ? { incidentId: incident.id } : {}),
    ...(alert ? { alertId: alert.id } : {}),
  };
  await store.write([{ entity: 'consultationSession', key: session.id, kind: 'upsert', body: session, scope: scopeOf(session.nodeCode) }]);
  return session;
}

/** The situation now, frozen: key figures and the map's view with its incident points. */
export async function freezeEvidence(store: Store, view: MethodArgs<'consultation:record'>['map'], now: Date): Promise<EvidenceSnapshot> {
  const { incidentPoints, ...figures } = await store.query('consultation.figures');
  const map = view ?? DEFAULT_VIEW;
  return { takenAt: now.toISOString(), figures, map: { center: map.center, zoom: map.zoom, layers: map.layers, incidents: incidentPoints } };
}

/** Records evidence (frozen at this moment), a judgement, a decision or a note. */
export async function recordEntry(store: Store, args: MethodArgs<'consultation:record'>, now = new Date()): Promise<ConsultationEntry> {
  const session = await openSession(store, args.sessionId);
  if (args.corrects) {
    const corrected = await requireRecord<ConsultationEntry>(store, 'consultationEntry', args.corrects, 'session entry');
    if (corrected.sessionId !== session.id) throw new ConsoleError({ code: 'INVALID_ARGUMENT', message: 'the corrected entry belongs to another session', issues: [{ path: 'corrects', message: 'the corrected entry belongs to another session' }] });
  }
  const { entry, draft } = entryDraft(store, session, {
    kind: args.kind, agency: args.agency, text: args.text, at: now.toISOString(),
    ...(args.kind === 'judgement' && args.confidence ? { confidence: args.confidence } : {}),
    ...(args.kind === 'decision' && args.approvedBy ? { approvedBy: args.approvedBy } : {}),
    ...(args.corrects ? { corrects: args.corrects } : {}),
    ...(args.kind === 'evidence' ? { snapshot: await freezeEvidence(store, args.map, now) } : {}),
  });
  await store.write([draft]);
  return entry;
}

/** An action item and the task it becomes, in one transaction. */
export async function recordAction(store: Store, args: MethodArgs<'consultation:action'>, now = new Date()): Promise<{ entry: ConsultationEntry; task: Task }> {
  const session = await openSession(store, args.sessionId);
  const at = now.toISOString();
  const entryId = `cse-${randomUUID()}`;
  const { task, drafts } = await taskDrafts(store, {
    title: args.text, assigneeUnit: args.assigneeUnit, assigneeKind: args.assigneeKind, dueAt: args.dueAt,
    sessionId: session.id, entryId, exercise: session.exercise, note: `${args.agency}: ${args.text}`,
  }, at);
  const { entry, draft } = entryDraft(store, session, { kind: 'action', agency: args.agency, text: args.text, taskId: task.id, at });
  const withId = { ...entry, id: entryId };
  await store.write([{ ...draft, key: entryId, body: withId }, ...drafts]);
  return { entry: withId, task };
}

/** A warning the session decided to issue, recorded with the draft alert it becomes. */
export async function recordWarning(store: Store, args: MethodArgs<'consultation:warning'>, now = new Date()): Promise<{ entry: ConsultationEntry; alert: Alert }> {
  const session = await openSession(store, args.sessionId);
  const names: string[] = [];
  for (const code of args.areaCodes) names.push((await requireRecord<CommandNode>(store, 'commandNode', code, 'area')).name);
  const at = now.toISOString();
  // A draft only: the warning desk (CAP) completes, approves and issues it.
  const alert: Alert = {
    // A draft in the warning desk's workflow (state), under the CAP status it will be issued with; a CAP sender has no spaces.
    id: `alert-${randomUUID()}`, sender: store.identity.nodeId, sent: at,
    status: session.exercise ? 'Exercise' : 'Actual', state: 'draft', msgType: 'Alert', scope: 'Public', event: args.headline, severity: args.severity,
    urgency: 'Expected', certainty: 'Likely', languages: ['zh-CN'], groups: ['public'],
    texts: [{ language: 'zh-CN', headline: args.headline }],
    areas: [{ description: names.join('、').slice(0, 200), codes: [...new Set(args.areaCodes)] }],
    exercise: session.exercise,
  };
  const { entry, draft } = entryDraft(store, session, { kind: 'warning', agency: args.agency, text: args.headline, alertId: alert.id, at });
  await store.write([draft, { entity: 'alert', key: alert.id, kind: 'upsert', body: alert, scope: scopeOf(store.identity.nodeCode) }]);
  return { entry, alert };
}

/** The sign-off closes the session for good (closed is the last state of a forward-only lifecycle). */
export async function signOff(store: Store, args: MethodArgs<'consultation:signOff'>, now = new Date()): Promise<ConsultationSession> {
  const session = await openSession(store, args.sessionId);
  const at = now.toISOString();
  const { draft } = entryDraft(store, session, { kind: 'signOff', agency: args.approvedBy, approvedBy: args.approvedBy, text: args.text || 'signed off', at });
  await store.write([
    draft,
    { entity: 'consultationSession', key: session.id, kind: 'patch', body: { status: 'closed', closedAt: at }, scope: scopeOf(session.nodeCode) },
  ]);
  return { ...session, status: 'closed', closedAt: at };
}

/**
 * Attendance during an open session: someone arrives, joins by video, leaves, or is added. The
 * session's list changes and the record gets a note with the time, so the minutes say who was
 * there when each decision was taken.
 */
export async function attend(store: Store, args: MethodArgs<'consultation:attend'>, now = new Date()): Promise<ConsultationSession> {
  const session = await openSession(store, args.sessionId);
  const people = session.participants ?? [];
  const index = people.findIndex((person) => person.name === args.name && person.agency === args.agency);
  const before = index >= 0 ? people[index]!.attendance : null;
  if (before === args.attendance) return session;
  const participants = index >= 0
    ? people.map((person, position) => (position === index ? { ...person, attendance: args.attendance } : person))
    : [...people, { name: args.name, agency: args.agency, attendance: args.attendance }];
  if (participants.length > 80) throw new ConsoleError({ code: 'INVALID_ARGUMENT', message: 'a session lists at most 80 participants', issues: [{ path: 'name', message: 'a session lists at most 80 participants' }] });
  const agencies = [...new Set([...session.agencies, args.agency])].slice(0, 40);
  // The minutes' own words for attendance, in both languages.
  const to = { zh: MINUTES_LABELS['zh-CN'][args.attendance], en: MINUTES_LABELS.en[args.attendance] };
  const from = before ? { zh: MINUTES_LABELS['zh-CN'][before], en: MINUTES_LABELS.en[before] } : null;
  const text = from
    ? `${args.name}（${args.agency}）出席：${from.zh} → ${to.zh} / ${args.name} (${args.agency}): ${from.en} → ${to.en}`
    : `${args.name}（${args.agency}）加入会商：${to.zh} / ${args.name} (${args.agency}) joins: ${to.en}`;
  const { draft } = entryDraft(store, session, {
    kind: 'note', agency: args.agency, text, at: now.toISOString(),
    attendance: { name: args.name, agency: args.agency, ...(before ? { from: before } : {}), to: args.attendance },
  });
  await store.write([
    { entity: 'consultationSession', key: session.id, kind: 'patch', body: { participants, agencies }, scope: scopeOf(session.nodeCode) },
    draft,
  ]);
  return { ...session, participants, agencies };
}

export function consultationHandlers(store: Store): Pick<Handlers, 'consultation:list' | 'consultation:entries' | 'consultation:open' | 'consultation:record' | 'consultation:action' | 'consultation:warning' | 'consultation:attend' | 'consultation:signOff' | 'consultation:minutes'> {
  return {
    'consultation:list': () => store.query('consultation.sessions'),
    'consultation:entries': async (args) => {
      await requireRecord(store, 'consultationSession', args.id, 'consultation session');
      return store.query('consultation.entries', args);
    },
    'consultation:open': (args) => openConsultation(store, args),
    'consultation:record': (args) => {
      // Agencies bring evidence and judgements; recording a decision is the duty officer's.
      if (args.kind === 'decision' && currentCaller()?.role === 'liaison') {
        throw new ConsoleError({ code: 'FORBIDDEN', message: 'a decision is recorded by a duty officer or an administrator, not by an agency liaison' });
      }
      return recordEntry(store, args);
    },
    'consultation:action': (args) => recordAction(store, args),
    'consultation:warning': (args) => recordWarning(store, args),
    'consultation:attend': (args) => attend(store, args),
    'consultation:signOff': (args) => signOff(store, args),
    'consultation:minutes': (args) => minutesFile(store, args.id, args.format, args.locale),
  };
}
