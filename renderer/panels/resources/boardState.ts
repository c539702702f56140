import type { ColumnState, FilterModel } from 'ag-grid-community';

/** A board's saved layout: column order, widths, sort and filters. */
export interface SavedBoard {
  columns: ColumnState[];
  filter: FilterModel;
}

const KEY_PREFIX = 'rc.board.';
export const boardKey = (boardId: string) => `${KEY_PREFIX}${boardId}`;

/** Reads a board's saved layout; anything unreadable (an older format, a hand edit) counts as none. */
export function loadBoard(storage: Pick<Storage, 'getItem'> | undefined, boardId: string): SavedBoard | null {
  try {
    const text = storage?.getItem(boardKey(boardId));
    if (!text) return null;
    const value = JSON.parse(text) as Partial<SavedBoard>;
    if (!Array.isArray(value.columns) || value.columns.some((c) => typeof c?.colId !== 'string')) return null;
    return { columns: value.columns, filter: value.filter && typeof value.filter === 'object' ? value.filter : {} };
  } catch {
    return null;
  }
}

export function saveBoard(storage: Pick<Storage, 'setItem'> | undefined, boardId: string, board: SavedBoard): void {
  try {
    storage?.setItem(boardKey(boardId), JSON.stringify(board));
  } catch {
    // A full or disabled storage loses the layout, never the board.
  }
}
