import { z } from 'zod';
import { AdminCode, Exercise, LonLat, RecordId, Timestamp } from './common.ts';

export const IncidentType = z.enum([
  'typhoon', 'rainstorm', 'waterlogging', 'flood', 'fire', 'hazmat', 'powerCut', 'waterCut',
  'traffic', 'buildingCollapse', 'publicHealth', 'earthquake', 'other',
]);
export type IncidentType = z.infer<typeof IncidentType>;

/** Response level, I (特别重大) most severe to IV (一般). */
export const IncidentLevel = z.enum(['I', 'II', 'III', 'IV']);

/** Lifecycle in order; merges keep the later state (forward only). */
export const INCIDENT_STATUSES = ['reported', 'verified', 'responding', 'recovering', 'closed'] as const;
export const IncidentStatus = z.enum(INCIDENT_STATUSES);

export const Incident = z.object({
  id: RecordId,
  title: z.string().trim().min(1).max(200),
  type: IncidentType,
  level: IncidentLevel,
  status: IncidentStatus,
  nodeCode: AdminCode,
  location: LonLat.optional(),
  description: z.string().max(4000).optional(),
  reportedAt: Timestamp,
  ...Exercise,
});
export type Incident = z.infer<typeof Incident>;
