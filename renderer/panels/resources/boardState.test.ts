import { describe, expect, it } from 'vitest';
import { boardKey, loadBoard, saveBoard } from './boardState.ts';

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (key: string) => map.get(key) ?? null, setItem: (key: string, value: string) => void map.set(key, value), map };
}

describe('board layout storage', () => {
  it('saves and restores column order, widths, sort and filters per board', () => {
    const storage = memoryStorage();
    const board = { columns: [{ colId: 'balance', width: 140, sort: 'asc' as const }, { colId: 'depot', width: 300 }], filter: { itemName: { filterType: 'text', type: 'contains', filter: '水' } } };
    saveBoard(storage, 'stock', board);
    expect(storage.map.has(boardKey('stock'))).toBe(true);
    expect(loadBoard(storage, 'stock')).toEqual(board);
    expect(loadBoard(storage, 'teams')).toBeNull();
  });

  it('ignores a layout it cannot read instead of failing the board', () => {
    const storage = memoryStorage();
    storage.setItem(boardKey('stock'), '{not json');
    expect(loadBoard(storage, 'stock')).toBeNull();
    storage.setItem(boardKey('stock'), JSON.stringify({ columns: [{ width: 3 }] }));
    expect(loadBoard(storage, 'stock')).toBeNull();
    storage.setItem(boardKey('stock'), JSON.stringify({ columns: [{ colId: 'a' }] }));
    expect(loadBoard(storage, 'stock')).toEqual({ columns: [{ colId: 'a' }], filter: {} });
    expect(loadBoard(undefined, 'stock')).toBeNull();
  });
});
