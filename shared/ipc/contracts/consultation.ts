import { z } from 'zod';
import { call } from '../call.ts';
import { AdminCode, RecordId, Timestamp } from '../../domain/common.ts';
import { Attendance, Confidence, Participant, type ConsultationEntry, type ConsultationSession } from '../../domain/consultation.ts';
import type { Alert } from '../../domain/alert.ts';
import type { Task } from '../../domain/task.ts';
import { TaskUnitKind } from '../../domain/task.ts';

export const SessionOpen = z.object({
  title: z.string().trim().min(1, 'give the session a title').max(200),
  participants: z.array(Participant).max(80).default([]),
  agenda: z.array(z.string().trim().min(1).max(200)).max(30).default([]),
  incidentId: RecordId.optional(),
  alertId: RecordId.optional(),
  nodeCode: AdminCode.optional(),
  exercise: z.boolean().default(false),
}).strict();

const Agency = z.string().trim().min(1, 'name the agency').max(60);
const Text = z.string().trim().min(1, 'the entry is empty').max(8000);

/** The map as the duty officer sees it when evidence is frozen. */
export const MapView = z.object({
  center: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  zoom: z.number().min(0).max(24),
  layers: z.array(z.string().min(1).max(40)).max(30),
}).strict();

/** Evidence (frozen with the situation figures), a judgement, a decision or a note. */
export const SessionRecord = z.object({
  sessionId: RecordId,
  kind: z.enum(['evidence', 'judgement', 'decision', 'note']),
  agency: Agency,
  text: Text,
  confidence: Confidence.optional(),
  approvedBy: z.string().trim().min(1).max(60).optional(),
  corrects: RecordId.optional(),
  map: MapView.optional(),
}).strict()
  .refine((value) => value.kind !== 'judgement' || value.confidence !== undefined, { message: 'say how sure the agency is', path: ['confidence'] })
  .refine((value) => value.kind !== 'decision' || value.approvedBy !== undefined, { message: 'name who approved the decision', path: ['approvedBy'] });

/** An action item that becomes a task in the same step. */
export const SessionAction = z.object({
  sessionId: RecordId,
  agency: Agency,
  text: Text,
  assigneeUnit: z.string().trim().min(1, 'name the unit that does it').max(120),
  assigneeKind: TaskUnitKind.default('agency'),
  dueAt: Timestamp.optional(),
}).strict();

/** A warning the session decides to issue: it becomes a draft alert for the warning desk. */
export const SessionWarning = z.object({
  sessionId: RecordId,
  agency: Agency,
  headline: z.string().trim().min(1, 'write the warning headline').max(160),
  severity: z.enum(['Extreme', 'Severe', 'Moderate', 'Minor']),
  areaCodes: z.array(AdminCode).min(1, 'choose at least one area').max(300),
}).strict();

/** Someone arrives, joins remotely, leaves, or is added to the attendance of an open session. */
export const SessionAttend = z.object({
  sessionId: RecordId,
  name: z.string().trim().min(1, 'name the participant').max(60),
  agency: z.string().trim().min(1, 'name the agency').max(60),
  attendance: Attendance,
}).strict();

export const SessionSignOff = z.object({
  sessionId: RecordId,
  approvedBy: z.string().trim().min(1, 'name who signs off').max(60),
  text: z.string().trim().max(2000).optional(),
}).strict();

export const MinutesRequest = z.object({ id: RecordId, format: z.enum(['md', 'pdf']), locale: z.enum(['zh-CN', 'en']).default('zh-CN') }).strict();

/** Minutes as a file: Markdown text, or a PDF in base64. */
export interface MinutesFile { fileName: string; mimeType: string; encoding: 'utf8' | 'base64'; content: string }

const ById = z.object({ id: RecordId }).strict();
const Empty = z.object({}).strict();

/** Consultation sessions (会商研判) and their minutes. */
export const CONSULTATION_CONTRACT = {
  'consultation:list': call<typeof Empty, ConsultationSession[]>(Empty),
  'consultation:entries': call<typeof ById, ConsultationEntry[]>(ById),
  'consultation:open': call<typeof SessionOpen, ConsultationSession>(SessionOpen),
  'consultation:record': call<typeof SessionRecord, ConsultationEntry>(SessionRecord),
  'consultation:action': call<typeof SessionAction, { entry: ConsultationEntry; task: Task }>(SessionAction),
  'consultation:warning': call<typeof SessionWarning, { entry: ConsultationEntry; alert: Alert }>(SessionWarning),
  'consultation:attend': call<typeof SessionAttend, ConsultationSession>(SessionAttend),
  'consultation:signOff': call<typeof SessionSignOff, ConsultationSession>(SessionSignOff),
  'consultation:minutes': call<typeof MinutesRequest, MinutesFile>(MinutesRequest),
};
