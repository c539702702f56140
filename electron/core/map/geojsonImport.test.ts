import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import gcoord from 'gcoord';
import { afterEach, describe, expect, it } from 'vitest';
import type { Boundary } from '../../../shared/domain/boundary.ts';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import { distanceKm } from '../seed/geometry.ts';
import { Store } from '../store/storeClient.ts';
import { importBoundaries, levelOfCode, normaliseAdminCode, parseBoundaryGeoJson } from './geojsonImport.ts';

const FIXTURE = path.resolve(import.meta.dirname, '../../../../shared/data/region/shanghai-districts.wgs84.geojson');
const fixtureText = () => fs.readFileSync(FIXTURE, 'utf8');
type Collection = { type: string; features: { type: string; id?: unknown; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[] };

const dirs: string[] = [];
const stores: Store[] = [];
async function openStore(): Promise<Store> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-geojson-'));
  dirs.push(dir);
  const store = await Store.open({ dataDir: dir, synchronous: 'NORMAL' });
  stores.push(store);
  return store;
}
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Every position of a boundary, in order. */
const positions = (boundary: Boundary) => boundary.geometry.coordinates.flat(2);

async function refusal(run: Promise<unknown>): Promise<ConsoleError> {
  try {
    await run;
  } catch (error) {
    if (error instanceof ConsoleError) return error;
    throw error;
  }
  throw new Error('expected the import to be refused');
}

