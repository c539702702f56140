import { z } from 'zod';
import { call } from '../call.ts';
import {
  ALERT_CHANNELS, ALERT_STATES, AlertArea, AlertText, CAP_CATEGORIES, CAP_CERTAINTIES, CAP_RESPONSE_TYPES, CAP_SEVERITIES, CAP_URGENCIES, type Alert,
} from '../../domain/alert.ts';
import { RecordId, Timestamp } from '../../domain/common.ts';

/** A draft to save: new (no id) or an existing draft or reviewed alert being edited. */
export const AlertDraftInput = z.object({
  id: RecordId.optional(),
  event: z.string().trim().min(1, 'name the event').max(200),
  categories: z.array(z.enum(CAP_CATEGORIES)).min(1, 'choose at least one category').max(12),
  responseTypes: z.array(z.enum(CAP_RESPONSE_TYPES)).max(9).default([]),
  urgency: z.enum(CAP_URGENCIES),
  severity: z.enum(CAP_SEVERITIES),
  certainty: z.enum(CAP_CERTAINTIES),
  texts: z.array(AlertText).min(1, 'write at least one language block').max(8),
  /** Areas by admin code, polygon or circle. */
  areas: z.array(AlertArea).max(50).default([]),
  /** Saved named areas (map:listAreas) to target as well. */
  namedAreaIds: z.array(RecordId).max(50).default([]),
  groups: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  /** Release channels; none chosen means the alert is held for downstream systems (the Atom feed) only. */
  channels: z.array(z.enum(ALERT_CHANNELS)).max(ALERT_CHANNELS.length).optional(),
  onset: Timestamp.optional(),
  effective: Timestamp.optional(),
  expires: Timestamp.optional(),
  note: z.string().trim().min(1).max(1000).optional(),
  exercise: z.boolean().default(false),
}).strict();

/** Who takes each step is the signed-in caller, never an argument: a client cannot sign as someone else. */
export const AlertStepInput = z.object({ id: RecordId }).strict();

/**
 * A CAP message, feed or EDXL-DE envelope as the UI or CLI read it from disk: its bytes in
 * base64 (the core decodes them by BOM and XML declaration, so UTF-16, ISO-8859-1 and GBK files
 * import intact), or text already decoded.
 */
export const AlertImport = z.object({
  fileName: z.string().trim().min(1).max(260),
  text: z.string().min(1, 'the file is empty').max(2 * 1024 * 1024, 'the file is larger than 2 MB').optional(),
  base64: z.base64().min(1, 'the file is empty').max(Math.ceil((2 * 1024 * 1024) / 3) * 4, 'the file is larger than 2 MB').optional(),
}).strict().refine((input) => (input.text === undefined) !== (input.base64 === undefined), 'give the file either as text or as base64 bytes');

export const AlertListQuery = z.object({ state: z.enum(ALERT_STATES).optional() }).strict();
const ById = z.object({ id: RecordId }).strict();

/** How an imported area's admin codes met the region's boundaries. */
export interface AreaCodeReport {
  alertId: string;
  area: string;
  code: string;
  outcome: 'boundary' | 'district' | 'unknown';
  /** Worded for the duty officer, Chinese / English. */
  message: string;
}

export interface AlertImportResult {
  kind: 'cap' | 'atom' | 'rss' | 'edxl-de';
  imported: Alert[];
  /** Entries deliberately not imported (e.g. links to CAP messages, never fetched). */
  notes: string[];
  codes: AreaCodeReport[];
}

/** Who an alert reaches, area by area. */
export interface AlertCoverage {
  alertId: string;
  areas: {
    description: string;
    streets: { code: string; name: string; nameEn?: string }[];
    shelters: { id: string; name: string; capacity: number }[];
  }[];
  /** People covered, from the population table: null when the table has no figure for any area. */
  population: PeopleCovered | null;
  /** How the number was reached, or why there is none; Chinese / English. */
  populationNote: string;
}

/** One district's share of the people an alert covers. */
export interface PeoplePart {
  code: string;
  name: string;
  nameEn?: string;
  people: number;
  /**
   * whole: the district (or the city) is named by code; table: streets named by code with their
   * own figures; evenShare: streets without figures, an even share of the district; area: a drawn
   * shape, by the share of the district's area it covers; mixed: streets and a shape.
   */
  method: 'whole' | 'table' | 'evenShare' | 'area' | 'mixed';
  /** For shapes: the share of the district's area covered, 0–1. */
  share: number;
}

export interface PeopleCovered {
  people: number;
  parts: PeoplePart[];
  /** Where the figures come from and when they were counted, as the table states them. */
  sources: { source: string; asOf: string }[];
  /** Districts the alert reaches that the table has no figure for. */
  missing: string[];
}

export const ALERTS_CONTRACT = {
  'alerts:listByState': call<typeof AlertListQuery, Alert[]>(AlertListQuery),
  'alerts:saveDraft': call<typeof AlertDraftInput, Alert>(AlertDraftInput),
  'alerts:review': call<typeof AlertStepInput, Alert>(AlertStepInput),
  'alerts:issue': call<typeof AlertStepInput, Alert>(AlertStepInput),
  'alerts:update': call<typeof AlertStepInput, Alert>(AlertStepInput),
  'alerts:cancel': call<typeof AlertStepInput, Alert>(AlertStepInput),
  'alerts:import': call<typeof AlertImport, AlertImportResult>(AlertImport),
  'alerts:export': call<typeof ById, { fileName: string; xml: string }>(ById),
  'alerts:coverage': call<typeof ById, AlertCoverage>(ById),
};
