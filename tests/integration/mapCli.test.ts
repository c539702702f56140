import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCmaBestTrack } from '../../shared/hazard/cmaBestTrack.ts';
import { writeQuadrantMbtiles } from '../support/tileFixtures.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'electron/host/bin.mjs');
const DISTRICTS = path.resolve(root, '../shared/data/region/shanghai-districts.wgs84.geojson');
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-map-cli-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => { for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true }); });

const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 90_000 });
const events = (stdout: string) => stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('resilience-console import boundaries | track --format geojson | basemap', () => {
  it('imports a region pack only with an explicit datum, and a broken one changes nothing', () => {
    const dataDir = tempDir();
    const missing = run('import', 'boundaries', DISTRICTS, '--data', dataDir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('import boundaries needs --crs wgs84 or --crs gcj02');

    const human = run('import', 'boundaries', DISTRICTS, '--data', dataDir, '--crs', 'wgs84');
    expect(human.status).toBe(0);
    expect(human.stdout).toContain('Imported 16 boundary(ies) from shanghai-districts.wgs84.geojson (WGS84): 0 city, 16 district, 0 street.');

    const broken = path.join(tempDir(), 'broken.geojson');
    const collection = JSON.parse(fs.readFileSync(DISTRICTS, 'utf8')) as { features: { geometry: { coordinates: number[][][][] } }[] };
    collection.features[2]!.geometry.coordinates[0]![0]!.pop();
    fs.writeFileSync(broken, JSON.stringify(collection));
    const refused = run('import', 'boundaries', broken, '--data', dataDir, '--crs', 'gcj02', '--json');
    expect(refused.status).toBe(2);
    expect(events(refused.stdout).at(-1)).toMatchObject({ event: 'error', code: 'INVALID_ARGUMENT', message: expect.stringMatching(/feature 2 \(长宁区\), polygon 0 ring 0 is not closed.*nothing was imported/) });
  }, 120_000);

  it('imports GeoJSON tracks and prints each storm like the CMA import', () => {
    const dataDir = tempDir();
    const storms = parseCmaBestTrack(fs.readFileSync(path.join(root, 'tests/fixtures/CH2021BST-sample.txt'), 'utf8'));
    const features = storms.flatMap((storm) => storm.points.map((p) => ({
      type: 'Feature', geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: { storm: storm.chineseId ?? `s${storm.serial}`, name: storm.name, time: p.time, pressureHpa: p.pressureHpa, windMs: p.windMs },
    })));
    const file = path.join(tempDir(), 'tracks.geojson');
    fs.writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features }));
    const human = run('import', 'track', file, '--format', 'geojson', '--data', dataDir);
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/2106\s+In-fa\s+5 points\s+2021-07-23 00:00 → 2021-07-26 00:00 UTC\s+peak 强台风 Severe typhoon, 45 m\/s, 950 hPa/);
    expect(human.stdout).toMatch(/Imported 2 storm\(s\), 7 points from tracks\.geojson in \d+ ms\./);
    // The CMA reader does not take GeoJSON: the format is chosen, not guessed.
    expect(run('import', 'track', file, '--data', dataDir).stderr).toMatch(/not a usable CMA best-track file/);
  }, 120_000);

  it('adds an MBTiles basemap, and refuses a file that is not one', () => {
    const dataDir = tempDir();
    const file = path.join(tempDir(), 'quadrants.mbtiles');
    writeQuadrantMbtiles(file);
    const added = run('import', 'basemap', file, '--data', dataDir, '--json');
    expect(added.status).toBe(0);
    expect(events(added.stdout).at(-1)).toMatchObject({ event: 'imported', kind: 'basemap', id: 'quadrants', type: 'raster', format: 'png' });
    expect(fs.existsSync(path.join(dataDir, 'basemaps', 'quadrants.mbtiles'))).toBe(true);
    const notes = path.join(tempDir(), 'notes.mbtiles');
    fs.writeFileSync(notes, 'not tiles at all '.repeat(200));
    const refused = run('import', 'basemap', notes, '--data', dataDir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/notes\.mbtiles: the file is absent, unreadable or not an MBTiles file; nothing was imported/);
  }, 120_000);
});

describe('resilience-console online-basemap', () => {
  it('sets the administrator\'s online source with its cache cap, refuses a bad address unchanged, and clears it', () => {
    const dataDir = tempDir();
    const set = run('online-basemap', '--data', dataDir, '--url', 'http://tiles.example/{z}/{x}/{y}.png', '--cap-mb', '64', '--json');
    expect(set.status).toBe(0);
    expect(events(set.stdout).at(-1)).toMatchObject({ event: 'online-basemap', urlTemplate: 'http://tiles.example/{z}/{x}/{y}.png', capMb: 64 });
    const bad = run('online-basemap', '--data', dataDir, '--url', 'ftp://tiles.example/x', '--json');
    expect(bad.status).toBe(2);
    expect(events(bad.stdout).at(-1)).toMatchObject({ event: 'error', code: 'INVALID_ARGUMENT', message: expect.stringContaining('must be an http(s) address') });
    const off = run('online-basemap', '--data', dataDir, '--off', '--json');
    expect(events(off.stdout).at(-1)).toMatchObject({ urlTemplate: null });
    expect(run('online-basemap', '--data', dataDir, '--json').status).toBe(2);
  });
});
