import { describe, expect, it } from 'vitest';
import type { NetworkNodeRow } from '../../../shared/network/view.ts';
import { countStates, filterRows, formatOffset, formatRtt, isProblem } from './networkRows.ts';

const row = (code: string, parentCode: string | null, state: NetworkNodeRow['state'], extra: Partial<NetworkNodeRow> = {}): NetworkNodeRow => ({
  code, name: `n${code}`, kind: 'street', parentCode, depth: 0, state, reachable: true, cutAt: null, channel: 'fibre', primaryChannel: 'fibre', backupChannel: 'beidou',
  onBackup: false, rttMs: null, loss: null, opsBehind: null, lastContactAt: null, clockOffsetMs: null, stateAt: null, source: 'reported', ...extra,
});
const ROWS = [row('1', null, 'up'), row('2', '1', 'up'), row('3', '2', 'down', { reachable: false, cutAt: '3' }), row('4', '1', 'unknown', { reachable: false, cutAt: '2' }), row('5', '1', 'up', { onBackup: true, name: '黄浦' })];

describe('network rows', () => {
  it('counts states and the unreachable', () => {
    expect(countStates(ROWS)).toEqual({ up: 3, degraded: 0, down: 1, standalone: 0, unknown: 1, unreachable: 1 });
  });
  it('keeps the ancestors of what matches, so the tree still reads', () => {
    expect(filterRows(ROWS, '', true).map((r) => r.code)).toEqual(['1', '2', '3', '5']);
    expect(filterRows(ROWS, '黄浦', false).map((r) => r.code)).toEqual(['1', '5']);
    expect(isProblem(ROWS[3]!)).toBe(false);
  });
  it('formats round trips and clock offsets for people', () => {
    expect(formatRtt(3.4)).toBe('3 ms');
    expect(formatRtt(1530)).toBe('1.5 s');
    expect(formatRtt(null)).toBe('—');
    expect(formatOffset(600_000)).toBe('+10.0 min');
    expect(formatOffset(-42)).toBe('−42 ms');
  });
});
