import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import { createConsoleCore } from '../../electron/core/consoleCore.ts';
import { startHost } from '../../electron/host/hostServer.ts';
import { DEFAULT_STATIC, REPO_ROOT } from '../../electron/host/commands/command.ts';
import type { NetworkLink } from '../../shared/domain/network.ts';
import { HybridClock } from '../../shared/sync/hlc.ts';
import { OP_SCHEMA_VERSION, type Op } from '../../shared/sync/op.ts';
import { scopeOfNode } from '../../shared/network/topology.ts';
import { percentile, round, type BenchRow } from './stats.ts';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const NODES = 250;
const ORIGIN = 'bench-reporters';

/**
 * Frame-to-frame times in the page for `ms`, from requestAnimationFrame. Sent as source text:
 * tsx names the functions it compiles with a helper the page does not have.
 */
function frameTimes(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(`new Promise((resolve) => {
    const deltas = [];
    let last = performance.now();
    const end = last + ${Number(ms)};
    requestAnimationFrame(function frame(now) {
      deltas.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(frame);
      else resolve(deltas);
    });
  })`);
}

/**
 * 250 nodes of the command network (the demo region's 230 below the city, and 20 field posts)
 * report once a second into a city console: each report a state-bearing networkLink op applied
 * through the store as sync applies a received batch, one transaction a second. Chromium shows
 * the network table, then the situation map; we print their frame times and the share of one
 * core the city's process (core, store thread, host) used meanwhile.
 */
export async function runNetworkBench(quick: boolean): Promise<BenchRow[]> {
  const seconds = quick ? 8 : 30;
  if (!fs.existsSync(path.join(DEFAULT_STATIC, 'index.html'))) {
    await build({ configFile: path.join(REPO_ROOT, 'renderer/vite.config.ts'), logLevel: 'warn' });
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-network-bench-'));
  const core = await createConsoleCore({ dataDir, seed: true });
  const host = await startHost({ core, port: 0, staticDir: DEFAULT_STATIC, token: 'bench' });
  // Twenty field posts, spread over the districts of the demo region.
  const districts = (await core.handlers['nodes:list']({})).filter((node) => node.level === 'district').map((node) => node.code);
  const posts = Array.from({ length: 20 }, (_, i) => ({ code: `site-post-${i + 1}`, parentCode: districts[i % districts.length]!, name: `前沿指挥所 ${i + 1}`, kind: 'fieldPost' }));
  await core.handlers['network:importTopology']({ fileName: 'bench-posts.json', format: 'json', text: JSON.stringify(posts) });
  const rows = (await core.handlers['network:view']({})).rows.filter((row) => row.code !== core.store.identity.nodeCode);
  const targets = rows.slice(0, NODES).map((row) => ({ code: row.code, parent: row.parentCode }));

  const clock = new HybridClock();
  let seq = 0;
  let reports = 0;
  let applyMs = 0;
  const report = async () => {
    reports += 1;
    const at = new Date().toISOString();
    const ops: Op[] = targets.map(({ code, parent }, index) => {
      seq += 1;
      // Mostly up; a few degraded or down, moving around the network from one second to the next.
      const roll = (index * 7919 + reports * 104729) % 100;
      const body: Partial<NetworkLink> = {
        id: code, toCode: code, state: roll < 2 ? 'down' : roll < 7 ? 'degraded' : 'up', stateAt: at, observedBy: 'bench',
        rttMs: 2 + (roll % 40), lastContactAt: at, opsBehind: roll % 5,
      };
      return {
        id: `${ORIGIN}:${seq}`, origin: ORIGIN, seq, hlc: clock.now(), schema: OP_SCHEMA_VERSION, entity: 'networkLink', key: code, kind: 'patch',
        body: body as Record<string, unknown>, priority: 0, scope: scopeOfNode(code, parent),
      };
    });
    const started = performance.now();
    await core.store.apply(ops);
    applyMs += performance.now() - started;
  };

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const results: BenchRow[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    await page.goto(`http://127.0.0.1:${host.port}/?e2e#token=bench`);
    await page.getByTestId('nav-network').click();
    await page.getByTestId('network-table').locator('.ag-row').first().waitFor();
    const timer = setInterval(() => { void report(); }, 1000);
    await report();
    try {
      for (const panel of ['network', 'map'] as const) {
        if (panel === 'map') {
          await page.getByTestId('nav-map').click();
          await page.waitForFunction(() => window.__consoleMap?.fitted() === true, undefined, { timeout: 60_000 });
        }
        await page.waitForTimeout(2000);
        const cpuBefore = process.cpuUsage();
        const wallBefore = performance.now();
        const roundsBefore = reports;
        const applyBefore = applyMs;
        const deltas = await frameTimes(page, seconds * 1000);
        const wall = performance.now() - wallBefore;
        const cpu = process.cpuUsage(cpuBefore);
        const label = panel === 'network' ? 'network table (AG Grid, tree, alarms)' : 'situation map (links layer)';
        results.push(
          { bench: 'network', metric: `${label}: frame time p50, ${NODES} nodes reporting 1/s`, value: round(percentile(deltas, 50), 1), unit: 'ms' },
          { bench: 'network', metric: `${label}: frame time p95`, value: round(percentile(deltas, 95), 1), unit: 'ms', target: '≤ 50 (smooth)' },
          { bench: 'network', metric: `${label}: frames over 50 ms`, value: deltas.filter((d) => d > 50).length, unit: `of ${deltas.length}` },
          { bench: 'network', metric: `city process CPU while the ${panel} panel is open (core, store thread, host)`, value: round(((cpu.user + cpu.system) / 1000 / wall) * 100, 1), unit: '% of one core' },
          { bench: 'network', metric: `reports applied while the ${panel} panel is open: mean apply per second of reports`, value: round((applyMs - applyBefore) / Math.max(1, reports - roundsBefore), 2), unit: 'ms' },
        );
      }
    } finally {
      clearInterval(timer);
    }
  } finally {
    await browser.close();
    await host.close();
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}
