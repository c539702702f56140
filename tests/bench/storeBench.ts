import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { OpApplier } from '../../electron/core/store/applyOps.ts';
import { openDatabase } from '../../electron/core/store/openDatabase.ts';
import { Store } from '../../electron/core/store/storeClient.ts';
import { encodeHlc } from '../../shared/sync/hlc.ts';
import type { Op, OpDraft } from '../../shared/sync/op.ts';
import { percentile, round, type BenchRow } from './stats.ts';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'rc-bench-'));

function taskBody(i: number, revision: number) {
  return {
    id: `task-${i}`, title: `排查积水点 ${i} (rev ${revision})`, assigneeUnit: '黄浦区防汛办',
    nodeCode: '310101013000', status: 'open', createdAt: '2026-07-01T08:00:00.000Z', exercise: true,
  };
}

function makeOps(origin: string, count: number, keys: number, firstSeq = 1): Op[] {
  return Array.from({ length: count }, (_, n) => {
    const seq = firstSeq + n;
    return {
      id: `${origin}:${seq}`, origin, seq, hlc: encodeHlc({ wallMs: 1_780_000_000_000 + seq, counter: 0 }), schema: 1,
      entity: 'task', key: `task-${seq % keys}`, kind: 'upsert', body: taskBody(seq % keys, seq), priority: 0, scope: '310101013000',
    };
  });
}

/** Ops per second through OpApplier on this thread, batches of `batch`, synchronous=FULL. */
function applyRate(label: string, total: number, batch: number, keys: number, synchronous: 'FULL' | 'NORMAL'): BenchRow {
  const dir = tempDir();
  const db = openDatabase(path.join(dir, 'bench.db'), { synchronous });
  const applier = new OpApplier(db);
  const ops = makeOps('bench-origin', total, keys);
  const started = performance.now();
  for (let i = 0; i < ops.length; i += batch) applier.applyBatch(ops.slice(i, i + batch));
  const seconds = (performance.now() - started) / 1000;
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { bench: 'store apply', metric: `${label}, batch ${batch}, ${synchronous}`, value: Math.round(total / seconds), unit: 'ops/s', target: synchronous === 'FULL' ? '≥ 50,000' : '' };
}

/** Commit latency of single writes through the worker, as a service sees it. */
async function commitLatency(synchronous: 'FULL' | 'NORMAL', writes: number): Promise<BenchRow[]> {
  const dir = tempDir();
  const store = await Store.open({ dataDir: dir, synchronous, nodeId: 'bench-node' });
  const samples: number[] = [];
  for (let i = 0; i < writes; i += 1) {
    const draft: OpDraft = { entity: 'task', key: `task-${i % 500}`, kind: 'upsert', body: taskBody(i % 500, i), scope: '310101013000' };
    const started = performance.now();
    await store.write([draft]);
    samples.push(performance.now() - started);
  }
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return [50, 99].map((p) => ({ bench: 'store commit', metric: `single write p${p}, ${synchronous}`, value: round(percentile(samples, p), 3), unit: 'ms' }));
}

/** Batched writes through the worker (drafts in, ops out), as a sync apply or bulk import sees it. */
async function workerRate(total: number, batch: number): Promise<BenchRow> {
  const dir = tempDir();
  const store = await Store.open({ dataDir: dir, nodeId: 'bench-node' });
  const drafts: OpDraft[] = Array.from({ length: total }, (_, i) => ({ entity: 'task', key: `task-${i}`, kind: 'upsert', body: taskBody(i, 0), scope: '310101013000' }));
  const started = performance.now();
  for (let i = 0; i < drafts.length; i += batch) await store.write(drafts.slice(i, i + batch));
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { bench: 'store write', metric: `through worker, new records, batch ${batch}, FULL`, value: Math.round(total / seconds), unit: 'ops/s' };
}

export async function runStoreBench(quick: boolean): Promise<BenchRow[]> {
  const total = quick ? 20_000 : 200_000;
  return [
    applyRate('new records', total, 1000, total, 'FULL'),
    applyRate('new records', total, 10_000, total, 'FULL'),
    applyRate('updates of 1,000 records', total, 1000, 1000, 'FULL'),
    applyRate('new records', total, 1000, total, 'NORMAL'),
    await workerRate(quick ? 20_000 : 100_000, 1000),
    ...(await commitLatency('FULL', quick ? 300 : 2000)),
    ...(await commitLatency('NORMAL', quick ? 300 : 2000)),
  ];
}
