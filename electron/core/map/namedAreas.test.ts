import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getArea } from 'ol/sphere.js';
import Polygon from 'ol/geom/Polygon.js';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import { Store } from '../store/storeClient.ts';
import { circleRing, deleteArea, ringAreaM2, saveArea } from './namedAreas.ts';

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
async function openStore(): Promise<Store> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-areas-'));
  dirs.push(dir);
  const store = await Store.open({ dataDir: dir, synchronous: 'NORMAL' });
  stores.push(store);
  return store;
}

const square: [number, number][] = [[121.4, 31.1], [121.5, 31.1], [121.5, 31.2], [121.4, 31.2]];

describe('named areas', () => {
  it('measures a ring as ol/sphere does, so the saved area matches the measure tool', () => {
    const olArea = getArea(new Polygon([[...square, square[0]!]]), { projection: 'EPSG:4326' });
    expect(ringAreaM2([...square, square[0]!])).toBeCloseTo(olArea, 0);
    // A 1 km circle drawn as a regular 64-gon: (n/2)·sin(2π/n) km², 0.16 % short of π.
    expect(ringAreaM2(circleRing({ lon: 121.47, lat: 31.23 }, 1000)) / 1e6).toBeCloseTo(32 * Math.sin((2 * Math.PI) / 64), 3);
  });

  it('saves a polygon and a circle, lists them, and deletes one by tombstone', async () => {
    const store = await openStore();
    const polygon = await saveArea(store, { name: '沿江低洼区', shape: 'polygon', ring: square, exercise: false });
    expect(polygon.ring).toHaveLength(5);
    expect(polygon.ring.at(-1)).toEqual(polygon.ring[0]);
    // 0.1° × 0.1° at 31°N: about 10.7 km × 11.1 km.
    expect(polygon.areaKm2).toBeGreaterThan(105);
    expect(polygon.areaKm2).toBeLessThan(106.5);
    const circle = await saveArea(store, { name: '化工区 3 公里', shape: 'circle', circle: { center: { lon: 121.3, lat: 30.8 }, radiusM: 3000 }, exercise: true });
    expect(circle.ring).toHaveLength(65);
    expect(circle.areaKm2).toBeCloseTo(Math.PI * 9, 0);
    expect((await store.query('map.areas')).map((a) => a.name).sort()).toEqual(['化工区 3 公里', '沿江低洼区']);

    await deleteArea(store, polygon.id);
    expect((await store.query('map.areas')).map((a) => a.id)).toEqual([circle.id]);
    const ops = await store.query('ops.range', { origin: store.identity.nodeId, afterSeq: 0, limit: 10 });
    expect(ops.map((op) => `${op.entity}:${op.kind}`)).toEqual(['namedArea:upsert', 'namedArea:upsert', 'namedArea:tombstone']);
    await expect(deleteArea(store, polygon.id)).rejects.toBeInstanceOf(ConsoleError);
  });

  it('refuses a polygon with no size', async () => {
    const store = await openStore();
    await expect(saveArea(store, { name: 'line', shape: 'polygon', ring: [[121, 31], [121.1, 31], [121.2, 31]], exercise: false }))
      .rejects.toThrow(/no size/);
    expect(await store.query('map.areas')).toEqual([]);
  });
});
