import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importCmaTracks } from '../../electron/core/services/hazardsService.ts';
import { Store } from '../../electron/core/store/storeClient.ts';
import { parseCmaBestTrack, summariseStorm } from '../../shared/hazard/cmaBestTrack.ts';
import { syntheticYear } from './trackYearFile.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'electron/host/bin.mjs');
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-track-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => { for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true }); });

const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
type Event = { event: string; [key: string]: unknown };
const events = (stdout: string): Event[] => stdout.trim().split('\n').map((line) => JSON.parse(line) as Event);

describe('CMA year files from many seeds', () => {
  it('reads every storm, its points and its peak exactly as written, for 25 different synthetic years', () => {
    for (let seed = 1; seed <= 25; seed += 1) {
      const year = syntheticYear(1949 + seed * 3, seed);
      const read = parseCmaBestTrack(year.text).map(summariseStorm);
      expect(read.map(({ number, name, points, peakCategory, peakWindMs, minPressureHpa }) => ({ number, name, points, peakCategory, peakWindMs, minPressureHpa })), `seed ${seed}`)
        .toEqual(year.storms.map(({ number, name, points, peakCategory, peakWindMs, minPressureHpa }) => ({ number, name, points, peakCategory, peakWindMs, minPressureHpa })));
    }
  });

  it('keeps two storms of one file that carry the same number, telling the second apart by its serial', async () => {
    const dataDir = tempDir();
    const store = await Store.open({ dataDir, synchronous: 'NORMAL' });
    try {
      const twice = [
        '66666 2106    1 0009 2106 0 6 In-fa                20220113', '2021072300 5  246 1250  950   45',
        '66666 2106    1 0012 2106 0 6 In-fa                20220113', '2021080100 2  180 1150  990   20',
      ].join('\n');
      await importCmaTracks(store, 'CH2021BST.txt', twice);
      const tracks = await store.query('hazards.tracks');
      expect(tracks.map((t) => [t.id, t.points.length]).sort()).toEqual([['cma-2021-2106', 1], ['cma-2021-2106-s12', 1]]);
    } finally {
      await store.close();
    }
  });
});

describe('resilience-console import track: a whole CMA year', () => {
  it('imports a year of 30 storms and ~1,000 fixes well under a second, with the right storms, points and peaks', async () => {
    const year = syntheticYear(2024, 2024);
    expect(year.storms).toHaveLength(30);
    expect(year.fixes).toBeGreaterThan(850);
    expect(year.storms.filter((s) => s.crossesDateLine).length).toBeGreaterThanOrEqual(3);
    const dataDir = tempDir();
    const file = path.join(tempDir(), 'CH2024BST.txt');
    fs.writeFileSync(file, year.text);

    const started = Date.now();
    const result = run('import', 'track', file, '--data', dataDir, '--json');
    const wallMs = Date.now() - started;
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const printed = events(result.stdout);
    const storms = printed.filter((e) => e.event === 'storm');
    expect(storms.map(({ number, name, points, peakCategory, peakWindMs, minPressureHpa }) => ({ number, name, points, peakCategory, peakWindMs, minPressureHpa })))
      .toEqual(year.storms.map(({ number, name, points, peakCategory, peakWindMs, minPressureHpa }) => ({ number, name, points, peakCategory, peakWindMs, minPressureHpa })));
    const imported = printed.at(-1)!;
    expect(imported).toMatchObject({ event: 'imported', kind: 'track', storms: 30, points: year.fixes, file: 'CH2024BST.txt' });
    expect(imported.ms).toBeLessThan(1000);
    console.info(`CH2024BST (synthetic): ${year.storms.length} storms, ${year.fixes} fixes, ${fs.statSync(file).size} bytes: import ${String(imported.ms)} ms, whole CLI run ${wallMs} ms`);

    const store = await Store.open({ dataDir, synchronous: 'NORMAL' });
    try {
      const tracks = await store.query('hazards.tracks');
      const cma = tracks.filter((t) => t.id.startsWith('cma-2024-'));
      expect(cma).toHaveLength(30);
      // The sub-centre shares its parent's number and is kept beside it, not over it.
      expect(cma.filter((t) => t.id.endsWith('-sub1'))).toHaveLength(1);
      expect(cma.reduce((sum, t) => sum + t.points.length, 0)).toBe(year.fixes);
      for (const track of cma) for (const p of track.points) expect(Math.abs(p.lon)).toBeLessThanOrEqual(180);
      // Storms east of the date line are stored as west longitudes (CMA's 1805 is −179.5).
      const crossing = cma.filter((t) => t.points.some((p) => p.lon < 0));
      expect(crossing.length).toBe(year.storms.filter((s) => s.crossesDateLine).length);
      for (const track of crossing) expect(track.points.some((p) => p.lon > 150)).toBe(true);
    } finally {
      await store.close();
    }

    // Again: the same storms are replaced, not doubled.
    const again = events(run('import', 'track', file, '--data', dataDir, '--json').stdout).at(-1)!;
    expect(again).toMatchObject({ event: 'imported', storms: 30 });
    const reopened = await Store.open({ dataDir, synchronous: 'NORMAL' });
    try {
      expect((await reopened.query('hazards.tracks')).filter((t) => t.id.startsWith('cma-2024-'))).toHaveLength(30);
    } finally {
      await reopened.close();
    }
  }, 180_000);

  it('refuses a year file with one fix before 1949 or a control character in a name, naming the line, and imports nothing', async () => {
    const year = syntheticYear(2023, 7);
    const lines = year.text.split('\r\n');
    const dataDir = tempDir();
    const cases: [string, string[], RegExp][] = [
      ['CH1948BST.txt', lines.map((line, i) => (i === 40 ? line.replace(/^2023/, '1948') : line)), /第 41 行：年份 1948 早于.*line 41: year 1948 is before 1949/],
      ['CH2023BST.txt', lines.map((line, i) => (i === 0 ? line.replace(/\S+(\s+\d{8})$/, 'Ewi\u001b[2Jniar$1') : line)), /line 1: contains the control character U\+001B; a best-track file is plain text\); nothing was imported\./],
    ];
    for (const [name, broken, message] of cases) {
      const file = path.join(tempDir(), name);
      fs.writeFileSync(file, broken.join('\r\n'));
      const result = run('import', 'track', file, '--data', dataDir, '--json');
      expect(result.status).toBe(2);
      const error = events(result.stdout).at(-1)!;
      expect(error).toMatchObject({ event: 'error', code: 'INVALID_ARGUMENT' });
      expect(String(error.message)).toMatch(message);
      expect(String(error.message)).not.toContain('\u001b');
    }
    const store = await Store.open({ dataDir, synchronous: 'NORMAL' });
    try {
      expect(await store.query('hazards.tracks')).toEqual([]);
    } finally {
      await store.close();
    }
  }, 180_000);
});
