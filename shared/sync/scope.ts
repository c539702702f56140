import { isWithin, levelOfCode, parentOfCode } from '../domain/codes.ts';

/**
 * Scope rules of the command network (sync.md, "Hierarchy and scope"). An op's scope is the
 * 12-digit code of the node whose subtree it belongs to, or '*' for city-wide.
 *
 * A node holds what lies in its own subtree, plus what belongs to the levels above it (its
 * district's depots, the city's orders) and city-wide ops. A parent therefore sends a child
 * exactly the ops `visibleTo(child, scope)`, and accepts from a child only ops it may write:
 * the same set. A district can never write into a sibling district's subtree.
 */
export function visibleTo(nodeCode: string, scope: string): boolean {
  if (scope === '*') return true;
  if (!/^\d{12}$/.test(scope)) return false;
  return isWithin(scope, nodeCode) || isAncestor(scope, nodeCode);
}

/** A child may write what it may hold. */
export const mayWrite = visibleTo;

/** True when `ancestor` is a strict ancestor of `code` in the city → district → street tree. */
export function isAncestor(ancestor: string, code: string): boolean {
  for (let up = parentOfCode(code); up !== null; up = parentOfCode(up)) if (up === ancestor) return true;
  return false;
}

/**
 * The same rule as SQL over a `scope` column, for the store: `[sql, params]`. A city node sees
 * everything; the clause is built once per link, not per op.
 */
export function scopeFilterSql(nodeCode: string, column = 'scope'): [string, string[]] {
  const level = levelOfCode(nodeCode);
  if (level === 'city') return [`(${column} = '*' OR substr(${column}, 1, 2) = ?)`, [nodeCode.slice(0, 2)]];
  const ancestors: string[] = [];
  for (let up = parentOfCode(nodeCode); up !== null; up = parentOfCode(up)) ancestors.push(up);
  const within = level === 'district' ? `substr(${column}, 1, 6) = ?` : `${column} = ?`;
  const withinParam = level === 'district' ? nodeCode.slice(0, 6) : nodeCode;
  return [`(${column} = '*' OR ${within} OR ${column} IN (${ancestors.map(() => '?').join(', ')}))`, [withinParam, ...ancestors]];
}
