import { z } from 'zod';
import { AdminCode, Exercise, RecordId, Timestamp } from './common.ts';
import { IncidentLevel, IncidentType } from './incident.ts';

/** A session opens and, once signed off, is closed for good (forward only). */
export const CONSULTATION_STATUSES = ['open', 'closed'] as const;

export const Attendance = z.enum(['present', 'remote', 'absent']);
export type Attendance = z.infer<typeof Attendance>;

export const Participant = z.object({
  name: z.string().trim().min(1).max(60),
  agency: z.string().trim().min(1).max(60),
  attendance: Attendance,
});
export type Participant = z.infer<typeof Participant>;

/** A consultation (会商) across agencies; its entries are insert-only. */
export const ConsultationSession = z.object({
  id: RecordId,
  title: z.string().trim().min(1).max(200),
  nodeCode: AdminCode,
  agencies: z.array(z.string().min(1).max(60)).max(40),
  participants: z.array(Participant).max(80).optional(),
  agenda: z.array(z.string().trim().min(1).max(200)).max(30).optional(),
  /** Opened from an incident, from a warning, or on its own (neither). */
  incidentId: RecordId.optional(),
  alertId: RecordId.optional(),
  status: z.enum(CONSULTATION_STATUSES),
  startedAt: Timestamp,
  closedAt: Timestamp.optional(),
  ...Exercise,
});
export type ConsultationSession = z.infer<typeof ConsultationSession>;

/** The situation frozen at one moment: key figures and the map as it was. */
export const EvidenceSnapshot = z.object({
  takenAt: Timestamp,
  figures: z.object({
    incidentsByLevel: z.record(IncidentLevel, z.number().int().min(0)),
    openIncidents: z.number().int().min(0),
    keyStock: z.array(z.object({ itemId: RecordId, name: z.string(), nameEn: z.string().optional(), unit: z.string(), quantity: z.number().int() })).max(30),
    shelterPlacesFree: z.number().int(),
    shelterCapacity: z.number().int().min(0),
    teamsAvailable: z.number().int().min(0),
    teamsTotal: z.number().int().min(0),
    activeAlerts: z.number().int().min(0),
  }),
  /** The map's view and layers, with the incident points as they were, so the picture can be redrawn exactly. */
  map: z.object({
    center: z.tuple([z.number(), z.number()]),
    zoom: z.number().min(0).max(24),
    layers: z.array(z.string().min(1).max(40)).max(30),
    incidents: z.array(z.object({ id: RecordId, lon: z.number(), lat: z.number(), level: IncidentLevel, type: IncidentType })).max(2000),
  }),
});
export type EvidenceSnapshot = z.infer<typeof EvidenceSnapshot>;

export const ENTRY_KINDS = ['evidence', 'judgement', 'decision', 'action', 'warning', 'note', 'signOff'] as const;
export const EntryKind = z.enum(ENTRY_KINDS);
export type EntryKind = z.infer<typeof EntryKind>;

export const Confidence = z.enum(['low', 'medium', 'high']);

/** One insert-only record of a session; a correction is a new entry that points to what it corrects. */
export const ConsultationEntry = z.object({
  id: RecordId,
  sessionId: RecordId,
  kind: EntryKind,
  agency: z.string().trim().min(1).max(60),
  text: z.string().trim().min(1).max(8000),
  corrects: RecordId.optional(),
  /** Judgement: how sure the agency is. */
  confidence: Confidence.optional(),
  /** Decision or sign-off: who approved it. */
  approvedBy: z.string().trim().min(1).max(60).optional(),
  /** Action item: the task it became. */
  taskId: RecordId.optional(),
  /** Warning to issue: the draft alert it became. */
  alertId: RecordId.optional(),
  snapshot: EvidenceSnapshot.optional(),
  /** Attendance change (a note): who, and from what (absent when newly added) to what. */
  attendance: z.object({ name: z.string().min(1).max(60), agency: z.string().min(1).max(60), from: Attendance.optional(), to: Attendance }).optional(),
  by: z.string().min(1).max(80).optional(),
  at: Timestamp,
  ...Exercise,
});
export type ConsultationEntry = z.infer<typeof ConsultationEntry>;
