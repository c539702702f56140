import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { printTable, type BenchRow } from './stats.ts';
import { runStoreBench } from './storeBench.ts';

/**
 * `npm run bench`: prints a table and writes tests/bench/results/bench.json.
 * `--quick` runs smaller sizes (a smoke run); figures are never compared with a limit here.
 */
const quick = process.argv.includes('--quick');
const rows: BenchRow[] = [];
console.log(`Resilience Console benchmarks (${quick ? 'quick' : 'full'}) on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`);
rows.push(...(await runStoreBench(quick)));
printTable(rows);
const outDir = path.join(path.dirname(new URL(import.meta.url).pathname), 'results');
fs.mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, 'bench.json');
fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, quick, rows }, null, 2));
console.log(`\nWritten to ${path.relative(process.cwd(), file)}`);
