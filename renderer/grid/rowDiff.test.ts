import { describe, expect, it } from 'vitest';
import { diffRows, isEmptyChange } from './rowDiff.ts';

interface Row { id: string; value: number }
const id = (row: Row) => row.id;

describe('diffRows', () => {
  it('adds everything the first time', () => {
    const next = [{ id: 'a', value: 1 }, { id: 'b', value: 2 }];
    expect(diffRows([], next, id)).toEqual({ add: next, update: [], remove: [] });
  });

  it('updates only rows whose content changed, and removes rows that went away', () => {
    const before = [{ id: 'a', value: 1 }, { id: 'b', value: 2 }, { id: 'c', value: 3 }];
    const after = [{ id: 'a', value: 1 }, { id: 'b', value: 20 }, { id: 'd', value: 4 }];
    expect(diffRows(before, after, id)).toEqual({
      add: [{ id: 'd', value: 4 }],
      update: [{ id: 'b', value: 20 }],
      remove: [{ id: 'c', value: 3 }],
    });
  });

  it('reports no change for equal content in new objects', () => {
    const changes = diffRows([{ id: 'a', value: 1 }], [{ id: 'a', value: 1 }], id);
    expect(isEmptyChange(changes)).toBe(true);
  });

  it('ignores a duplicate id in the new list rather than adding it twice', () => {
    const changes = diffRows([], [{ id: 'a', value: 1 }, { id: 'a', value: 2 }], id);
    expect(changes.add).toEqual([{ id: 'a', value: 1 }]);
  });
});