describe('region-pack GeoJSON import', () => {
  it('normalises 6-, 9- and 12-digit codes and reads the level from the zeros', () => {
    expect(normaliseAdminCode('310101')).toBe('310101000000');
    expect(normaliseAdminCode(310112)).toBe('310112000000');
    expect(normaliseAdminCode('310101002')).toBe('310101002000');
    expect(normaliseAdminCode('310101002000')).toBe('310101002000');
    expect(normaliseAdminCode('3101')).toBeNull();
    expect(levelOfCode('310000000000')).toBe('city');
    expect(levelOfCode('310112000000')).toBe('district');
    expect(levelOfCode('310101002000')).toBe('street');
  });

  it('stores the 16 Shanghai districts from the real WGS84 file, keyed by 12-digit code', async () => {
    const store = await openStore();
    const result = await importBoundaries(store, { fileName: 'shanghai-districts.wgs84.geojson', text: fixtureText(), crs: 'wgs84' });
    expect(result).toMatchObject({ imported: 16, crs: 'wgs84', byLevel: { city: 0, district: 16, street: 0 } });
    const stored = await store.query('map.boundaries');
    expect(stored).toHaveLength(16);
    const minhang = stored.find((b) => b.code === '310112000000')!;
    expect(minhang).toMatchObject({ name: '闵行区', level: 'district', source: 'GeoJSON shanghai-districts.wgs84.geojson (WGS84)' });
    // Unchanged coordinates: the first position is the file's.
    const raw = JSON.parse(fixtureText()) as Collection;
    const rawMinhang = raw.features.find((f) => f.properties.dt_adcode === '310112')!;
    expect(positions(minhang)[0]).toEqual((rawMinhang.geometry.coordinates as number[][][][])[0]![0]![0]);
    // Re-importing replaces rather than duplicates.
    await importBoundaries(store, { fileName: 'again.geojson', text: fixtureText(), crs: 'wgs84' });
    expect(await store.query('map.boundaries')).toHaveLength(16);
  });

  it('converts a GCJ-02 copy back to WGS84 within a few metres of the original', () => {
    const raw = JSON.parse(fixtureText()) as Collection;
    const shifted = structuredClone(raw);
    for (const feature of shifted.features) {
      feature.geometry.coordinates = (feature.geometry.coordinates as number[][][][]).map((polygon) =>
        polygon.map((ring) => ring.map((p) => gcoord.transform(p as [number, number], gcoord.WGS84, gcoord.GCJ02) as number[])));
    }
    const original = parseBoundaryGeoJson(fixtureText(), 'wgs84', 'test');
    const converted = parseBoundaryGeoJson(JSON.stringify(shifted), 'gcj02', 'test');
    const asIs = parseBoundaryGeoJson(JSON.stringify(shifted), 'wgs84', 'test');
    let worst = 0;
    let offset = Infinity;
    original.forEach((boundary, index) => {
      const back = positions(converted[index]!);
      const unconverted = positions(asIs[index]!);
      positions(boundary).forEach((p, i) => {
        worst = Math.max(worst, distanceKm(p as [number, number], back[i] as [number, number]) * 1000);
        offset = Math.min(offset, distanceKm(p as [number, number], unconverted[i] as [number, number]) * 1000);
      });
    });
    expect(worst).toBeLessThan(3);
    // Read as WGS84 by mistake, the GCJ-02 copy would sit hundreds of metres off everywhere.
    expect(offset).toBeGreaterThan(300);
  });

  it('accepts Polygon features with code/name/name_en properties and 9-digit street codes', () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [{
        type: 'Feature',
        properties: { code: '310101002', name: '南京东路街道', name_en: 'Nanjing Road East Subdistrict' },
        geometry: { type: 'Polygon', coordinates: [[[121.47, 31.23], [121.49, 31.23], [121.49, 31.25], [121.47, 31.25], [121.47, 31.23]]] },
      }],
    });
    const [street] = parseBoundaryGeoJson(text, 'wgs84', 'test');
    expect(street).toMatchObject({ code: '310101002000', level: 'street', nameEn: 'Nanjing Road East Subdistrict' });
    expect(street!.geometry.type).toBe('MultiPolygon');
  });

  const broken: [string, (c: Collection) => unknown, RegExp][] = [
    ['an unclosed ring', (c) => { (c.features[3]!.geometry.coordinates as number[][][][])[0]![0]!.pop(); return c; }, /feature 3 \(静安区\), polygon 0 ring 0 is not closed/],
    ['a missing code', (c) => { delete c.features[5]!.properties.dt_adcode; return c; }, /feature 5 has no 6-, 9- or 12-digit administrative code/],
    ['projected coordinates', (c) => { (c.features[0]!.geometry.coordinates as number[][][][])[0]![0]![2] = [13523000, 3662000]; return c; }, /feature 0 \(黄浦区\), polygon 0 ring 0, position 2: \[13523000, 3662000\] is outside/],
    ['a LineString', (c) => { c.features[7]!.geometry = { type: 'LineString', coordinates: [[121, 31], [122, 31]] }; return c; }, /feature 7 \(闵行区\) has geometry LineString/],
    ['a repeated code', (c) => { c.features[9]!.properties.dt_adcode = '310101'; return c; }, /feature 9 repeats code 310101000000 of feature 0/],
    ['not a FeatureCollection', () => ({ type: 'Topology' }), /expected a GeoJSON FeatureCollection, found Topology/],
  ];

  it.each(broken)('refuses a file with %s, naming the feature, and stores nothing', async (_what, breakIt, problem) => {
    const store = await openStore();
    const text = JSON.stringify(breakIt(JSON.parse(fixtureText()) as Collection));
    const error = await refusal(importBoundaries(store, { fileName: 'broken.geojson', text, crs: 'wgs84' }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(problem);
    expect(error.message).toMatch(/^broken\.geojson：.*未导入任何数据。 \/ broken\.geojson: .*nothing was imported\.$/);
    expect(await store.query('map.boundaries')).toEqual([]);
  });

  it('refuses text that is not JSON at all', async () => {
    const store = await openStore();
    const error = await refusal(importBoundaries(store, { fileName: 'cut.geojson', text: fixtureText().slice(0, 5000), crs: 'gcj02' }));
    expect(error.message).toMatch(/不是有效的 JSON.* \/ cut\.geojson: not valid JSON/);
    expect(await store.query('map.boundaries')).toEqual([]);
  });
});
