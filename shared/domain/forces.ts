import { z } from 'zod';
import { AdminCode, Exercise, Names, RecordId, Timestamp } from './common.ts';

/** Kinds of equipment a district keeps ready, by what it does in the field. */
export const EquipmentType = z.enum(['pump', 'generator', 'boat', 'vehicle', 'drone', 'lighting', 'communications', 'medical']);
export type EquipmentType = z.infer<typeof EquipmentType>;

/** Where a piece of equipment stands: ready to go, out with a team, being serviced, or unusable. */
export const EQUIPMENT_STATES = ['ready', 'deployed', 'maintenance', 'outOfService'] as const;
export const EquipmentState = z.enum(EQUIPMENT_STATES);
export type EquipmentState = z.infer<typeof EquipmentState>;

/** One piece (or matched set) of equipment, held by a depot and possibly lent to a team. */
export const Equipment = z.object({
  id: RecordId,
  ...Names,
  type: EquipmentType,
  state: EquipmentState,
  districtCode: AdminCode,
  depotId: RecordId.optional(),
  /** The team using it while deployed. */
  teamId: RecordId.optional(),
  /** Rated output, e.g. a pump's m³/h or a generator's kW, in `ratingUnit`. */
  rating: z.number().positive().optional(),
  ratingUnit: z.string().trim().min(1).max(20).optional(),
  lastInspected: Timestamp.optional(),
  ...Exercise,
});
export type Equipment = z.infer<typeof Equipment>;

export const VOLUNTEER_STATUSES = ['available', 'calledUp', 'onDuty', 'stoodDown', 'unavailable'] as const;
export const VolunteerStatus = z.enum(VOLUNTEER_STATUSES);
export type VolunteerStatus = z.infer<typeof VolunteerStatus>;

/**
 * A registered volunteer: skills, home street and call-up status. Contact details stay with
 * the volunteer association; the roster carries only what a duty officer needs to call them up.
 */
export const Volunteer = z.object({
  id: RecordId,
  ...Names,
  districtCode: AdminCode,
  streetCode: AdminCode.optional(),
  skills: z.array(z.string().min(1).max(40)).max(20),
  status: VolunteerStatus,
  /** When the latest call-up was sent, and what for (an incident id or a short note). */
  calledUpAt: Timestamp.optional(),
  calledUpFor: z.string().max(200).optional(),
  ...Exercise,
});
export type Volunteer = z.infer<typeof Volunteer>;

/** Which volunteer statuses a call-up may start from (someone unavailable is not called). */
export const CALLABLE_STATUSES: readonly VolunteerStatus[] = ['available', 'stoodDown'];
