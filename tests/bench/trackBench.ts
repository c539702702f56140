import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { importCmaTracks } from '../../electron/core/services/hazardsService.ts';
import { Store } from '../../electron/core/store/storeClient.ts';
import { parseCmaBestTrack } from '../../shared/hazard/cmaBestTrack.ts';
import { syntheticYear } from '../integration/trackYearFile.ts';
import { percentile, round, type BenchRow } from './stats.ts';

/**
 * CMA best-track import: a synthetic year (30 storms, ~1,000 fixes; see
 * tests/integration/trackYearFile.ts) parsed, and imported whole into a real SQLite store
 * (parse, check, one transaction with synchronous=FULL), in ms per file.
 */
export async function runTrackBench(quick: boolean): Promise<BenchRow[]> {
  const runs = quick ? 5 : 20;
  const years = Array.from({ length: runs }, (_, i) => syntheticYear(2000 + i, 1000 + i));
  const parse = years.map((year) => {
    const started = performance.now();
    parseCmaBestTrack(year.text);
    return performance.now() - started;
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-bench-track-'));
  const store = await Store.open({ dataDir: dir });
  const imports: number[] = [];
  try {
    for (const year of years) {
      const started = performance.now();
      await importCmaTracks(store, `CH${year.storms[0]!.number}.txt`, year.text);
      imports.push(performance.now() - started);
    }
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const fixes = Math.round(years.reduce((sum, year) => sum + year.fixes, 0) / runs);
  const label = `year file, 30 storms, ~${fixes} fixes`;
  return [
    { bench: 'track import', metric: `parse a ${label} (median of ${runs})`, value: round(percentile(parse, 50)), unit: 'ms/file' },
    { bench: 'track import', metric: `import a ${label} into SQLite (median of ${runs})`, value: round(percentile(imports, 50)), unit: 'ms/file', target: '< 1000' },
    { bench: 'track import', metric: `import a ${label} into SQLite (p95)`, value: round(percentile(imports, 95)), unit: 'ms/file' },
  ];
}
