import { describe, expect, it } from 'vitest';
import { ClockDriftError, decodeHlc, encodeHlc, HLC_MAX_DRIFT_MS, HybridClock } from './hlc.ts';

describe('hybrid logical clock', () => {
  it('orders timestamps as strings in the same order as time', () => {
    const a = encodeHlc({ wallMs: 1_700_000_000_000, counter: 65535 });
    const b = encodeHlc({ wallMs: 1_700_000_000_001, counter: 0 });
    expect(a < b).toBe(true);
    expect(decodeHlc(a)).toEqual({ wallMs: 1_700_000_000_000, counter: 65535 });
  });

  it('never goes backwards when the wall clock does', () => {
    let wall = 1_000_000;
    const clock = new HybridClock(() => wall);
    const first = clock.now();
    wall -= 5000;
    const second = clock.now();
    expect(second > first).toBe(true);
  });

  it('moves past a remote timestamp it receives', () => {
    const clock = new HybridClock(() => 1_000_000);
    const remote = encodeHlc({ wallMs: 1_000_500, counter: 3 });
    const merged = clock.receive(remote);
    expect(merged > remote).toBe(true);
    expect(clock.now() > merged).toBe(true);
  });

  it('quarantines a remote clock more than five minutes ahead without moving', () => {
    const clock = new HybridClock(() => 1_000_000);
    const before = clock.now();
    const ahead = encodeHlc({ wallMs: 1_000_000 + HLC_MAX_DRIFT_MS + 1, counter: 0 });
    expect(() => clock.receive(ahead)).toThrow(ClockDriftError);
    expect(decodeHlc(clock.now()).wallMs).toBe(decodeHlc(before).wallMs);
  });

  it('refuses malformed timestamps', () => {
    expect(() => decodeHlc('not-a-clock')).toThrow(/malformed/);
  });
});
