import type { GridApi } from 'ag-grid-community';

/**
 * Live rows for AG Grid boards. A plain `applyTransactionAsync` update makes the client-side row
 * model walk every row (sort, filter, aggregate, flatten), about 80 ms per flush at 100,000 rows.
 * Here updates are coalesced per row per animation frame (the newest value wins), and a row the
 * grid already holds is updated in place with `rowNode.setData` — which only refreshes that row's
 * cells if it is rendered — unless a changed field is one the grid sorts or filters by, in which
 * case it goes through a transaction so the row moves or hides as it should. Adds and removals
 * always go through a transaction.
 */

/** What is waiting for the next frame, per row id: its newest value, or its removal. */
export class PendingRows<T> {
  private readonly pending = new Map<string, { row: T } | { removed: true }>();

  constructor(private readonly idOf: (row: T) => string) {}

  /** Queues a row's newest value; an earlier value of the same row still waiting is dropped. */
  upsert(row: T): void {
    const id = this.idOf(row);
    // Delete first so the row moves to the end: rows are applied in the order of their latest change.
    this.pending.delete(id);
    this.pending.set(id, { row });
  }

  remove(id: string): void {
    this.pending.delete(id);
    this.pending.set(id, { removed: true });
  }

  get size(): number {
    return this.pending.size;
  }

  /** Everything waiting, once: the newest value of each row and the removals. */
  take(): { upserts: T[]; removals: string[] } {
    const upserts: T[] = [];
    const removals: string[] = [];
    for (const [id, entry] of this.pending) {
      if ('removed' in entry) removals.push(id);
      else upserts.push(entry.row);
    }
    this.pending.clear();
    return { upserts, removals };
  }
}

/** Top-level fields whose values differ between two versions of a row. */
export function changedFields(before: object, after: object): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const fields: string[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key];
    const y = b[key];
    if (Object.is(x, y)) continue;
    if (typeof x === 'object' && x !== null && typeof y === 'object' && y !== null && JSON.stringify(x) === JSON.stringify(y)) continue;
    fields.push(key);
  }
  return fields;
}

export interface RowPlan<T> {
  /** Rows the grid does not hold yet. */
  add: T[];
  /** Held rows whose change touches a sorted or filtered field: a transaction re-sorts and re-filters them. */
  update: T[];
  /** Held rows changed only in fields nothing sorts or filters by: updated in place. */
  inPlace: T[];
  remove: string[];
}

/**
 * Decides how each queued change reaches the grid. `held(id)` is the grid's current data for a
 * row (undefined if it has none); `sensitive` the fields a sort or filter reads ('all' when a quick
 * or external filter, or a computed column, could read any field).
 */
export function planRows<T>(taken: { upserts: readonly T[]; removals: readonly string[] }, idOf: (row: T) => string,
  held: (id: string) => T | undefined, sensitive: ReadonlySet<string> | 'all'): RowPlan<T> {
  const plan: RowPlan<T> = { add: [], update: [], inPlace: [], remove: [] };
  for (const row of taken.upserts) {
    const current = held(idOf(row));
    if (current === undefined) plan.add.push(row);
    else if (current === row) continue;
    else if (sensitive === 'all' || changedFields(current as object, row as object).some((field) => sensitive.has(field))) plan.update.push(row);
    else plan.inPlace.push(row);
  }
  for (const id of taken.removals) if (held(id) !== undefined) plan.remove.push(id);
  return plan;
}

/**
 * The fields the grid's sort and filters read, or 'all' when that cannot be told from fields.
 * `externalFilterFields` names what the board's external filter (e.g. by district) reads.
 */
export function sensitiveFields<T>(api: GridApi<T>, externalFilterFields?: readonly string[]): ReadonlySet<string> | 'all' {
  const fields = new Set<string>();
  if (api.getGridOption('quickFilterText')) return 'all';
  if (api.getGridOption('isExternalFilterPresent')?.({ api, context: api.getGridOption('context') })) {
    if (!externalFilterFields) return 'all';
    for (const field of externalFilterFields) fields.add(field);
  }
  const filtered = api.isColumnFilterPresent() ? Object.keys(api.getFilterModel()) : [];
  const sorted = api.getColumnState().filter((state) => state.sort).map((state) => state.colId);
  for (const colId of [...sorted, ...filtered]) {
    const def = api.getColumn(colId)?.getColDef();
    if (!def || def.valueGetter || !def.field) return 'all';
    fields.add(def.field.split('.')[0]!);
  }
  return fields;
}

