import type { GridApi } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { changedFields, LiveRows, PendingRows, planRows } from './liveRows.ts';

interface Row { id: string; value: number; district: string }
const idOf = (row: Row) => row.id;
const row = (id: string, value: number, district = 'a'): Row => ({ id, value, district });

describe('PendingRows', () => {
  it('keeps only the newest value of each row, in the order of their latest change', () => {
    const pending = new PendingRows(idOf);
    pending.upsert(row('r1', 1));
    pending.upsert(row('r2', 1));
    pending.upsert(row('r1', 2));
    pending.upsert(row('r1', 3));
    expect(pending.size).toBe(2);
    expect(pending.take()).toEqual({ upserts: [row('r2', 1), row('r1', 3)], removals: [] });
    expect(pending.size).toBe(0);
    expect(pending.take()).toEqual({ upserts: [], removals: [] });
  });

  it('lets a removal cancel an earlier value and a later value cancel a removal', () => {
    const pending = new PendingRows(idOf);
    pending.upsert(row('r1', 1));
    pending.remove('r1');
    pending.remove('r2');
    pending.upsert(row('r2', 5));
    expect(pending.take()).toEqual({ upserts: [row('r2', 5)], removals: ['r1'] });
  });
});

describe('planRows', () => {
  const grid = new Map([['r1', row('r1', 1)], ['r2', row('r2', 1, 'b')]]);
  const held = (id: string) => grid.get(id);

  it('updates in place rows changed only in fields no sort or filter reads', () => {
    const plan = planRows({ upserts: [row('r1', 2), row('r3', 1)], removals: ['r2', 'gone'] }, idOf, held, new Set(['district']));
    expect(plan).toEqual({ add: [row('r3', 1)], update: [], inPlace: [row('r1', 2)], remove: ['r2'] });
  });

  it('sends rows whose sorted or filtered field changed through a transaction, and every change when any field may matter', () => {
    expect(planRows({ upserts: [row('r1', 2), row('r2', 1, 'c')], removals: [] }, idOf, held, new Set(['district'])))
      .toEqual({ add: [], update: [row('r2', 1, 'c')], inPlace: [row('r1', 2)], remove: [] });
    expect(planRows({ upserts: [row('r1', 2)], removals: [] }, idOf, held, 'all').update).toEqual([row('r1', 2)]);
    // The very object the grid holds is no change at all.
    expect(planRows({ upserts: [grid.get('r1')!], removals: [] }, idOf, held, 'all')).toEqual({ add: [], update: [], inPlace: [], remove: [] });
  });

  it('compares nested values by content', () => {
    expect(changedFields({ a: 1, p: { lon: 1 } }, { a: 1, p: { lon: 1 } })).toEqual([]);
    expect(changedFields({ a: 1, p: { lon: 1 } }, { a: 2, p: { lon: 2 }, b: 0 })).toEqual(['a', 'p', 'b']);
  });
});

/** Just enough of a client-side grid to watch which path each change takes. */
function fakeGrid(rows: Row[], sortedField?: string) {
  const nodes = new Map(rows.map((r) => [r.id, { data: r, setData(next: Row) { this.data = next; calls.push(`setData ${next.id}=${next.value}`); } }]));
  const queued: { tx: { add: Row[]; update: Row[]; remove: Row[] }; done: () => void }[] = [];
  const calls: string[] = [];
  const api = {
    isDestroyed: () => false,
    getRowNode: (id: string) => nodes.get(id),
    isColumnFilterPresent: () => false,
    getGridOption: () => undefined,
    getFilterModel: () => ({}),
    getColumnState: () => (sortedField ? [{ colId: sortedField, sort: 'asc' }] : [{ colId: 'value', sort: null }]),
    getColumn: (colId: string) => ({ getColDef: () => ({ field: colId }) }),
    applyTransactionAsync(tx: { add: Row[]; update: Row[]; remove: Row[] }, done: () => void) {
      calls.push(`tx +${tx.add.map(idOf)} ~${tx.update.map((r) => `${r.id}=${r.value}`)} -${tx.remove.map(idOf)}`);
      queued.push({ tx, done });
    },
  };
  /** What AG Grid does when its async batch runs. */
  const runBatch = () => {
    for (const { tx, done } of queued.splice(0)) {
      for (const r of [...tx.add, ...tx.update]) {
        const node = nodes.get(r.id);
        if (node) node.data = r;
        else nodes.set(r.id, { data: r, setData(next: Row) { this.data = next; calls.push(`setData ${next.id}=${next.value}`); } });
      }
      for (const r of tx.remove) nodes.delete(r.id);
      done();
    }
  };
  return { api: api as unknown as GridApi<Row>, calls, nodes, runBatch };
}

describe('LiveRows', () => {
  it('applies a burst once per frame, newest value only, in place when nothing sorts by it', () => {
    const grid = fakeGrid([row('r1', 0), row('r2', 0)]);
    const frames: (() => void)[] = [];
    const live = new LiveRows(grid.api, idOf, { schedule: (flush) => frames.push(flush) });
    for (let value = 1; value <= 100; value++) live.upsert([row('r1', value), row('r2', value * 10)]);
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(grid.calls).toEqual(['setData r1=100', 'setData r2=1000']);
    expect(live.stats).toEqual({ applied: 2, inPlace: 2, transactions: 0, frames: 1 });
    live.upsert([row('r1', 101)]);
    expect(frames).toHaveLength(1);
  });

  it('sends a change of the sorted field, adds and removals through one transaction per frame', () => {
    const grid = fakeGrid([row('r1', 0), row('r2', 0)], 'value');
    const frames: (() => void)[] = [];
    const live = new LiveRows(grid.api, idOf, { schedule: (flush) => frames.push(flush) });
    live.apply({ add: [row('r3', 7)], update: [row('r1', 5), row('r2', 0, 'z')], remove: [row('r9', 0)] });
    live.remove(['r2']);
    frames.shift()!();
    expect(grid.calls).toEqual(['tx +r3 ~r1=5 -r2']);
    grid.runBatch();
    expect([...grid.nodes.keys()].sort()).toEqual(['r1', 'r3']);
  });

  it('never lets a transaction still in flight overwrite a newer value applied in place', () => {
    const grid = fakeGrid([row('r1', 0, 'a')], 'district');
    const frames: (() => void)[] = [];
    const live = new LiveRows(grid.api, idOf, { schedule: (flush) => frames.push(flush) });
    live.upsert([row('r1', 1, 'b')]); // sorted field: transaction
    frames.shift()!();
    live.upsert([row('r1', 2, 'b')]); // only the value: would be in place, but a transaction is in flight
    frames.shift()!();
    live.upsert([row('r4', 1)]); // added, not yet a node
    frames.shift()!();
    live.upsert([row('r4', 2)]);
    frames.shift()!();
    expect(grid.calls).toEqual(['tx + ~r1=1 -', 'tx + ~r1=2 -', 'tx +r4 ~ -', 'tx + ~r4=2 -']);
    grid.runBatch();
    expect(grid.nodes.get('r1')!.data).toEqual(row('r1', 2, 'b'));
    expect(grid.nodes.get('r4')!.data).toEqual(row('r4', 2));
    // Once the batch has landed, value-only changes go in place again.
    live.upsert([row('r1', 3, 'b')]);
    frames.shift()!();
    expect(grid.calls.at(-1)).toBe('setData r1=3');
  });
});
