import { describe, expect, it } from 'vitest';
import { Debouncer, measuredState, selfState, type LinkMeasure } from './state.ts';

const live: LinkMeasure = { open: true, lastSeenMs: 10_000, rttMs: 3, loss: 0, channel: 'fibre', everHeard: true };

describe('measuredState', () => {
  it('is up on a quick fibre link heard a moment ago', () => {
    expect(measuredState(live, 11_000)).toBe('up');
  });
  it('is degraded on a slow or lossy link, and on a narrow channel', () => {
    expect(measuredState({ ...live, rttMs: 800 }, 11_000)).toBe('degraded');
    expect(measuredState({ ...live, loss: 0.2 }, 11_000)).toBe('degraded');
    expect(measuredState({ ...live, channel: 'beidou' }, 11_000)).toBe('degraded');
  });
  it('is down when closed or silent for six seconds, unknown when never heard from', () => {
    expect(measuredState({ ...live, open: false }, 11_000)).toBe('down');
    expect(measuredState(live, 16_500)).toBe('down');
    expect(measuredState({ ...live, open: false, lastSeenMs: null, everHeard: false }, 11_000)).toBe('unknown');
  });
});

describe('selfState', () => {
  it('runs standalone when its uplink is cut, and is up at the top of the tree', () => {
    expect(selfState('down')).toBe('standalone');
    expect(selfState('degraded')).toBe('degraded');
    expect(selfState(null)).toBe('up');
  });
});

describe('Debouncer', () => {
  it('commits a state only after it held for the hold time', () => {
    const debouncer = new Debouncer<string>(2000);
    debouncer.seed('a', 'up');
    expect(debouncer.observe('a', 'down', 0)).toBeNull();
    expect(debouncer.observe('a', 'down', 1500)).toBeNull();
    expect(debouncer.observe('a', 'down', 2100)).toEqual({ from: 'up', to: 'down' });
    expect(debouncer.current('a')).toBe('down');
  });
  it('ignores a link that flaps faster than the hold time', () => {
    const debouncer = new Debouncer<string>(2000);
    debouncer.seed('a', 'up');
    const changes = [];
    for (let t = 0; t < 20_000; t += 500) changes.push(debouncer.observe('a', t % 1000 === 0 ? 'down' : 'up', t));
    expect(changes.filter(Boolean)).toEqual([]);
    expect(debouncer.current('a')).toBe('up');
  });
});
