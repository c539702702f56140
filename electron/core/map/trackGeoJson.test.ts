import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCmaBestTrack } from '../../../shared/hazard/cmaBestTrack.ts';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import { importGeoJsonTracks } from '../services/hazardsService.ts';
import { Store } from '../store/storeClient.ts';
import { categoryFromWind, parseTrackGeoJson } from './trackGeoJson.ts';

const CMA_FIXTURE = path.resolve(import.meta.dirname, '../../../tests/fixtures/CH2021BST-sample.txt');

/** The CMA sample's storms written out in the GeoJSON track format, fixes shuffled. */
function sampleAsGeoJson(): { type: string; features: Record<string, unknown>[] } {
  const storms = parseCmaBestTrack(fs.readFileSync(CMA_FIXTURE, 'utf8'));
  const features = storms.flatMap((storm) => storm.points.map((p) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    properties: { storm: storm.chineseId ?? `s${storm.serial}`, name: storm.name ?? undefined, time: p.time, pressureHpa: p.pressureHpa, windMs: p.windMs, category: p.category },
  })));
  return { type: 'FeatureCollection', features: features.reverse() };
}

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
async function openStore(): Promise<Store> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-track-'));
  dirs.push(dir);
  const store = await Store.open({ dataDir: dir, synchronous: 'NORMAL' });
  stores.push(store);
  return store;
}

describe('GeoJSON tropical-cyclone tracks', () => {
  it('grades wind by GB/T 19201 when no category is given', () => {
    expect([5, 10.8, 17.2, 24.4, 24.5, 32.7, 41.5, 51].map(categoryFromWind)).toEqual([0, 1, 2, 2, 3, 4, 5, 6]);
  });

  it('imports the same storms as the CMA file gives, with the same per-storm summary', async () => {
    const store = await openStore();
    const summaries = await importGeoJsonTracks(store, 'tracks.geojson', JSON.stringify(sampleAsGeoJson()));
    expect(summaries).toHaveLength(2);
    expect(summaries.find((s) => s.name === 'In-fa')).toMatchObject({ number: '2106', name: 'In-fa', points: 5, first: '2021-07-23T00:00:00.000Z', last: '2021-07-26T00:00:00.000Z', peakCategory: 5, peakWindMs: 45, minPressureHpa: 950 });
    const tracks = await store.query('hazards.tracks');
    expect(tracks.map((t) => t.id).sort()).toEqual(summaries.map((s) => `geojson-2021-${s.number}`).sort());
    const infa = tracks.find((t) => t.name === 'In-fa')!;
    // Points are kept in time order whatever order the file had them in.
    expect(infa.points.map((p) => p.time)).toEqual([...infa.points.map((p) => p.time)].sort());
    expect(infa.source).toBe('GeoJSON track (tracks.geojson)');
  });

  it('derives the category from the wind when the file leaves it out', () => {
    const collection = sampleAsGeoJson();
    for (const feature of collection.features) delete (feature.properties as Record<string, unknown>).category;
    const infa = parseTrackGeoJson(JSON.stringify(collection)).find((s) => s.name === 'In-fa')!;
    expect(infa.points.find((p) => p.windMs === 45)!.category).toBe(5);
  });

  it('takes longitudes written on past 180°E and stores them as −180..180', () => {
    const collection = sampleAsGeoJson();
    const infaFixes = collection.features.filter((f) => (f.properties as Record<string, unknown>).name === 'In-fa');
    infaFixes.forEach((feature, index) => { feature.geometry = { type: 'Point', coordinates: [178 + index * 2, 30] }; });
    const infa = parseTrackGeoJson(JSON.stringify(collection)).find((s) => s.name === 'In-fa')!;
    expect(infa.points.map((p) => p.lon).sort((a, b) => a - b)).toEqual([-178, -176, -174, 178, 180]);
  });

  const broken: [string, (c: ReturnType<typeof sampleAsGeoJson>) => unknown, RegExp][] = [
    ['a point without a time zone', (c) => { (c.features[2]!.properties as Record<string, unknown>).time = '2021-07-25 06:00'; return c; }, /feature 2: time "2021-07-25 06:00" is not an ISO-8601 time with a zone/],
    ['a missing pressure', (c) => { delete (c.features[1]!.properties as Record<string, unknown>).pressureHpa; return c; }, /feature 1 has no central pressure \(hPa\)/],
    ['a LineString', (c) => { c.features[0]!.geometry = { type: 'LineString', coordinates: [[120, 30], [121, 31]] }; return c; }, /feature 0 has geometry LineString; track points must be Point/],
    ['a repeated time', (c) => { (c.features[1]!.properties as Record<string, unknown>).time = (c.features[0]!.properties as Record<string, unknown>).time; (c.features[1]!.properties as Record<string, unknown>).storm = (c.features[0]!.properties as Record<string, unknown>).storm; return c; }, /feature 1: storm \S+ already has a point at/],
    ['a control character in a name', (c) => { (c.features[3]!.properties as Record<string, unknown>).name = 'In-fa\u001b[31m'; return c; }, /feature 3: the storm name contains control characters/],
    ['a longitude past 360°', (c) => { c.features[2]!.geometry = { type: 'Point', coordinates: [361, 30] }; return c; }, /feature 2: coordinates \[361,30\] are not a valid/],
    ['a wind of 300 m/s', (c) => { (c.features[4]!.properties as Record<string, unknown>).windMs = 300; return c; }, /feature 4: maximum wind \(m\/s\) 300 is outside 0–120/],
  ];

  it.each(broken)('refuses a file with %s, naming the feature, and stores nothing', async (_what, breakIt, problem) => {
    const store = await openStore();
    const text = JSON.stringify(breakIt(sampleAsGeoJson()));
    let error: unknown;
    try {
      await importGeoJsonTracks(store, 'bad.geojson', text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConsoleError);
    expect((error as ConsoleError).message).toMatch(problem);
    expect((error as ConsoleError).message).toMatch(/nothing was imported\.$/);
    expect(await store.query('hazards.tracks')).toEqual([]);
  });
});
