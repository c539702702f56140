import fs from 'node:fs';
import { mulberry32 } from '../../electron/core/seed/prng.ts';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'vite';
import WebSocket from 'ws';
import { createConsoleCore } from '../../electron/core/consoleCore.ts';
import { startHost } from '../../electron/host/hostServer.ts';
import { connectWsConsole, type SocketFactory } from '../../renderer/api/wsTransport.ts';
import type { PositionBatch } from '../../shared/domain/position.ts';
import type { BenchResult, Variant } from './mapPage/main.ts';
import { percentile, round, type BenchRow } from './stats.ts';

const PAGE_DIR = fileURLToPath(new URL('./mapPage/', import.meta.url));
const OUT_DIR = fileURLToPath(new URL('../../dist/bench-map/', import.meta.url));
const POINTS = 50_000;
const RATE = 5_000;
const TICK_MS = 50;
const VARIANTS: readonly { variant: Variant; label: string }[] = [
  { variant: 'live-cpu', label: 'console live layer, CPU path' },
  { variant: 'live-webgl', label: 'console live layer, WebGL path' },
  { variant: 'ol-webgl', label: 'stock ol WebGLVectorLayer' },
  { variant: 'ol-canvas', label: 'stock ol canvas VectorLayer' },
];

const wsFactory: SocketFactory = (url) => new WebSocket(url) as unknown as ReturnType<SocketFactory>;

/** Positions over Shanghai's built-up area, 50,000 entities of mixed kinds. */
class Fleet {
  readonly lon = new Float64Array(POINTS);
  readonly lat = new Float64Array(POINTS);
  readonly ids = Array.from({ length: POINTS }, (_, i) => `unit-${i}`);
  readonly kinds = Array.from({ length: POINTS }, (_, i) => i % 5);
  private next = 0;
  private readonly rng = mulberry32(20260701); // the same moves for every variant

  constructor() {
    for (let i = 0; i < POINTS; i += 1) {
      this.lon[i] = 121.15 + this.rng() * 0.65;
      this.lat[i] = 30.95 + this.rng() * 0.45;
    }
  }

  all(at: number): PositionBatch[] {
    const batches: PositionBatch[] = [];
    for (let start = 0; start < POINTS; start += 10_000) batches.push(this.batch(start, 10_000, at, false));
    return batches;
  }

  /** The next `count` entities (round robin) each take a step of up to ~50 m. */
  moves(count: number, at: number): PositionBatch {
    const batch = this.batch(this.next, count, at, true);
    this.next = (this.next + count) % POINTS;
    return batch;
  }

