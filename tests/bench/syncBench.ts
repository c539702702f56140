import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import { encodeNarrow, toWire } from '../../electron/core/sync/codec.ts';
import { loadOrCreateNodeKeys } from '../../electron/core/sync/nodeKeys.ts';
import type { OpDraft } from '../../shared/sync/op.ts';
import { encodeHlc } from '../../shared/sync/hlc.ts';
import type { Op } from '../../shared/sync/op.ts';
import { enrol, startNode, until, type TestNode } from '../integration/syncNodes.ts';
import { percentile, round, type BenchRow } from './stats.ts';

const CITY = '310000000000';
const HUANGPU = '310101000000';
const STREET_A = '310101002000';
const STREET_B = '310101013000';

function incidentDraft(i: number, scope: string): OpDraft {
  return {
    entity: 'incident', key: `bench-incident-${i}`, kind: 'upsert', scope,
    body: {
      id: `bench-incident-${i}`, title: `外滩积水点 ${i} waterlogging`, type: 'waterlogging', level: 'IV', status: 'reported',
      nodeCode: scope === '*' ? CITY : scope, reportedAt: '2026-07-01T08:00:00.000Z', exercise: true,
    },
  };
}

async function writeMany(node: TestNode, count: number, scope: string, offset = 0): Promise<void> {
  for (let i = 0; i < count; i += 5000) {
    const drafts = Array.from({ length: Math.min(5000, count - i) }, (_, n) => incidentDraft(offset + i + n, scope));
    await node.core.store.write(drafts);
  }
}

const opCount = (node: TestNode) => node.core.store.query('meta.countOps');

async function stopAll(nodes: (TestNode | undefined)[]): Promise<void> {
  for (const node of nodes) {
    if (!node) continue;
    await node.stop().catch(() => undefined);
    fs.rmSync(node.dataDir, { recursive: true, force: true });
  }
}

/**
 * Replication of `records` new records from a hub to a console that joins empty: from the moment the
 * console starts (store open, handshake, stream, apply on disk) until it holds them all.
 */
async function replicate(records: number): Promise<{ seconds: number; rate: number }> {
  const child = enrol('bench-console', 'street', STREET_A);
  const hub = await startNode({ id: 'bench-hub', role: 'district', code: HUANGPU, children: [child.entry] });
  let console_: TestNode | undefined;
  try {
    await writeMany(hub, records, '*');
    const expected = await opCount(hub);
    const started = performance.now();
    console_ = await startNode({ id: 'bench-console', role: 'street', code: STREET_A, parent: hub, dataDir: child.dataDir });
    await until('replicated', () => opCount(console_!), (n) => n >= expected, 600_000);
    const seconds = (performance.now() - started) / 1000;
    return { seconds, rate: records / seconds };
  } finally {
    await stopAll([console_, hub]);
  }
}

/** A console cut off while `ops` accumulate at its hub, then reconnected: time to hold them all. */
async function catchUp(ops: number): Promise<number> {
  const child = enrol('bench-cut', 'street', STREET_A);
  const hub = await startNode({ id: 'bench-hub2', role: 'district', code: HUANGPU, children: [child.entry] });
  let node: TestNode | undefined = await startNode({ id: 'bench-cut', role: 'street', code: STREET_A, parent: hub, dataDir: child.dataDir });
  try {
    await writeMany(hub, 100, '*');
    await until('linked', () => opCount(node!), (n) => n >= 100, 30_000);
    await node.stop();
    node = undefined;
    await writeMany(hub, ops, '*', 100);
    const expected = await opCount(hub);
    const started = performance.now();
    node = await startNode({ id: 'bench-cut', role: 'street', code: STREET_A, parent: hub, dataDir: child.dataDir });
    await until('caught up', () => opCount(node!), (n) => n >= expected, 600_000);
    return (performance.now() - started) / 1000;
  } finally {
    await stopAll([node, hub]);
  }
}

/** Console A writes; how long until console B, through their district hub, has it. */
async function latency(samples: number): Promise<number[]> {
  const a = enrol('lat-a', 'street', STREET_A);
  const b = enrol('lat-b', 'street', STREET_B);
  const hub = await startNode({ id: 'lat-hub', role: 'district', code: HUANGPU, children: [a.entry, b.entry] });
  const nodeA = await startNode({ id: 'lat-a', role: 'street', code: STREET_A, parent: hub, dataDir: a.dataDir });
  const nodeB = await startNode({ id: 'lat-b', role: 'street', code: STREET_B, parent: hub, dataDir: b.dataDir });
  try {
    await until('linked', () => Promise.all([nodeA, nodeB].map((n) => n.core.handlers['sync:status']({}))), (all) => all.every((s) => s.state === 'online'));
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const key = `bench-incident-${i}`;
      const arrived = new Promise<void>((resolve) => {
        const stop = nodeB.core.store.onChange((changes) => {
          if (changes.some((c) => c.keys.includes(key))) { stop(); resolve(); }
        });
      });
      const started = performance.now();
      await nodeA.core.store.write([incidentDraft(i, HUANGPU)]);
      await arrived;
      times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return times;
  } finally {
    await stopAll([nodeB, nodeA, hub]);
  }
}

