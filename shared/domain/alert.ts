import { z } from 'zod';
import { AdminCode, Exercise, RecordId, Timestamp } from './common.ts';

/** CAP 1.2 categories (info/category). */
export const CAP_CATEGORIES = ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'] as const;
/** CAP 1.2 response types (info/responseType). */
export const CAP_RESPONSE_TYPES = ['Shelter', 'Evacuate', 'Prepare', 'Execute', 'Avoid', 'Monitor', 'Assess', 'AllClear', 'None'] as const;
export const CAP_STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
export const CAP_MSG_TYPES = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const;
export const CAP_SCOPES = ['Public', 'Restricted', 'Private'] as const;
export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export const CAP_URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export const CAP_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;

/**
 * Where an issued warning goes out (Shanghai's release channels): cell broadcast and SMS to
 * phones in the area, radio and TV, outdoor screens, government new media, the emergency
 * broadcast and village loudspeakers, and sirens. Carried in CAP as an info parameter.
 */
export const ALERT_CHANNELS = ['cellBroadcast', 'sms', 'tvRadio', 'outdoorScreens', 'newMedia', 'emergencyBroadcast', 'sirens'] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

/** The console's workflow for an alert it composes: draft → reviewed → issued (issued is immutable). */
export const ALERT_STATES = ['draft', 'reviewed', 'issued'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** One step of an alert's history: who did it and when. */
export const AlertStep = z.object({
  step: z.enum(['drafted', 'edited', 'reviewed', 'issued', 'imported']),
  by: z.string().min(1).max(120),
  at: Timestamp,
});
export type AlertStep = z.infer<typeof AlertStep>;

/** A CAP reference (sender,identifier,sent) to an earlier message this one updates or cancels. */
export const AlertReference = z.object({
  sender: z.string().min(1).max(200),
  identifier: z.string().min(1).max(200),
  sent: Timestamp,
});
export type AlertReference = z.infer<typeof AlertReference>;

const Ring = z.array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]));

/** One CAP area: a description, and any of admin codes, polygons, circles and other geocodes. */
export const AlertArea = z.object({
  description: z.string().min(1).max(400),
  /** 12-digit administrative codes (CAP geocode `CPEAS Geographic Code`; 6- and 9-digit codes are padded). */
  codes: z.array(AdminCode).max(300),
  /** The first polygon, [lon, lat] closed ring. */
  polygon: Ring.optional(),
  /** Any further polygons of the same area. */
  morePolygons: z.array(Ring).max(20).optional(),
  circles: z.array(z.object({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90), radiusKm: z.number().min(0).max(20_000) })).max(20).optional(),
  /**
   * Geocodes of other schemes (SAME, UGC, EMMA_ID…), kept as sent: a state-wide NWS heat warning
   * lists well over 100, and MET Norway puts a county's municipalities in one value.
   */
  geocodes: z.array(z.object({ valueName: z.string().min(1).max(200), value: z.string().min(1).max(4000) })).max(1000).optional(),
});
export type AlertArea = z.infer<typeof AlertArea>;

/** What people read in one language (one CAP info block). */
export const AlertText = z.object({
  language: z.string().min(2).max(10),
  headline: z.string().min(1).max(400),
  /** The event in this language, when it differs from the alert's (e.g. 台风 / Typhoon). */
  event: z.string().min(1).max(200).optional(),
  senderName: z.string().min(1).max(200).optional(),
  description: z.string().max(8000).optional(),
  instruction: z.string().max(4000).optional(),
  web: z.string().min(1).max(500).optional(),
  contact: z.string().min(1).max(500).optional(),
});
export type AlertText = z.infer<typeof AlertText>;

/** An early warning in the shape of CAP 1.2: targeted by area, group and language. */
export const Alert = z.object({
  id: RecordId,
  sender: z.string().min(1).max(200),
  sent: Timestamp,
  status: z.enum(CAP_STATUSES),
  msgType: z.enum(CAP_MSG_TYPES),
  scope: z.enum(CAP_SCOPES),
  event: z.string().min(1).max(200),
  severity: z.enum(CAP_SEVERITIES),
  urgency: z.enum(CAP_URGENCIES),
  certainty: z.enum(CAP_CERTAINTIES),
  languages: z.array(z.string().min(2).max(10)).min(1),
  /** Audience groups (CAP info/audience, comma separated). */
  groups: z.array(z.string().min(1).max(60)).max(20),
  /**
   * What people read, per language (CAP info blocks). A composed alert has at most 8; an imported
   * national bulletin may carry several hazards in two or three languages (ČHMÚ, MeteoAlarm).
   */
  texts: z.array(AlertText).max(16).optional(),
  /** Release channels (CAP info/parameter `channel`). */
  channels: z.array(z.enum(ALERT_CHANNELS)).max(ALERT_CHANNELS.length).optional(),
  areas: z.array(AlertArea),
  /** The CAP identifier as sent (the id is derived from sender and identifier). */
  identifier: z.string().min(1).max(200).optional(),
  references: z.array(AlertReference).max(50).optional(),
  categories: z.array(z.enum(CAP_CATEGORIES)).max(12).optional(),
  responseTypes: z.array(z.enum(CAP_RESPONSE_TYPES)).max(9).optional(),
  onset: Timestamp.optional(),
  effective: Timestamp.optional(),
  expires: Timestamp.optional(),
  source: z.string().min(1).max(200).optional(),
  note: z.string().min(1).max(1000).optional(),
  /** The console's workflow state; absent means issued (seeded and imported alerts). */
  state: z.enum(ALERT_STATES).optional(),
  steps: z.array(AlertStep).max(50).optional(),
  ...Exercise,
});
export type Alert = z.infer<typeof Alert>;

/** The workflow state of an alert (absent in older records means issued). */
export function alertState(alert: Pick<Alert, 'state'>): AlertState {
  return alert.state ?? 'issued';
}
