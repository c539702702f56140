import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import WebSocket from 'ws';
import { createConsoleCore } from '../../electron/core/consoleCore.ts';
import { startHost } from '../../electron/host/hostServer.ts';
import { connectWsConsole, type SocketFactory } from '../../renderer/api/wsTransport.ts';
import type { WallLayout } from '../../shared/domain/wallLayout.ts';
import { displayLabel } from '../../shared/wall/hall.ts';
import { repoRoot } from '../playwrightShared.ts';
import { percentile, round, type BenchRow } from './stats.ts';

const HALL_ID = 'hall:bench';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A square hall of side×side displays and two presets that differ on every display (one map spans four). */
function benchHall(side: number): WallLayout[] {
  const labels = Array.from({ length: side * side }, (_, i) => displayLabel(i % side, Math.floor(i / side)));
  const base = { mode: 'emergency' as const, screens: [], exercise: false };
  const hall: WallLayout = {
    ...base, id: HALL_ID, name: '基准大厅', kind: 'hall', current: null, rules: [], proposal: null,
    displays: labels.map((label, i) => ({ label, col: i % side, row: Math.floor(i / side), width: 1920, height: 1080 })),
  };
  const panels = ['/incidents', '/sync', '/board/stock', '/tree'];
  const spanning = side >= 2 ? [{ display: 'A1', colSpan: 2, rowSpan: 2, route: '/map?view=121.47,31.23,9' }] : [];
  const covered = new Set(side >= 2 ? ['A1', 'B1', 'A2', 'B2'] : []);
  const first: WallLayout = { ...base, id: 'preset:bench:one', name: '基准一', kind: 'preset', hallId: HALL_ID,
    cells: [...spanning, ...labels.filter((label) => !covered.has(label)).map((label, i) => ({ display: label, colSpan: 1, rowSpan: 1, route: panels[i % panels.length]! }))] };
  const second: WallLayout = { ...base, id: 'preset:bench:two', name: '基准二', kind: 'preset', hallId: HALL_ID,
    cells: labels.map((label, i) => ({ display: label, colSpan: 1, rowSpan: 1, route: i === 0 ? '/map?view=121.47,31.23,10' : panels[(i + 1) % panels.length]! })) };
  return [hall, first, second];
}

/**
 * `--only wall`: 16 wall windows (a 4×4 hall; 4 with --quick) in headless Chromium against a real
 * host; 20 switches between two presets that change every window. Latency is from the switch call
 * to the moment the last window's title shows the new preset; memory is each window's JS heap.
 */
export async function runWallBench(quick: boolean): Promise<BenchRow[]> {
  const side = quick ? 2 : 4;
  const switches = quick ? 6 : 20;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-wall-bench-'));
  const core = await createConsoleCore({ dataDir, nodeId: 'wall-bench' });
  await core.store.write(benchHall(side).map((record) => ({ entity: 'wallLayout' as const, key: record.id, kind: 'upsert' as const, body: record, scope: '*' })));
  const token = 'wall-bench-token';
  const host = await startHost({ core, staticDir: path.join(repoRoot, 'dist', 'renderer'), port: 0, token });
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'renderer', 'index.html'))) throw new Error('build the renderer first: npm run build:renderer');
  const operator = connectWsConsole(`ws://127.0.0.1:${host.port}/api?token=${token}`, { createSocket: ((url) => new WebSocket(url) as unknown as ReturnType<SocketFactory>) as SocketFactory });
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    const context = await browser.newContext({ viewport: { width: 960, height: 540 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const pages: Page[] = [];
    const labels = Array.from({ length: side * side }, (_, i) => displayLabel(i % side, Math.floor(i / side)));
    await operator.api.wall.switch({ hallId: HALL_ID, preset: 'preset:bench:one' });
    for (const label of labels) {
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${host.port}/#/wall?hall=${encodeURIComponent(HALL_ID)}&display=${label}&token=${token}`);
      pages.push(page);
    }
    for (const [i, page] of pages.entries()) await page.waitForFunction((title) => document.title === title, `基准一 · ${labels[i]}`, { timeout: 120_000 });
    await sleep(3000);
    // Each window notes when its title changed, by its own clock (the same machine's as `started`).
    for (const page of pages) {
      await page.evaluate(() => {
        const w = window as unknown as { __titleAt: Record<string, number> };
        w.__titleAt = {};
        new MutationObserver(() => { w.__titleAt[document.title] ??= Date.now(); }).observe(document.head, { childList: true, subtree: true, characterData: true });
      });
    }
    const latencies: number[] = [];
    for (let n = 0; n < switches; n++) {
      const preset = n % 2 === 0 ? '基准二' : '基准一';
      const started = Date.now();
      await operator.api.wall.switch({ hallId: HALL_ID, preset });
      let last = 0;
      for (const [i, page] of pages.entries()) {
        const title = `${preset} · ${labels[i]}`;
        await page.waitForFunction((wanted) => document.title === wanted, title, { timeout: 30_000 });
        const at = await page.evaluate((wanted) => {
          const w = window as unknown as { __titleAt: Record<string, number> };
          const seen = w.__titleAt[wanted]!;
          delete w.__titleAt[wanted];
          return seen;
        }, title);
        last = Math.max(last, at);
      }
      latencies.push(last - started);
      await sleep(300);
    }
    const heaps: number[] = [];
    for (const page of pages) {
      const session = await context.newCDPSession(page);
      await session.send('Performance.enable');
      const { metrics } = await session.send('Performance.getMetrics');
      heaps.push((metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024);
    }
    const bench = `wall (${pages.length} windows, ${switches} switches)`;
    return [
      { bench, metric: 'switch latency to the last window, p50', value: round(percentile(latencies, 50), 0), unit: 'ms', target: '< 1000' },
      { bench, metric: 'switch latency to the last window, p95', value: round(percentile(latencies, 95), 0), unit: 'ms', target: '< 1000' },
      { bench, metric: 'JS heap per window, mean', value: round(heaps.reduce((a, b) => a + b, 0) / heaps.length, 1), unit: 'MB' },
      { bench, metric: 'JS heap per window, largest', value: round(Math.max(...heaps), 1), unit: 'MB' },
    ];
  } finally {
    await browser?.close();
    operator.close();
    await host.close();
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
