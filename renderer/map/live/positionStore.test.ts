import { fromLonLat } from 'ol/proj.js';
import { describe, expect, it } from 'vitest';
import { toPositionBatch, type Position } from '../../../shared/domain/position.ts';
import { mercatorX, mercatorY, PositionStore } from './positionStore.ts';

const fix = (id: string, lon: number, lat: number, at: number, kind: Position['kind'] = 'team'): Position => ({ id, kind, lon, lat, at });

/** A store whose "animation frames" run when the test says so. */
function manualStore(initialCapacity?: number) {
  const frames: (() => void)[] = [];
  const store = new PositionStore({ requestFrame: (callback) => frames.push(callback), initialCapacity });
  const changes: number[][] = [];
  store.onApplied((changed) => changes.push([...changed]));
  const runFrame = () => {
    const due = frames.splice(0);
    for (const callback of due) callback();
  };
  return { store, frames, changes, runFrame };
}

describe('PositionStore', () => {
  it('applies queued batches once per frame, newest fix per entity, and reports each changed slot once', () => {
    const { store, frames, changes, runFrame } = manualStore();
    store.push(toPositionBatch([fix('a', 121.4, 31.2, 1000), fix('b', 121.5, 31.3, 1000)]));
    store.push(toPositionBatch([fix('a', 121.45, 31.25, 2000)]));
    store.push(toPositionBatch([fix('a', 100, 10, 1500)]));
    // Three batches, one frame requested, nothing applied before it runs.
    expect(frames).toHaveLength(1);
    expect(store.count).toBe(0);
    runFrame();
    expect(store.count).toBe(2);
    expect(changes).toEqual([[0, 1]]);
    const a = store.slotOf('a');
    expect(store.position(a)).toEqual(fix('a', 121.45, 31.25, 2000));
    expect(store.x[a]).toBeCloseTo(mercatorX(121.45), 6);
    expect(store.y[a]).toBeCloseTo(mercatorY(31.25), 6);
    expect(store.totals).toEqual({ received: 4, applied: 3, stale: 1, frames: 1 });
    expect(store.version).toBe(1);
  });

  it('keeps slots stable as entities come and go in batches, and ignores stale fixes across frames', () => {
    const { store, changes, runFrame } = manualStore();
    store.push(toPositionBatch([fix('a', 121, 31, 10), fix('b', 121, 31, 10)]));
    runFrame();
    store.push(toPositionBatch([fix('c', 122, 30, 10), fix('b', 121.1, 31.1, 20)]));
    runFrame();
    expect(changes[1]).toEqual([2, 1]);
    expect(store.ids.slice(0, store.count)).toEqual(['a', 'b', 'c']);
    store.push(toPositionBatch([fix('b', 0, 0, 5)]));
    runFrame();
    // Nothing changed, so no render is asked for.
    expect(changes).toHaveLength(2);
    expect(store.position(store.slotOf('b'))).toMatchObject({ lon: 121.1, lat: 31.1 });
    expect(store.slotOf('nobody')).toBe(-1);
    expect(store.position(-1)).toBeNull();
  });

  it('grows its typed arrays without losing entities', () => {
    const { store, runFrame } = manualStore(16);
    const positions = Array.from({ length: 5000 }, (_, i) => fix(`p${i}`, 121 + i * 1e-4, 31 + i * 1e-5, i, i % 2 ? 'vehicle' : 'team'));
    store.push(toPositionBatch(positions));
    runFrame();
    expect(store.count).toBe(5000);
    expect(store.capacity).toBeGreaterThanOrEqual(5000);
    for (const i of [0, 15, 16, 17, 4999]) {
      const slot = store.slotOf(`p${i}`);
      expect(store.position(slot)).toEqual(positions[i]);
      expect(store.kind[slot]).toBe(i % 2);
    }
  });

  it('keeps heading and speed where given', () => {
    const { store, runFrame } = manualStore();
    store.push(toPositionBatch([{ ...fix('v', 121, 31, 1, 'vehicle'), heading: 270, speed: 8 }, fix('t', 121, 31, 1)]));
    runFrame();
    expect(store.position(store.slotOf('v'))).toMatchObject({ heading: 270, speed: 8, kind: 'vehicle' });
    expect(store.position(store.slotOf('t'))).not.toHaveProperty('heading');
  });
});

describe('Web Mercator', () => {
  it('matches OpenLayers\' EPSG:3857 projection and clamps the poles', () => {
    for (const [lon, lat] of [[121.47, 31.23], [-74, 40.7], [0, 0], [179.9, -60]] as const) {
      const [x, y] = fromLonLat([lon, lat]);
      expect(mercatorX(lon)).toBeCloseTo(x!, 3);
      expect(mercatorY(lat)).toBeCloseTo(y!, 3);
    }
    expect(Number.isFinite(mercatorY(90))).toBe(true);
  });
});
