import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { printTable, type BenchRow } from './stats.ts';

/**
 * `npm run bench`: prints a table and writes tests/bench/results/bench.json.
 * `--quick` runs smaller sizes (a smoke run); `--only store,sync,board,map` runs some of them;
 * `--only track`, `--only network` and `--only wall` (not in the default set) time the best-track import,
 * 250 nodes reporting into a city console, and switching a 16-window wall.
 * Figures are never compared with a limit here: benchmarks report, tests check behaviour.
 */
const quick = process.argv.includes('--quick');
const onlyArg = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length)
  ?? (process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined);
const ALL = 'store,sync,board,map,wall';
const only = new Set((onlyArg ?? ALL).split(','));
const rows: BenchRow[] = [];
console.log(`Resilience Console benchmarks (${quick ? 'quick' : 'full'}) on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`);
const section = async (name: string, run: () => Promise<BenchRow[]>) => {
  if (!only.has(name)) return;
  console.log(`… ${name}`);
  const started = Date.now();
  rows.push(...(await run()));
  console.log(`  ${name} done in ${Math.round((Date.now() - started) / 1000)} s`);
};
await section('store', async () => (await import('./storeBench.ts')).runStoreBench(quick));
await section('sync', async () => {
  // PouchDB replicates the same number of records in the same run, for the ratio.
  const records = quick ? 10_000 : 100_000;
  const pouch = await (await import('./pouchBench.ts')).runPouchBench(quick, records);
  return [
    { bench: 'sync replication', metric: `PouchDB (memory adapter), ${records.toLocaleString('en-US')} docs`, value: Math.round(pouch.docsPerSecond), unit: 'docs/s' },
    ...(await (await import('./syncBench.ts')).runSyncBench(quick, pouch.docsPerSecond)),
  ];
});
await section('board', async () => (await import('./boardBench.ts')).runBoardBench(quick));
await section('map', async () => (await import('./mapBench.ts')).runMapBench(quick));
await section('track', async () => (await import('./trackBench.ts')).runTrackBench(quick));
await section('network', async () => (await import('./networkBench.ts')).runNetworkBench(quick));
await section('wall', async () => (await import('./wallBench.ts')).runWallBench(quick));
printTable(rows);
const outDir = path.join(path.dirname(new URL(import.meta.url).pathname), 'results');
fs.mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, only.size === ALL.split(',').length ? 'bench.json' : `bench-${[...only].join('-')}.json`);
fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, quick, rows }, null, 2));
console.log(`\nWritten to ${path.relative(process.cwd(), file)}`);
