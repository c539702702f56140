import type { ProcessCellForExportParams } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { EXPORT_RAW, exportCell } from './csvExport.ts';

/** The parts of AG Grid's export parameters exportCell reads. */
function params(value: unknown, colDef: Record<string, unknown>): ProcessCellForExportParams {
  return {
    value, column: { getColDef: () => colDef },
    formatValue: (raw: unknown) => (typeof colDef.valueFormatter === 'function' ? (colDef.valueFormatter as (p: { value: unknown }) => string)({ value: raw }) : String(raw)),
  } as unknown as ProcessCellForExportParams;
}

describe('CSV export cells', () => {
  it('writes raw columns as numbers and ISO times, others as shown', () => {
    expect(exportCell(params(821, { ...EXPORT_RAW, valueFormatter: ({ value }: { value: number }) => `${value} 箱` }))).toBe('821');
    expect(exportCell(params('2026-07-25T10:00:00.000Z', { ...EXPORT_RAW, valueFormatter: () => '07-25 18:00:00' }))).toBe('2026-07-25T10:00:00.000Z');
    expect(exportCell(params('physical', { valueFormatter: () => '实物储备' }))).toBe('实物储备');
    expect(exportCell(params(-3, {}))).toBe('-3');
    expect(exportCell(params(null, {}))).toBe('');
  });

  it('neutralises what a spreadsheet would run as a formula, shown or raw', () => {
    expect(exportCell(params('=HYPERLINK("http://x")', {}))).toBe('\'=HYPERLINK("http://x")');
    expect(exportCell(params('x', { valueFormatter: () => '@SUM(A1)' }))).toBe('\'@SUM(A1)');
    expect(exportCell(params('+cmd', EXPORT_RAW))).toBe('\'+cmd');
  });
});
