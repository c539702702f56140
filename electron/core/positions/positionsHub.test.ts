import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromPositionBatch, toPositionBatch, type Position, type PositionBatch } from '../../../shared/domain/position.ts';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import { PositionsHub } from './positionsHub.ts';

const T0 = Date.UTC(2026, 6, 1, 8);
const fix = (id: string, lon: number, lat: number, at: number, extra: Partial<Position> = {}): Position => ({ id, kind: 'team', lon, lat, at, ...extra });
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function refusal(run: () => unknown): ConsoleError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConsoleError) return error;
    throw error;
  }
  throw new Error('expected the report to be refused');
}

describe('PositionsHub', () => {
  const hubs: PositionsHub[] = [];
  const make = (options: ConstructorParameters<typeof PositionsHub>[0] = {}) => {
    const hub = new PositionsHub({ now: () => T0, ...options });
    hubs.push(hub);
    return hub;
  };
  afterEach(() => {
    for (const hub of hubs.splice(0)) hub.close();
  });

  it('keeps the newest fix per entity and drops older ones', () => {
    const hub = make();
    expect(hub.report(toPositionBatch([fix('a', 121.4, 31.2, T0 - 1000), fix('b', 121.5, 31.3, T0 - 1000)]))).toEqual({ accepted: 2, stale: 0 });
    // a moves on; an older fix for b arrives late and must not win.
    expect(hub.report(toPositionBatch([fix('a', 121.41, 31.21, T0 - 500), fix('b', 120, 30, T0 - 2000)]))).toEqual({ accepted: 1, stale: 1 });
    const positions = fromPositionBatch(hub.snapshot());
    expect(positions).toEqual([fix('a', 121.41, 31.21, T0 - 500), fix('b', 121.5, 31.3, T0 - 1000)]);
    expect(hub.size).toBe(2);
  });

  it('carries heading, speed and area where given, and kinds by index', () => {
    const hub = make();
    hub.report(toPositionBatch([
      fix('v1', 121.4, 31.2, T0, { kind: 'vehicle', heading: 90, speed: 12.5, nodeCode: '310101000000' }),
      fix('t1', 121.5, 31.3, T0),
    ]));
    const snapshot = hub.snapshot();
    expect(snapshot.kinds).toEqual([1, 0]);
    expect(fromPositionBatch(snapshot)).toEqual([
      fix('v1', 121.4, 31.2, T0, { kind: 'vehicle', heading: 90, speed: 12.5, nodeCode: '310101000000' }),
      fix('t1', 121.5, 31.3, T0),
    ]);
  });

  it('refuses a bad batch whole, with a clear message, and changes nothing', () => {
    const hub = make();
    hub.report(toPositionBatch([fix('a', 121.4, 31.2, T0)]));
    const before = hub.snapshot();
    const mismatched: PositionBatch = { ids: ['a', 'b'], kinds: [0, 0], lon: [121, 122], lat: [31], at: [T0 + 1, T0 + 1] };
    const error = refusal(() => hub.report(mismatched));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/lat: has 1 entries but ids has 2/);
    expect(refusal(() => hub.report({ ...toPositionBatch([fix('a', 200, 31, T0 + 1)]) })).message).toMatch(/lon\.0/);
    expect(refusal(() => hub.report({ ...toPositionBatch([fix('bad id!', 121, 31, T0 + 1)]) })).message).toMatch(/ids\.0/);
    expect(refusal(() => hub.report({ ids: ['a'], kinds: [9], lon: [121], lat: [31], at: [T0 + 1] })).message).toMatch(/kinds\.0/);
    expect(refusal(() => hub.report({ ids: [], kinds: [], lon: [], lat: [], at: [] })).message).toMatch(/at least one/);
    // A fix stamped an hour ahead would pin the entity there: refused.
    expect(refusal(() => hub.report(toPositionBatch([fix('a', 121, 31, T0 + 3_600_000)]))).message).toMatch(/in the future/);
    expect(hub.snapshot()).toEqual(before);
  });

  it('is bounded: a report that would exceed the table is refused whole', () => {
    const hub = make({ maxEntities: 3 });
    hub.report(toPositionBatch([fix('a', 121, 31, T0), fix('b', 121, 31, T0)]));
    const error = refusal(() => hub.report(toPositionBatch([fix('a', 121.1, 31, T0 + 1), fix('c', 121, 31, T0), fix('d', 121, 31, T0)])));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/holds 2 of at most 3/);
    expect(hub.size).toBe(2);
    expect(fromPositionBatch(hub.snapshot())[0]!.lon).toBe(121);
    // Updates to known entities still go through when full.
    hub.report(toPositionBatch([fix('c', 121, 31, T0)]));
    expect(hub.report(toPositionBatch([fix('a', 121.2, 31, T0 + 2), fix('c', 121.3, 31, T0 + 2)]))).toEqual({ accepted: 2, stale: 0 });
  });

  it('pushes coalesced batches: one per interval, only the newest value per entity', () => {
    vi.useFakeTimers({ now: T0 });
    try {
      const hub = make({ flushIntervalMs: 40, now: Date.now });
      const batches: PositionBatch[] = [];
      hub.subscribe((batch) => batches.push(batch));
      for (let step = 0; step < 10; step += 1) {
        hub.report(toPositionBatch([fix('a', 121 + step / 100, 31, T0 + step), fix(`only-${step}`, 121, 31, T0)]));
      }
      expect(batches).toHaveLength(0);
      vi.advanceTimersByTime(1);
      expect(batches).toHaveLength(1);
      const positions = fromPositionBatch(batches[0]!);
      expect(positions.filter((p) => p.id === 'a')).toEqual([fix('a', 121.09, 31, T0 + 9)]);
      expect(positions).toHaveLength(11);

      // Reports right after a flush wait out the interval instead of going out one by one.
      vi.advanceTimersByTime(10);
      hub.report(toPositionBatch([fix('a', 121.5, 31, T0 + 20)]));
      hub.report(toPositionBatch([fix('b', 121.5, 31, T0 + 20)]));
      vi.advanceTimersByTime(25);
      expect(batches).toHaveLength(1);
      vi.advanceTimersByTime(10);
      expect(batches).toHaveLength(2);
      expect(batches[1]!.ids).toEqual(['a', 'b']);

      // Stale fixes are not pushed at all.
      hub.report(toPositionBatch([fix('a', 0, 0, T0)]));
      vi.advanceTimersByTime(200);
      expect(batches).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops pushing after unsubscribe and after close', async () => {
    const hub = make({ flushIntervalMs: 10, now: Date.now });
    const got: number[] = [];
    const stop = hub.subscribe((batch) => got.push(batch.ids.length));
    hub.report(toPositionBatch([fix('a', 121, 31, Date.now())]));
    await expect.poll(() => got.length).toBe(1);
    stop();
    hub.report(toPositionBatch([fix('a', 121.1, 31, Date.now() + 1)]));
    await wait(40);
    expect(got).toEqual([1]);
    hub.close();
    expect(refusal(() => hub.report(toPositionBatch([fix('a', 121, 31, Date.now() + 2)]))).code).toBe('STORE_UNAVAILABLE');
  });

  it('splits a large flush into batches of at most 10,000', () => {
    const hub = make();
    const sizes: number[] = [];
    hub.subscribe((batch) => sizes.push(batch.ids.length));
    for (let start = 0; start < 25_000; start += 10_000) {
      const positions = Array.from({ length: Math.min(10_000, 25_000 - start) }, (_, i) => fix(`p${start + i}`, 121 + i * 1e-5, 31, T0));
      hub.report(toPositionBatch(positions));
    }
    hub.flush();
    expect(sizes).toEqual([10_000, 10_000, 5_000]);
    expect(hub.size).toBe(25_000);
  });
});
