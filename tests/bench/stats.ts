/** Percentile of a sample (nearest rank), in the sample's unit. */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export interface BenchRow {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  target?: string;
}

/** Prints rows as an aligned table. Benchmarks report; they never fail on time. */
export function printTable(rows: readonly BenchRow[]): void {
  const cells = rows.map((row) => [row.bench, row.metric, row.value.toLocaleString('en-US'), row.unit, row.target ?? '']);
  const header = ['bench', 'metric', 'value', 'unit', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((cell, i) => (i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}
