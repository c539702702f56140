import { REGION_ORIGIN } from '../../../shared/sync/region.ts';
import type { z } from 'zod';
import { ENTITIES, type EntityName } from '../../../shared/domain/entities.ts';
import { issueRefusal, type Level } from '../../../shared/sync/issueRules.ts';
import type { Op } from '../../../shared/sync/op.ts';
import { mayWrite } from '../../../shared/sync/scope.ts';

/**
 * Whether a hub takes one op a peer sent (issue 10, findings 2 and 3). Checked in the store
 * thread, op by op, before anything is written: who may claim the op's origin, whether its body
 * is a valid record of its entity, whether the sender's level may issue it, and whether both the
 * op's scope and the scope of the row it touches lie where the sender may write.
 */
export type RefusalKind = 'origin' | 'invalid' | 'level' | 'scope';
export interface Refusal { op: string; kind: RefusalKind; reason: string }

export interface Sender {
  nodeId: string;
  nodeCode: string;
  role: Level;
  /** What the sender is to us. A parent's ops are trusted for scope and level; never for origin or shape. */
  relation: 'parent' | 'child';
}

/** What admission reads from the store (the store thread answers synchronously). */
export interface AdmissionLookups {
  /** This node's own id: nobody else may send ops under it. */
  selfId: string;
  /** Enrolled children by id, with their level: each speaks only for itself and its own subtree. */
  children: ReadonlyMap<string, Level>;
  /** The peer that first delivered ops of this origin, or null if none has. */
  routeOf(origin: string): string | null;
  /** The scope of an existing row, or undefined when the row is not held. */
  rowScope(entity: EntityName, key: string): string | null | undefined;
}

const partials = new Map<EntityName, z.ZodType>();
function patchSchema(entity: EntityName): z.ZodType {
  let schema = partials.get(entity);
  if (!schema) partials.set(entity, (schema = ENTITIES[entity].schema.partial()));
  return schema;
}

/**
 * Checks a batch in order. Rows created by earlier accepted ops of the same batch count as held,
 * so a depot and its first movement can travel together. Returns the accepted ops and the refusals.
 */
export function admitBatch(ops: readonly Op[], sender: Sender, lookups: AdmissionLookups): { accepted: Op[]; refused: Refusal[] } {
  const accepted: Op[] = [];
  const refused: Refusal[] = [];
  const created = new Map<string, string>();
  const claimed = new Map<string, string>();
  const scopeOf = (entity: EntityName, key: string) => created.get(`${entity}\t${key}`) ?? lookups.rowScope(entity, key);
  for (const op of ops) {
    const refusal = originRefusal(op.origin, sender, lookups, claimed)
      ?? bodyRefusal(op)
      ?? (sender.relation === 'child' ? childRefusal(op, sender, scopeOf) : null);
    if (refusal) {
      refused.push({ op: op.id, ...refusal });
      continue;
    }
    accepted.push(op);
    claimed.set(op.origin, sender.nodeId);
    if (op.kind !== 'tombstone' && scopeOf(op.entity, op.key) === undefined) created.set(`${op.entity}\t${op.key}`, op.scope);
  }
  return { accepted, refused };
}

function originRefusal(origin: string, sender: Sender, lookups: AdmissionLookups, claimed: ReadonlyMap<string, string>): Omit<Refusal, 'op'> | null {
  const refuse = (reason: string) => ({ kind: 'origin' as const, reason });
  if (origin === lookups.selfId) return refuse(`ops under this node's own origin ${origin} come only from this node`);
  if (origin === REGION_ORIGIN) return refuse(`the shipped region (${REGION_ORIGIN}) comes with the program, never from a peer`);
  const route = claimed.get(origin) ?? lookups.routeOf(origin);
  if (sender.relation === 'child') {
    if (origin === sender.nodeId) return null;
    if (sender.role === 'street') return refuse(`a street sends only its own ops, not ${origin}'s`);
    if (lookups.children.has(origin)) return refuse(`${origin} is enrolled here and sends its own ops`);
    if (route !== null && route !== sender.nodeId) return refuse(`origin ${origin} is already delivered by ${route}`);
    return null;
  }
  // From the parent: anything from outside our own subtree, never what our children made.
  if (lookups.children.has(origin)) return refuse(`${origin} is our child: its ops reach us from it, not from the parent`);
  if (route !== null && route !== sender.nodeId && lookups.children.has(route)) return refuse(`origin ${origin} lies in this node's subtree (via ${route})`);
  return null;
}

function bodyRefusal(op: Op): Omit<Refusal, 'op'> | null {
  const refuse = (reason: string) => ({ kind: 'invalid' as const, reason });
  const entity = ENTITIES[op.entity];
  if (op.kind === 'tombstone') return op.body === null || Object.keys(op.body).length === 0 ? null : refuse('a tombstone carries no body');
  if (op.body === null) return refuse(`a ${op.kind} needs a body`);
  const parsed = (op.kind === 'patch' ? patchSchema(op.entity) : entity.schema).safeParse(op.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return refuse(`${op.entity} ${issue.path.join('.') || 'body'}: ${issue.message}`.slice(0, 300));
  }
  const keyField = entity.key as string;
  if (op.kind === 'patch' ? keyField in op.body && op.body[keyField] !== op.key : op.body[keyField] !== op.key) {
    return refuse(`the body's ${keyField} does not match the op's key`);
  }
  return null;
}

function childRefusal(op: Op, sender: Sender, scopeOf: (entity: EntityName, key: string) => string | null | undefined): Omit<Refusal, 'op'> | null {
  // An op made deeper in a district's subtree was made by one of its streets.
  const level: Level = op.origin === sender.nodeId ? sender.role : 'street';
  const notAllowed = issueRefusal(level, op);
  if (notAllowed) return { kind: 'level', reason: notAllowed };
  const outside = (scope: string) => !mayWrite(sender.nodeCode, scope);
  if (outside(op.scope)) return { kind: 'scope', reason: `scope ${op.scope} lies outside ${sender.nodeCode}` };
  if (op.kind !== 'insert') {
    const row = scopeOf(op.entity, op.key);
    if (typeof row === 'string' && outside(row)) return { kind: 'scope', reason: `${op.entity} ${op.key} belongs to ${row}, outside ${sender.nodeCode}` };
  }
  if (op.entity === 'stockMovement') {
    const depotId = String(op.body?.depotId);
    const depot = scopeOf('depot', depotId);
    if (depot === undefined) return { kind: 'scope', reason: `depot ${depotId} is not known here` };
    if (typeof depot === 'string' && outside(depot)) return { kind: 'scope', reason: `depot ${depotId} belongs to ${depot}, outside ${sender.nodeCode}` };
  }
  return null;
}
