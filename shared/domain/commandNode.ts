import { z } from 'zod';
import { AdminCode, Exercise, Names } from './common.ts';

export const CommandLevel = z.enum(['city', 'district', 'street']);
export type CommandLevel = z.infer<typeof CommandLevel>;

/** Kind of township-level unit, as the civil-affairs register names it. */
export const TownshipKind = z.enum(['街道', '镇', '乡']);

/** A node of the three-level command network: the city, a district, or a street/town. */
export const CommandNode = z.object({
  code: AdminCode,
  level: CommandLevel,
  ...Names,
  parentCode: AdminCode.nullable(),
  kind: TownshipKind.optional(),
  ...Exercise,
});
export type CommandNode = z.infer<typeof CommandNode>;
