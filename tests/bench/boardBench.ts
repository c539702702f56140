import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import type { BenchMode, BoardBenchResult } from './boardPage/boardPage.ts';
import { round, type BenchRow } from './stats.ts';

const PAGE_DIR = fileURLToPath(new URL('./boardPage/', import.meta.url));
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Builds the bench page (the console's liveRows.ts and grid theme, bundled as the console bundles them). */
async function buildPage(): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-board-bench-'));
  await build({ root: PAGE_DIR, base: './', logLevel: 'warn', configFile: false, build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000 } });
  return outDir;
}

function serve(dir: string): Promise<{ url: string; close(): void }> {
  const server = http.createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://x').pathname;
    const file = path.join(dir, name === '/' ? 'index.html' : path.normalize(name));
    if (!file.startsWith(dir) || !fs.existsSync(file)) { response.writeHead(404).end(); return; }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    resolve({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
  }));
}

/**
 * A board of 100,000 rows receiving 1,000 row updates a second in Chromium, for 60 s (quick: 10 s):
 * the console's live path against a plain applyTransactionAsync board and wholesale row replacement.
 */
export async function runBoardBench(quick: boolean): Promise<BenchRow[]> {
  const seconds = quick ? 10 : 60;
  const rows = 100_000;
  const rate = 1000;
  const dir = await buildPage();
  const server = await serve(dir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const results = new Map<BenchMode, BoardBenchResult>();
  try {
    for (const mode of ['live', 'transaction', 'wholesale'] as const) {
      const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
      const cdp = await page.context().newCDPSession(page);
      await page.goto(`${server.url}?mode=${mode}&rows=${rows}&seconds=${seconds}&rate=${rate}`);
      await page.waitForFunction(() => window.__boardBench?.result !== undefined || window.__boardBench?.error !== undefined, undefined, { timeout: (seconds + 120) * 1000, polling: 500 });
      const outcome = await page.evaluate(() => window.__boardBench!);
      if (outcome.error || !outcome.result) throw new Error(`board bench (${mode}) failed in the page: ${outcome.error}`);
      const heap = await cdp.send('Runtime.getHeapUsage') as { usedSize: number };
      results.set(mode, { ...outcome.result, heapMB: heap.usedSize / 2 ** 20 });
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const out: BenchRow[] = [];
  const name = (mode: BenchMode) => `board 100k × 1k/s ${seconds}s: ${mode === 'live' ? 'console live path' : mode === 'transaction' ? 'applyTransactionAsync' : 'wholesale rowData'}`;
  for (const [mode, r] of results) {
    const bench = name(mode);
    const live = mode === 'live';
    out.push(
      { bench, metric: 'fps', value: round(r.fps, 1), unit: 'frames/s' },
      { bench, metric: 'frame time p50', value: round(r.frameP50, 1), unit: 'ms' },
      { bench, metric: 'frame time p95', value: round(r.frameP95, 1), unit: 'ms', ...(live ? { target: '≤ 33' } : {}) },
      { bench, metric: 'frame time max', value: round(r.frameMax, 1), unit: 'ms' },
      { bench, metric: 'updates sent', value: r.sent, unit: 'updates' },
      { bench, metric: 'values applied (after coalescing)', value: r.applied, unit: 'rows' },
      { bench, metric: 'rows showing newest value', value: round((100 * r.rowsNewest) / Math.max(1, r.rowsTouched), 2), unit: `% of ${r.rowsTouched}`, ...(live ? { target: '100' } : {}) },
      { bench, metric: 'newest-value latency p50', value: round(r.latencyP50, 1), unit: 'ms' },
      { bench, metric: 'newest-value latency p95', value: round(r.latencyP95, 1), unit: 'ms', ...(live ? { target: '≤ 1000' } : {}) },
      { bench, metric: 'newest values on screen within 1 s', value: round(100 * r.withinOneSecond, 2), unit: `% of ${r.latencySamples}` },
      { bench, metric: 'long tasks', value: r.longTasks, unit: `tasks (${Math.round(r.longTaskMs)} ms)` },
      { bench, metric: 'heap used', value: round(r.heapMB ?? Number.NaN, 1), unit: 'MB' },
    );
  }
  const live = results.get('live')!;
  for (const other of ['transaction', 'wholesale'] as const) {
    const r = results.get(other)!;
    out.push(
      { bench: `board ratio: ${other} / live`, metric: 'frame time p95', value: round(r.frameP95 / live.frameP95, 2), unit: '×' },
      { bench: `board ratio: ${other} / live`, metric: 'newest-value latency p95', value: round(r.latencyP95 / live.latencyP95, 2), unit: '×' },
    );
  }
  return out;
}
