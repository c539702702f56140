import type { WallCell } from '../../shared/domain/wallLayout.ts';
import { cellDisplays, displayLabel, displayPlace } from '../../shared/wall/hall.ts';

/** The cell a drag from one display to another marks: the rectangle they span, from its top-left display. */
export function dragRectangle(from: string, to: string): Pick<WallCell, 'display' | 'colSpan' | 'rowSpan'> {
  const a = displayPlace(from);
  const b = displayPlace(to);
  const col = Math.min(a.col, b.col);
  const row = Math.min(a.row, b.row);
  return { display: displayLabel(col, row), colSpan: Math.abs(a.col - b.col) + 1, rowSpan: Math.abs(a.row - b.row) + 1 };
}

/** Adds a cell, taking its displays from any cells that held them (a new drag over old cells replaces them). */
export function placeCell(cells: readonly WallCell[], cell: WallCell): WallCell[] {
  const covered = new Set(cellDisplays(cell));
  return [...cells.filter((existing) => !cellDisplays(existing).some((label) => covered.has(label))), cell];
}

/** Panel addresses offered in the editor, as `wall.panel.*` message keys name them. */
export const EDITOR_PANELS = ['map', 'incidents', 'tree', 'sync', 'board/stock', 'board/teams', 'board/equipment', 'board/volunteers', 'board/shelters', 'board/allocations', 'board/needs'] as const;
