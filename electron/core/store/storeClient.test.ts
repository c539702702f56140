import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from './storeClient.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-store-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => { for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true }); });

describe('Store', () => {
  it('writes ops, materialises records, and tells subscribers', async () => {
    const store = await Store.open({ dataDir: tempDir(), nodeId: 'node-test' });
    const events: string[] = [];
    store.onChange((changes) => events.push(...changes.map((c) => `${c.entity}:${c.keys.join(',')}`)));
    const ops = await store.write([{
      entity: 'commandNode', key: '310000000000', kind: 'upsert', scope: '*',
      body: { code: '310000000000', level: 'city', name: '上海市', parentCode: null, exercise: false },
    }]);
    expect(ops[0]).toMatchObject({ id: 'node-test:1', origin: 'node-test', seq: 1, priority: 1 });
    expect(await store.query('nodes.list')).toEqual([{ code: '310000000000', level: 'city', name: '上海市', parentCode: null, exercise: false }]);
    expect(await store.query('meta.vector')).toEqual({ 'node-test': 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(['commandNode:310000000000']);
    await store.close();
  });
});
