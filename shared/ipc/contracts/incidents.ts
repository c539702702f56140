import { z } from 'zod';
import { call } from '../call.ts';
import { RecordId } from '../../domain/common.ts';
import { IncidentStatus, type Incident, type IncidentEntry } from '../../domain/incident.ts';

/** A move of an incident along its lifecycle, with what the duty officer writes about it. */
export const IncidentStatusChange = z.object({
  id: RecordId,
  to: IncidentStatus,
  note: z.string().trim().max(2000).optional(),
}).strict();

/** A line added to an incident's timeline; a correction names the entry it corrects. */
export const IncidentNote = z.object({
  incidentId: RecordId,
  text: z.string().trim().min(1, 'write what happened').max(4000),
  corrects: RecordId.optional(),
}).strict();

const ById = z.object({ id: RecordId }).strict();
const DutyLogQuery = z.object({ limit: z.number().int().min(1).max(2000).default(200) }).strict();

/** Incident lifecycle calls (issues 12 and 16); `incidents:list` and `incidents:report` stay in the base contract. */
export const INCIDENTS_CONTRACT = {
  'incidents:timeline': call<typeof ById, IncidentEntry[]>(ById),
  'incidents:dutyLog': call<typeof DutyLogQuery, IncidentEntry[]>(DutyLogQuery),
  'incidents:setStatus': call<typeof IncidentStatusChange, Incident>(IncidentStatusChange),
  'incidents:addEntry': call<typeof IncidentNote, IncidentEntry>(IncidentNote),
};