/** Representative ops of each priority, and their size as sent: JSON, deflated in a batch of 1,000, and alone on a narrow channel. */
function bytesPerOp(): BenchRow[] {
  const keys = loadOrCreateNodeKeys(fs.mkdtempSync(path.join(os.tmpdir(), 'rc-bench-keys-')));
  const now = Date.now();
  const op = (i: number, priority: 0 | 1 | 2 | 3 | 4, entity: Op['entity'], body: Record<string, unknown>): Op => ({
    id: `city-command-centre:${i}`, origin: 'city-command-centre', seq: i, hlc: encodeHlc({ wallMs: now + i, counter: 0 }), schema: 1,
    entity, key: String(body.id ?? body.code), kind: 'upsert', body, priority, scope: '310101000000',
  });
  const makers: Record<number, { what: string; make: (i: number) => Op }> = {
    0: { what: 'alert', make: (i) => op(i, 0, 'alert', { id: `alert-${i}`, sender: 'shanghai-emergency', sent: new Date(now).toISOString(), status: 'Actual', msgType: 'Alert', scope: 'Public', event: '暴雨 rainstorm', severity: 'Severe', urgency: 'Immediate', certainty: 'Likely', languages: ['zh-CN', 'en'], groups: ['public'], areas: [{ description: '黄浦区', codes: ['310101000000'] }], texts: [{ language: 'zh-CN', headline: `暴雨橙色预警 ${i}`, description: '预计未来3小时内黄浦区将出现50毫米以上降水，请注意防范。' }], exercise: false }) },
    1: { what: 'incident', make: (i) => op(i, 1, 'incident', incidentDraft(i, '310101000000').body!) },
    2: { what: 'stock movement', make: (i) => op(i, 2, 'stockMovement', { id: `mv-${i}`, depotId: 'demo-depot-310101-1', itemId: 'demo-item-water', delta: -(i % 50) - 1, reason: 'allocation', at: new Date(now + i).toISOString(), exercise: false }) },
    3: { what: 'team (position update)', make: (i) => op(i, 3, 'team', { id: `team-${i % 100}`, position: { lon: 121.47 + (i % 97) / 1000, lat: 31.23 + (i % 89) / 1000 }, at: new Date(now + i).toISOString() }) },
    4: { what: 'boundary', make: (i) => op(i, 4, 'boundary', { code: `3101010${String(i).padStart(5, '0')}`, name: `街道 ${i}`, level: 'street', geometry: { type: 'Polygon', coordinates: [Array.from({ length: 40 }, (_, k) => [121.4 + Math.cos(k) / 50, 31.2 + Math.sin(k) / 50])] }, source: 'bench' }) },
  };
  const rows: BenchRow[] = [];
  for (const [priority, { what, make }] of Object.entries(makers)) {
    const ops = Array.from({ length: 1000 }, (_, i) => make(i + 1));
    const json = Buffer.from(JSON.stringify(ops.map(toWire)));
    const deflated = zlib.deflateRawSync(json, { level: 1 });
    rows.push({ bench: 'sync bytes/op', metric: `P${priority} ${what}: JSON`, value: round(json.length / 1000, 0), unit: 'B/op' });
    rows.push({ bench: 'sync bytes/op', metric: `P${priority} ${what}: batch of 1,000 deflated`, value: round(deflated.length / 1000, 0), unit: 'B/op' });
    if (priority === '0') {
      rows.push({ bench: 'sync bytes/op', metric: 'P0 alert alone, narrow channel (signed)', value: encodeNarrow(ops[0]!, 1, keys.privateKey).length, unit: 'B', target: '≤ 1,750' });
    }
  }
  return rows;
}

export async function runSyncBench(quick: boolean, pouchDocsPerSecond: number | null): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const records = quick ? 10_000 : 100_000;
  const replicated = await replicate(records);
  rows.push({ bench: 'sync replication', metric: `${records.toLocaleString('en-US')} records, hub → new console, loopback`, value: round(replicated.rate, 0), unit: 'records/s' });
  if (pouchDocsPerSecond !== null) {
    rows.push({ bench: 'sync replication', metric: 'ours ÷ PouchDB (same run)', value: round(replicated.rate / pouchDocsPerSecond, 1), unit: '×', target: '≥ 10×' });
  }
  const cut = quick ? 10_000 : 100_000;
  rows.push({ bench: 'sync catch-up', metric: `${cut.toLocaleString('en-US')} ops waiting after a cut`, value: round(await catchUp(cut), 2), unit: 's', target: '≤ 5 s' });
  const boot = quick ? 20_000 : 500_000;
  const bootstrap = await replicate(boot);
  rows.push({ bench: 'sync bootstrap', metric: `new console, ${boot.toLocaleString('en-US')} rows`, value: round(bootstrap.seconds, 2), unit: 's', target: '≤ 15 s' });
  const times = await latency(quick ? 50 : 300);
  rows.push({ bench: 'sync latency', metric: 'console → district hub → console, p50', value: round(percentile(times, 50)), unit: 'ms' });
  rows.push({ bench: 'sync latency', metric: 'console → district hub → console, p99', value: round(percentile(times, 99)), unit: 'ms', target: '≤ 50 ms' });
  rows.push(...bytesPerOp());
  return rows;
}