  private batch(start: number, count: number, at: number, move: boolean): PositionBatch {
    const batch: PositionBatch = { ids: [], kinds: [], lon: [], lat: [], at: [] };
    for (let n = 0; n < count; n += 1) {
      const i = (start + n) % POINTS;
      if (move) {
        this.lon[i] = Math.round((this.lon[i]! + (this.rng() - 0.5) * 0.001) * 1e6) / 1e6;
        this.lat[i] = Math.round((this.lat[i]! + (this.rng() - 0.5) * 0.001) * 1e6) / 1e6;
      }
      batch.ids.push(this.ids[i]!);
      batch.kinds.push(this.kinds[i]!);
      batch.lon.push(this.lon[i]!);
      batch.lat.push(this.lat[i]!);
      batch.at.push(at);
    }
    return batch;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * 50,000 live points, 5,000 position updates a second pushed through the real WebSocket host
 * (`positions:report` → hub → `positions:batch` → the console's position store), drawn four
 * ways in one Chromium run: the console's live layer (CPU and WebGL paths) beside stock
 * OpenLayers WebGLVectorLayer and canvas VectorLayer. Prints figures; never fails on time.
 */
export async function runMapBench(quick: boolean): Promise<BenchRow[]> {
  const seconds = quick ? 8 : 30;
  await build({ root: PAGE_DIR, base: './', configFile: false, logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true, chunkSizeWarningLimit: 4000 } });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-map-bench-'));
  const core = await createConsoleCore({ dataDir, seed: false });
  const token = 'map-bench-token';
  const host = await startHost({ core, staticDir: OUT_DIR, port: 0, token });
  const reporter = connectWsConsole(`ws://127.0.0.1:${host.port}/api?token=${token}`, { createSocket: wsFactory });
  const fleet = new Fleet();
  let clock = Date.now();
  for (const batch of fleet.all(clock)) await reporter.api.positions.report(batch);

  const rows: BenchRow[] = [];
  const results = new Map<Variant, { result: BenchResult; sent: number; heapMb: number; mismatched: number }>();
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    // RC_MAP_BENCH_VARIANTS=live-cpu,ol-canvas runs a subset (while working on one path).
    const only = process.env.RC_MAP_BENCH_VARIANTS?.split(',');
    for (const { variant, label } of VARIANTS.filter((v) => !only || only.includes(v.variant))) {
      const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
      await page.goto(`http://127.0.0.1:${host.port}/?variant=${variant}&expect=${POINTS}&token=${token}`);
      await page.waitForFunction(() => window.__bench?.ready || window.__bench?.error, undefined, { timeout: 120_000, polling: 200 });
      const info = await page.evaluate(() => ({ error: window.__bench!.error, renderer: window.__bench!.renderer, path: window.__bench!.path }));
      if (info.error) throw new Error(`${variant}: ${info.error}`);
      if (variant === 'live-cpu') console.log(`  WebGL renderer in this Chromium: ${info.renderer ?? 'none'}`);
      await sleep(1000);
      await page.evaluate(() => window.__bench!.start());

      // 5,000 updates a second in ticks of 50 ms; each tick sends what is due, so a late tick catches up.
      const started = performance.now();
      let sent = 0;
      const inflight: Promise<unknown>[] = [];
      while (performance.now() - started < seconds * 1000) {
        const due = Math.floor(((performance.now() - started) / 1000) * RATE) - sent;
        if (due > 0) {
          clock = Math.max(clock + 1, Date.now());
          inflight.push(reporter.api.positions.report(fleet.moves(due, clock)));
          sent += due;
        }
        await sleep(TICK_MS);
      }
      await Promise.all(inflight);
      await page.evaluate(() => window.__bench!.endFrames());
      // Let what is in flight arrive; stop waiting after 20 s (a page that cannot keep up).
      const drainUntil = performance.now() + 20_000;
      while (performance.now() < drainUntil && (await page.evaluate(() => window.__bench!.received())) < sent) await sleep(200);
      await sleep(300);
      const result = await page.evaluate(() => window.__bench!.result());

      // Every entity's drawn position must equal the hub's latest.
      const drawn = await page.evaluate(() => window.__bench!.positions());
      const latest = await reporter.api.positions.snapshot({});
      const byId = new Map(latest.ids.map((id, i) => [id, i]));
      let mismatched = latest.ids.length - drawn.ids.length;
      drawn.ids.forEach((id, i) => {
        const j = byId.get(id);
        if (j === undefined || latest.lon[j] !== drawn.lon[i] || latest.lat[j] !== drawn.lat[i]) mismatched += 1;
      });

      const cdp = await page.context().newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const heapMb = round(heap.usedSize / 1024 / 1024, 1);
      await page.close();
      results.set(variant, { result, sent, heapMb, mismatched });

      const deltas = result.deltas;
      const bench = `map live ${seconds}s`;
      const name = info.path === variant ? label : `${label} (fell back to ${info.path})`;
      rows.push(
        { bench, metric: `${name}: frames/s`, value: round(result.frames / Math.max(result.seconds, 1e-9), 1), unit: 'fps' },
        { bench, metric: `${name}: frame time p50`, value: round(percentile(deltas, 50), 1), unit: 'ms' },
        { bench, metric: `${name}: frame time p95`, value: round(percentile(deltas, 95), 1), unit: 'ms', target: variant.startsWith('live') ? '≤ 50' : '' },
        ...(result.drawTimes.length > 0 ? [
          { bench, metric: `${name}: draw call p50 (${result.drawTimes.length} draws)`, value: round(percentile(result.drawTimes, 50), 2), unit: 'ms' },
          { bench, metric: `${name}: draw call p95`, value: round(percentile(result.drawTimes, 95), 2), unit: 'ms' },
        ] : []),
        { bench, metric: `${name}: updates sent`, value: sent, unit: 'updates' },
        { bench, metric: `${name}: updates delivered`, value: result.received, unit: 'updates', target: `= sent (${sent})` },
        { bench, metric: `${name}: entities not at their latest position`, value: mismatched, unit: 'entities', target: '0' },
        { bench, metric: `${name}: JS heap after GC`, value: heapMb, unit: 'MB' },
      );
      console.log(`  ${name}: ${round(result.frames / Math.max(result.seconds, 1e-9), 1)} fps, p95 ${round(percentile(deltas, 95), 1)} ms, draw p95 ${round(percentile(result.drawTimes, 95), 1)} ms, delivered ${result.received}/${sent}, heap ${heapMb} MB`);
    }
  } finally {
    await browser?.close();
    reporter.close();
    await host.close();
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  const fps = (v: Variant) => { const r = results.get(v)!.result; return r.frames / Math.max(r.seconds, 1e-9); };
  const p95 = (v: Variant) => percentile(results.get(v)!.result.deltas, 95);
  for (const live of ['live-cpu', 'live-webgl'] as const) {
    for (const stock of ['ol-webgl', 'ol-canvas'] as const) {
      if (!results.has(live) || !results.has(stock)) continue;
      rows.push(
        { bench: `map live ${seconds}s ratio`, metric: `${live} ÷ ${stock} frames/s`, value: round(fps(live) / fps(stock), 1), unit: '×' },
        { bench: `map live ${seconds}s ratio`, metric: `${stock} ÷ ${live} frame p95`, value: round(p95(stock) / p95(live), 1), unit: '×' },
      );
    }
  }
  return rows;
}
