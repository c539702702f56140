import { describe, expect, it } from 'vitest';
import { beijingTime, newest } from './clock.ts';

describe('the hall clock', () => {
  it('shows Beijing time (UTC+8) whatever the machine zone', () => {
    expect(beijingTime(new Date('2026-12-01T10:05:09Z'))).toBe('2026-12-01 18:05:09');
    expect(beijingTime(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01 00:00:00');
  });

  it('picks the newest of the data times it knows', () => {
    expect(newest('2026-12-01T10:00:00Z', Date.parse('2026-12-01T10:00:05Z'), null)).toBe(Date.parse('2026-12-01T10:00:05Z'));
    expect(newest(null, undefined, 'not a time')).toBeNull();
  });
});
