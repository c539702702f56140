import type { ColDef, ProcessCellForExportParams } from 'ag-grid-community';
import { neutraliseCell } from '../../shared/formats/csv.ts';

/**
 * Marks a column whose export is its raw value: numbers as numbers (the unit in a column of its
 * own, never "821 箱"), times as full ISO 8601 with the year. Spread into the column definition.
 */
export const EXPORT_RAW: Pick<ColDef, 'context'> = { context: { exportRaw: true } };

const isRaw = (params: ProcessCellForExportParams) => (params.column.getColDef().context as { exportRaw?: boolean } | undefined)?.exportRaw === true;

/** One exported cell: raw where the column says so, otherwise as shown; formulas neutralised (OWASP). */
export function exportCell(params: ProcessCellForExportParams): string {
  const value: unknown = params.value;
  if (isRaw(params)) return neutraliseCell(value as string | number | boolean | null | undefined);
  const shown = params.column.getColDef().valueFormatter ? params.formatValue(value) : value;
  return neutraliseCell(shown === null || shown === undefined ? '' : typeof shown === 'number' ? shown : String(shown));
}
