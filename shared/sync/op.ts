import { z } from 'zod';
import { ENTITY_NAMES, type EntityName } from '../domain/entities.ts';
import { Author, NodeId, PrioritySchema } from './wire.ts';

/** Version of the op body format; bumped when a body schema changes incompatibly. */
export const OP_SCHEMA_VERSION = 1;

/**
 * How an op changes its entity (see sync.md):
 * upsert — whole record, last writer wins by (hlc, origin);
 * patch — some fields, last writer wins per field;
 * insert — insert-only records (movements, entries, alerts issued);
 * tombstone — delete.
 */
export const OpKind = z.enum(['upsert', 'patch', 'insert', 'tombstone']);
export type OpKind = z.infer<typeof OpKind>;

export const Priority = PrioritySchema;
export type Priority = z.infer<typeof Priority>;

/** Scope: the 12-digit code of the command node whose subtree the op belongs to, or '*' for city-wide. */
export const OpScope = z.string().regex(/^(\d{12}|\*)$/);

export { NodeId };

export const Op = z.object({
  id: z.string().min(5).max(64),
  origin: NodeId,
  seq: z.number().int().positive(),
  hlc: z.string().regex(/^[0-9a-f]{16}$/),
  schema: z.number().int().positive(),
  entity: z.enum(ENTITY_NAMES as [EntityName, ...EntityName[]]),
  key: z.string().min(1).max(80),
  kind: OpKind,
  body: z.record(z.string(), z.unknown()).nullable(),
  priority: Priority,
  scope: OpScope,
  /** The user whose call made the change (the store stamps it from the caller); none for the core's own work. */
  author: Author.nullable().optional(),
}).refine((op) => op.id === `${op.origin}:${op.seq}`, { message: 'op id must be origin:seq' });
export type Op = z.infer<typeof Op>;

/** What a service asks the store to write; the store gives it origin, seq and hlc. */
export interface OpDraft {
  entity: EntityName;
  key: string;
  kind: OpKind;
  body: Record<string, unknown> | null;
  priority?: Priority;
  scope: string;
  author?: string | null;
}

/** A change event for subscribed views: which keys of which entity changed. */
export interface ChangeEvent {
  entity: EntityName;
  keys: string[];
}

/** Total order of ops for last-writer-wins: hlc, then origin. */
export function compareStamp(a: { hlc: string; origin: string }, b: { hlc: string; origin: string }): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.origin !== b.origin) return a.origin < b.origin ? -1 : 1;
  return 0;
}
