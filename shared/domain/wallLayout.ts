import { z } from 'zod';
import { Exercise, RecordId } from './common.ts';
import { IncidentLevel, IncidentType } from './incident.ts';

/**
 * One display of a hall's video wall: its label (A1 = column A, row 1), its place in the wall
 * grid and its resolution. `match` holds the stable properties of the monitor last seen there.
 */
export const WallDisplay = z.object({
  label: z.string().regex(/^[A-Z][1-9]\d?$/, 'a display label is a column letter and a row number, e.g. A1'),
  col: z.number().int().min(0).max(25),
  row: z.number().int().min(0).max(98),
  width: z.number().int().min(320).max(16384),
  height: z.number().int().min(200).max(16384),
});
export type WallDisplay = z.infer<typeof WallDisplay>;

/** A cell of a preset: from its top-left display, a rectangle of the wall (it may span displays) showing one panel address. */
export const WallCell = z.object({
  display: WallDisplay.shape.label,
  colSpan: z.number().int().min(1).max(26).default(1),
  rowSpan: z.number().int().min(1).max(99).default(1),
  /** A panel address without the `#`, e.g. `/map?view=121.47,31.23,10&layers=incidents,tracks`. */
  route: z.string().min(2).max(400),
});
export type WallCell = z.infer<typeof WallCell>;

/** When an incident changes, propose or apply a preset (e.g. a typhoon raised to level II proposes 台风应急). */
export const WallRule = z.object({
  id: RecordId,
  incidentType: IncidentType.optional(),
  /** The least severe level that triggers (I is the most severe). */
  minLevel: IncidentLevel,
  presetId: RecordId,
  action: z.enum(['propose', 'apply']),
});
export type WallRule = z.infer<typeof WallRule>;

/** What the wall shows now, who or what switched it, and why. */
export const WallCurrent = z.object({
  presetId: RecordId,
  at: z.string(),
  by: z.string().max(120),
  reason: z.string().max(300).optional(),
  /** The incident and level a rule acted on, so one change triggers once. */
  trigger: z.string().max(120).optional(),
});

export const WallProposal = z.object({
  presetId: RecordId,
  reason: z.string().max(300),
  at: z.string(),
  trigger: z.string().max(120),
});

/**
 * A video-wall record. Originally only presets (`screens`: which panel each screen shows); now
 * also the hall itself (`kind: 'hall'`: displays, the current preset, rules and a pending
 * proposal) and presets as cells on the hall's grid. Older records still read as they were.
 */
export const WallLayout = z.object({
  id: RecordId,
  name: z.string().trim().min(1).max(120),
  nameEn: z.string().trim().min(1).max(160).optional(),
  mode: z.enum(['daily', 'emergency']),
  screens: z.array(z.object({
    screen: z.number().int().min(0).max(63),
    panel: z.string().min(1).max(40),
    state: z.record(z.string(), z.unknown()).optional(),
  })).max(64).default([]),
  kind: z.enum(['preset', 'hall']).default('preset'),
  /** A preset's hall. */
  hallId: RecordId.optional(),
  cells: z.array(WallCell).max(64).optional(),
  /** A hall's displays, its current preset, its rules and a proposal waiting for one click. */
  displays: z.array(WallDisplay).max(64).optional(),
  current: WallCurrent.nullable().optional(),
  rules: z.array(WallRule).max(32).optional(),
  proposal: WallProposal.nullable().optional(),
  builtIn: z.boolean().optional(),
  ...Exercise,
});
export type WallLayout = z.infer<typeof WallLayout>;
