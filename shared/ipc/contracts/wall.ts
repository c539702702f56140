import { z } from 'zod';
import { call } from '../call.ts';
import { RecordId } from '../../domain/common.ts';
import { WallCell, WallRule, type WallLayout } from '../../domain/wallLayout.ts';

/** A hall, its presets and what its wall shows now. */
export interface WallState {
  hall: WallLayout;
  presets: WallLayout[];
  /** The preset on the wall now (the hall's current one, or the first daily preset before any switch). */
  currentId: string | null;
}

/** One wall window: the display it fills, the cell shown there and the address that opens it. */
export interface WallWindow {
  display: string;
  cell: string | null;
  panel: string | null;
  /** Relative to the console's address; the access token is added by whoever opens it. */
  address: string;
  width: number;
  height: number;
}

const HallArg = z.object({ hallId: RecordId.optional() }).strict();
export const WallSwitch = z.object({
  hallId: RecordId.optional(),
  /** A preset's id or its name (Chinese or English), as a hall controller would type it. */
  preset: z.string().trim().min(1).max(120),
  reason: z.string().trim().max(300).optional(),
}).strict();
export const PresetSave = z.object({
  hallId: RecordId.optional(),
  id: RecordId.optional(),
  name: z.string().trim().min(1, 'a preset needs a name').max(120),
  nameEn: z.string().trim().min(1).max(160).optional(),
  mode: z.enum(['daily', 'emergency']).default('emergency'),
  cells: z.array(WallCell).min(1, 'a preset needs at least one cell').max(64),
}).strict();
export const RulesSet = z.object({ hallId: RecordId.optional(), rules: z.array(WallRule).max(32) }).strict();
const PresetRef = z.object({ hallId: RecordId.optional(), id: RecordId }).strict();

export const WALL_CONTRACT = {
  'wall:state': call<typeof HallArg, WallState>(HallArg),
  'wall:windows': call<typeof HallArg, WallWindow[]>(HallArg),
  'wall:switch': call<typeof WallSwitch, WallState>(WallSwitch),
  'wall:savePreset': call<typeof PresetSave, WallLayout>(PresetSave),
  'wall:deletePreset': call<typeof PresetRef, { id: string }>(PresetRef),
  'wall:setRules': call<typeof RulesSet, WallLayout>(RulesSet),
  'wall:acceptProposal': call<typeof HallArg, WallState>(HallArg),
  'wall:dismissProposal': call<typeof HallArg, WallState>(HallArg),
};
