import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../store/storeClient.ts';
import { seedDrafts } from './demoData.ts';
import { loadRegionPack } from './regionPack.ts';
import { seedBatches, seedDemoIfEmpty } from './seedDemo.ts';

const dirs: string[] = [];
const stores: Store[] = [];
async function openStore(): Promise<Store> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-seed-'));
  dirs.push(dir);
  const store = await Store.open({ dataDir: dir, nodeId: 'node-seed-test', synchronous: 'NORMAL' });
  stores.push(store);
  return store;
}
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const levels = (nodes: { level: string }[]) => nodes.reduce<Record<string, number>>((n, node) => ({ ...n, [node.level]: (n[node.level] ?? 0) + 1 }), {});

describe('seedDemoIfEmpty', () => {
  it('seeds an empty data directory with the demo region, once', async () => {
    const store = await openStore();
    expect(await store.query('meta.exercise')).toBe(false);
    const progress: [number, number][] = [];
    const result = await seedDemoIfEmpty(store, (done, total) => progress.push([done, total]));
    const total = seedDrafts(loadRegionPack()).length;
    expect(result).toEqual({ seeded: true, records: total });
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b));

    const nodes = await store.query('nodes.list');
    expect(nodes).toHaveLength(1 + 16 + 215);
    expect(levels(nodes)).toEqual({ city: 1, district: 16, street: 215 });
    expect(nodes[0]).toEqual({ code: '310000000000', level: 'city', name: '上海市', nameEn: 'Shanghai', parentCode: null, exercise: false });
    expect((await store.query('nodes.search', { query: '南京东路', limit: 5 })).map((n) => n.code)).toEqual(['310101002000']);
    for (const query of ['Nanjing East Road', 'nanjing dong lu', 'njdl']) {
      expect((await store.query('nodes.search', { query, limit: 5 })).map((n) => [n.code, n.nameEn]), query).toContainEqual(['310101002000', 'Nanjing East Road Subdistrict']);
    }
    expect((await store.query('nodes.search', { query: 'Huangpu', limit: 5 })).map((n) => n.nameEn)).toContain('Huangpu District');
    expect(await store.query('entity.rows', { entity: 'boundary' })).toHaveLength(16);
    expect(await store.query('entity.rows', { entity: 'depot' })).toHaveLength(32);
    expect(await store.query('meta.exercise')).toBe(true);

    const ops = await store.query('meta.countOps');
    expect(await seedDemoIfEmpty(store)).toEqual({ seeded: false, records: 0 });
    expect(await store.query('meta.countOps')).toBe(ops);
  });

  it('leaves a store that already has command nodes alone', async () => {
    const store = await openStore();
    await store.write([{
      entity: 'commandNode', key: '310115000000', kind: 'upsert', scope: '310115000000',
      body: { code: '310115000000', level: 'district', name: '浦东新区', parentCode: '310000000000', exercise: false },
    }]);
    expect(await seedDemoIfEmpty(store)).toEqual({ seeded: false, records: 0 });
    expect(await store.query('meta.exercise')).toBe(false);
  });

  it('finishes a seed that was cut short, without duplicating stock movements', async () => {
    const store = await openStore();
    const batches = seedBatches(seedDrafts(loadRegionPack()));
    expect(batches.at(-1)!.every((draft) => draft.entity === 'commandNode')).toBe(true);
    await store.write(batches[0]!); // then the power went out
    expect(await store.query('nodes.list')).toEqual([]);
    expect((await seedDemoIfEmpty(store)).seeded).toBe(true);
    expect(await store.query('nodes.list')).toHaveLength(232);
    expect(await store.query('entity.rows', { entity: 'stockMovement' })).toHaveLength(384);
  });
});