export interface LiveRowsStats {
  /** Row values applied to the grid (after coalescing). */
  applied: number;
  inPlace: number;
  transactions: number;
  frames: number;
}

export interface LiveRowsOptions {
  /** Runs the flush before the next paint; tests pass a manual scheduler. */
  schedule?: (flush: () => void) => void;
  /** Called after each flush with the rows applied (for the bench and for highlighting). */
  onFlush?: (applied: number) => void;
  /** The fields the board's external filter reads; without it, an external filter sends every change through a transaction. */
  externalFilterFields?: readonly string[];
}

/** A board's live path: queue changes from any source, and they reach the grid once per frame. */
export class LiveRows<T> {
  private readonly pending: PendingRows<T>;
  private scheduled = false;
  /** Rows sent in a transaction that AG Grid has not applied yet (it batches async transactions). */
  private readonly inFlight = new Map<string, T>();
  readonly stats: LiveRowsStats = { applied: 0, inPlace: 0, transactions: 0, frames: 0 };
  private readonly schedule: (flush: () => void) => void;

  constructor(private readonly api: GridApi<T>, private readonly idOf: (row: T) => string, private readonly options: LiveRowsOptions = {}) {
    this.pending = new PendingRows(idOf);
    this.schedule = options.schedule ?? ((flush) => requestAnimationFrame(flush));
  }

  upsert(rows: Iterable<T>): void {
    for (const row of rows) this.pending.upsert(row);
    this.request();
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) this.pending.remove(id);
    this.request();
  }

  /** Applies a diff (see rowDiff.ts) the same way. */
  apply(changes: { add: readonly T[]; update: readonly T[]; remove: readonly T[] }): void {
    for (const row of changes.add) this.pending.upsert(row);
    for (const row of changes.update) this.pending.upsert(row);
    for (const row of changes.remove) this.pending.remove(this.idOf(row));
    this.request();
  }

  /** Applies whatever is queued now, without waiting for the frame. */
  flush(): void {
    this.scheduled = false;
    if (this.pending.size === 0 || this.api.isDestroyed()) return;
    const plan = planRows(this.pending.take(), this.idOf, (id) => this.held(id), sensitiveFields(this.api, this.options.externalFilterFields));
    const applied = plan.add.length + plan.update.length + plan.inPlace.length + plan.remove.length;
    const update = plan.update;
    let inPlace = 0;
    for (const row of plan.inPlace) {
      const id = this.idOf(row);
      const node = this.api.getRowNode(id);
      // A row with a transaction still in flight (not yet a node, or about to be overwritten by it)
      // follows in the next batch, so an older value can never land after this one.
      if (node && !this.inFlight.has(id)) {
        node.setData(row);
        inPlace += 1;
      } else update.push(row);
    }
    if (plan.add.length || update.length || plan.remove.length) {
      const remove = plan.remove.map((id) => this.held(id)!);
      const rows = [...plan.add, ...update];
      for (const row of rows) this.inFlight.set(this.idOf(row), row);
      for (const id of plan.remove) this.inFlight.delete(id);
      this.stats.transactions += 1;
      this.api.applyTransactionAsync({ add: plan.add, update, remove }, () => {
        for (const row of rows) if (this.inFlight.get(this.idOf(row)) === row) this.inFlight.delete(this.idOf(row));
      });
    }
    this.stats.applied += applied;
    this.stats.inPlace += inPlace;
    this.stats.frames += 1;
    this.options.onFlush?.(applied);
  }

  private held(id: string): T | undefined {
    return this.inFlight.get(id) ?? this.api.getRowNode(id)?.data;
  }

  private request(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => this.flush());
  }
}
