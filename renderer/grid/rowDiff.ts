/** A row transaction for AG Grid: what to add, update and remove to go from one row list to the next. */
export interface RowChanges<T> {
  add: T[];
  update: T[];
  remove: T[];
}

const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * Compares two row lists by id so the grid changes only what changed (rows keep their DOM,
 * selection and scroll position) instead of reloading everything on each store change.
 */
export function diffRows<T>(previous: readonly T[], next: readonly T[], id: (row: T) => string,
  same: (a: T, b: T) => boolean = sameJson): RowChanges<T> {
  const before = new Map<string, T>();
  for (const row of previous) before.set(id(row), row);
  const add: T[] = [];
  const update: T[] = [];
  const seen = new Set<string>();
  for (const row of next) {
    const key = id(row);
    if (seen.has(key)) continue;
    seen.add(key);
    const old = before.get(key);
    if (old === undefined) add.push(row);
    else if (!same(old, row)) update.push(row);
  }
  const remove = previous.filter((row) => !seen.has(id(row)));
  return { add, update, remove };
}

export function isEmptyChange<T>(changes: RowChanges<T>): boolean {
  return changes.add.length === 0 && changes.update.length === 0 && changes.remove.length === 0;
}
