import { z } from 'zod';
import { AdminCode, Exercise, LonLat, RecordId, Timestamp } from './common.ts';

/** Hazard types a duty officer reports under (issue 12's list plus earthquake and other). */
export const IncidentType = z.enum([
  'typhoon', 'rainstorm', 'waterlogging', 'floodTide', 'flood', 'fire', 'hazmat', 'buildingCollapse',
  'powerCut', 'waterCut', 'gasLeak', 'traffic', 'publicHealth', 'earthquake', 'other',
]);
export type IncidentType = z.infer<typeof IncidentType>;

/** Response level, I (特别重大) most severe to IV (一般). */
export const IncidentLevel = z.enum(['I', 'II', 'III', 'IV']);

/** Lifecycle in order; merges keep the later state (forward only). */
export const INCIDENT_STATUSES = ['reported', 'verified', 'responding', 'recovering', 'closed'] as const;
export const IncidentStatus = z.enum(INCIDENT_STATUSES);
export type IncidentStatus = z.infer<typeof IncidentStatus>;

export const Incident = z.object({
  id: RecordId,
  title: z.string().trim().min(1).max(200),
  type: IncidentType,
  level: IncidentLevel,
  status: IncidentStatus,
  /** Where it happened: the street (or district) picked from the command tree. */
  nodeCode: AdminCode,
  /** The point on the map; every incident reported through the console has one. */
  location: LonLat.optional(),
  /** Streets or districts affected besides the place itself. */
  affectedCodes: z.array(AdminCode).max(300).optional(),
  description: z.string().max(4000).optional(),
  reportedAt: Timestamp,
  ...Exercise,
});
export type Incident = z.infer<typeof Incident>;

/** Kinds of timeline entry: a note, a status change, or a correction of an earlier entry. */
export const IncidentEntryKind = z.enum(['report', 'note', 'status', 'correction']);

/** One insert-only line of an incident's timeline; the duty log (值班日志) is all of them, newest first. */
export const IncidentEntry = z.object({
  id: RecordId,
  incidentId: RecordId,
  kind: IncidentEntryKind,
  /** What was written; a status change without a note has none (the kind and state say it). */
  text: z.string().trim().min(1).max(4000).optional(),
  /** For a status entry: the state it moved to. */
  status: IncidentStatus.optional(),
  /** For a correction: the entry it corrects (that entry stays as it was). */
  corrects: RecordId.optional(),
  /** The node that wrote it. */
  by: z.string().min(1).max(80),
  at: Timestamp,
  ...Exercise,
});
export type IncidentEntry = z.infer<typeof IncidentEntry>;

/** Whether `to` is later than `from` in the lifecycle (the only moves the console accepts). */
export function incidentMovesForward(from: IncidentStatus, to: IncidentStatus): boolean {
  return INCIDENT_STATUSES.indexOf(to) > INCIDENT_STATUSES.indexOf(from);
}
