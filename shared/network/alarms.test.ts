import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NetworkEvent } from '../domain/network.ts';
import { eventKey, foldAlarms } from './alarms.ts';

const base = { code: '310101000000', exercise: false } as const;
const raised: NetworkEvent = { ...base, id: eventKey('a1', 'raised'), alarmId: 'a1', kind: 'raised', severity: 'degraded', at: '2026-12-01T10:00:00.000Z', by: 'city' };
const escalated: NetworkEvent = { ...base, id: eventKey('a1', 'raised', '-down'), alarmId: 'a1', kind: 'raised', severity: 'down', at: '2026-12-01T10:00:05.000Z', by: 'city' };
const acknowledged: NetworkEvent = { ...base, id: eventKey('a1', 'acknowledged', ':city-console-2'), alarmId: 'a1', kind: 'acknowledged', at: '2026-12-01T10:00:03.000Z', by: 'city-console-2', note: '已通知黄浦' };
const cleared: NetworkEvent = { ...base, id: eventKey('a1', 'cleared'), alarmId: 'a1', kind: 'cleared', at: '2026-12-01T10:01:00.000Z', by: 'city' };

describe('foldAlarms', () => {
  it('keeps an acknowledgement whatever re-raise of the same alarm comes after it', () => {
    const [alarm] = foldAlarms([raised, acknowledged, escalated]);
    expect(alarm).toMatchObject({ alarmId: 'a1', severity: 'down', open: true, acknowledged: { by: 'city-console-2', note: '已通知黄浦' } });
  });
  it('shows the earliest of two halls\' acknowledgements, in any order', () => {
    const other: NetworkEvent = { ...acknowledged, id: eventKey('a1', 'acknowledged', ':huangpu'), by: 'huangpu', at: '2026-12-01T10:00:04.000Z', note: 'later' };
    expect(foldAlarms([raised, other, acknowledged])[0]!.acknowledged).toMatchObject({ by: 'city-console-2' });
    expect(foldAlarms([acknowledged, other, raised])[0]!.acknowledged).toMatchObject({ by: 'city-console-2' });
  });
  it('closes the alarm when the link recovers, keeping it in the history', () => {
    const [alarm] = foldAlarms([raised, cleared]);
    expect(alarm).toMatchObject({ open: false, clearedAt: cleared.at, acknowledged: null });
  });
  it('gives the same alarms for any order and any duplication of the entries', () => {
    const expected = foldAlarms([raised, escalated, acknowledged, cleared]);
    fc.assert(fc.property(fc.shuffledSubarray([raised, escalated, acknowledged, cleared, raised, acknowledged], { minLength: 6, maxLength: 6 }), (events) => {
      expect(foldAlarms(events)).toEqual(expected);
    }));
  });
});
