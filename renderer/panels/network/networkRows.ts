import type { NodeState } from '../../../shared/network/state.ts';
import type { NetworkNodeRow } from '../../../shared/network/view.ts';

/** Nodes per state, for the header. */
export function countStates(rows: readonly NetworkNodeRow[]): Record<NodeState, number> & { unreachable: number } {
  const counts = { up: 0, degraded: 0, down: 0, standalone: 0, unknown: 0, unreachable: 0 };
  for (const row of rows) {
    counts[row.state] += 1;
    // Nodes never heard from stay out of the unreachable count: it names what was lost, not what was never there.
    if (!row.reachable && row.state !== 'unknown') counts.unreachable += 1;
  }
  return counts;
}

/** A row needs the duty officer's eye: not up, or out of reach, or on its backup channel (a node never heard from is not news). */
export function isProblem(row: NetworkNodeRow): boolean {
  if (row.state === 'unknown') return false;
  return row.state !== 'up' || !row.reachable || row.onBackup;
}

/** Rows whose name, English name or code contains the text; a match keeps its ancestors, so the tree still reads. */
export function filterRows(rows: readonly NetworkNodeRow[], text: string, problemsOnly: boolean): NetworkNodeRow[] {
  const needle = text.trim().toLowerCase();
  if (!needle && !problemsOnly) return [...rows];
  const parentOf = new Map(rows.map((row) => [row.code, row.parentCode]));
  const keep = new Set<string>();
  for (const row of rows) {
    const matches = (!needle || row.code.includes(needle) || row.name.toLowerCase().includes(needle) || (row.nameEn ?? '').toLowerCase().includes(needle))
      && (!problemsOnly || isProblem(row));
    if (!matches) continue;
    for (let code: string | null | undefined = row.code; code && !keep.has(code); code = parentOf.get(code)) keep.add(code);
  }
  return rows.filter((row) => keep.has(row.code));
}

/** Round trip for people: whole milliseconds, or seconds past one. */
export function formatRtt(ms: number | null): string {
  if (ms === null) return '—';
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** A clock offset with its sign, so "ahead" and "behind" read at a glance. */
export function formatOffset(ms: number | null): string {
  if (ms === null) return '—';
  const sign = ms > 0 ? '+' : ms < 0 ? '−' : '±';
  const abs = Math.abs(ms);
  return abs >= 60_000 ? `${sign}${(abs / 60_000).toFixed(1)} min` : abs >= 1000 ? `${sign}${(abs / 1000).toFixed(1)} s` : `${sign}${Math.round(abs)} ms`;
}

/** The colour of each state on the map, in the tree and in the chart: the console's palette. */
export const STATE_COLOURS: Record<NodeState, string> = {
  up: '#3ccf7a',
  degraded: '#ffb020',
  down: '#ff4d4f',
  standalone: '#c77dff',
  unknown: '#6b7f96',
};
