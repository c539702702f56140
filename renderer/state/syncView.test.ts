import { describe, expect, it } from 'vitest';
import { ageMessage, outboxParams, vectorSummary } from './syncView.ts';

describe('sync view helpers', () => {
  it('says how old the newest data is in seconds, minutes or hours', () => {
    const now = Date.parse('2026-11-28T12:00:00Z');
    expect(ageMessage('2026-11-28T11:59:48Z', now)).toEqual({ key: 'age.seconds', params: { n: 12 } });
    expect(ageMessage('2026-11-28T11:45:00Z', now)).toEqual({ key: 'age.minutes', params: { n: 15 } });
    expect(ageMessage('2026-11-28T09:00:00Z', now)).toEqual({ key: 'age.hours', params: { n: 3 } });
    expect(ageMessage(null, now)).toBeNull();
  });

  it('spells out the outbox per priority and summarises a vector', () => {
    expect(outboxParams({ outboxByPriority: [1, 0, 12, 0, 3] })).toEqual({ p0: 1, p1: 0, p2: 12, p3: 0, p4: 3 });
    expect(vectorSummary({ a: 3, b: 10, c: 1, d: 7 })).toBe('b:10 d:7 a:3 +1');
    expect(vectorSummary({})).toBe('—');
  });
});
