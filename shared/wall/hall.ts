import type { WallCell, WallDisplay, WallLayout } from '../domain/wallLayout.ts';
import { addressProblem } from './routes.ts';

export type Hall = WallLayout & { kind: 'hall' };
export type Preset = WallLayout & { kind: 'preset' };

export const isHall = (record: WallLayout): record is Hall => record.kind === 'hall';
export const isPreset = (record: WallLayout): record is Preset => record.kind === 'preset';

/** A display label from its grid place: columns A, B, C…, rows 1, 2, 3… */
export const displayLabel = (col: number, row: number) => `${String.fromCharCode(65 + col)}${row + 1}`;

/** A display's grid place from its label. */
export function displayPlace(label: string): { col: number; row: number } {
  return { col: label.charCodeAt(0) - 65, row: Number(label.slice(1)) - 1 };
}

/** The displays a cell covers, by label. */
export function cellDisplays(cell: WallCell): string[] {
  const { col, row } = displayPlace(cell.display);
  const labels: string[] = [];
  for (let r = row; r < row + cell.rowSpan; r++) for (let c = col; c < col + cell.colSpan; c++) labels.push(displayLabel(c, r));
  return labels;
}

/** A cell's name: its display, or its first and last display when it spans (`A1–B1`). */
export function cellName(cell: WallCell): string {
  const covered = cellDisplays(cell);
  return covered.length === 1 ? covered[0]! : `${covered[0]}–${covered.at(-1)}`;
}

/**
 * Why a preset cannot be shown on a hall's wall (English reasons, one per problem; empty when it
 * can): an unknown panel or board, a display the hall does not have, cells that overlap.
 */
export function presetProblems(preset: Pick<WallLayout, 'cells'>, hall: Pick<Hall, 'displays'>): string[] {
  const known = new Set((hall.displays ?? []).map((display) => display.label));
  const problems: string[] = [];
  const taken = new Map<string, string>();
  const cells = preset.cells ?? [];
  if (cells.length === 0) problems.push('the preset has no cells');
  for (const cell of cells) {
    const name = cellName(cell);
    const problem = addressProblem(cell.route);
    if (problem) problems.push(`cell ${name}: ${problem}`);
    for (const label of cellDisplays(cell)) {
      if (!known.has(label)) problems.push(`cell ${name}: the hall has no display ${label}`);
      else if (taken.has(label)) problems.push(`cell ${name} overlaps cell ${taken.get(label)} on display ${label}`);
      else taken.set(label, name);
    }
  }
  return problems;
}

/** What one display shows under a preset: the cell covering it and where the display sits inside the cell. */
export interface DisplayView { cell: WallCell; name: string; offset: { col: number; row: number } }

export function viewOfDisplay(preset: Pick<WallLayout, 'cells'> | undefined, label: string): DisplayView | null {
  const { col, row } = displayPlace(label);
  for (const cell of preset?.cells ?? []) {
    const anchor = displayPlace(cell.display);
    const dc = col - anchor.col;
    const dr = row - anchor.row;
    if (dc >= 0 && dc < cell.colSpan && dr >= 0 && dr < cell.rowSpan) return { cell, name: cellName(cell), offset: { col: dc, row: dr } };
  }
  return null;
}

/** The wall grid's size in displays. */
export function gridSize(displays: readonly WallDisplay[]): { cols: number; rows: number } {
  return { cols: Math.max(0, ...displays.map((d) => d.col + 1)), rows: Math.max(0, ...displays.map((d) => d.row + 1)) };
}

/** The title of a wall window: `PRESET · DISPLAY`, what the OS, a hall controller and tests read. */
export function wallTitle(presetName: string | undefined, display: string): string {
  return `${presetName ?? '—'} · ${display}`;
}
