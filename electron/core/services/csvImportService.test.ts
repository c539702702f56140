import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/ipc/dispatch.ts';
import { createConsoleCore, type ConsoleCore } from '../consoleCore.ts';

const fixtures = path.resolve(import.meta.dirname, '../../../tests/fixtures');
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');
let core: ConsoleCore;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-csv-'));
  core = await createConsoleCore({ dataDir, nodeId: 'node-city' });
});
afterAll(async () => {
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const importCsv = (kind: 'depots' | 'stock' | 'teams', fileName: string, text: string) =>
  dispatch(core.handlers, 'resources:importCsv', { kind, fileName, text });

describe('CSV import of depots, stock and teams', () => {
  it('imports depots, then their stock, then teams', async () => {
    expect(await importCsv('depots', 'depots.csv', read('depots.csv'))).toEqual({ ok: true, result: { kind: 'depots', imported: 2 } });
    const depot = (await core.store.query('resources.depots')).find((d) => d.id === 'pd-depot-9');
    expect(depot).toMatchObject({ name: '浦东新区防汛物资仓库, 川沙', reserveType: 'government', location: { lon: 121.7031, lat: 31.1906 }, exercise: false });
    expect(await importCsv('stock', 'stock.csv', read('stock.csv'))).toEqual({ ok: true, result: { kind: 'stock', imported: 3 } });
    const balances = await core.store.query('resources.balances');
    expect(balances.find((b) => b.depotId === 'xh-depot-1' && b.itemId === 'demo-item-water')?.balance).toBe(800);
    expect(await importCsv('teams', 'teams.csv', read('teams.csv'))).toMatchObject({ ok: true, result: { imported: 1 } });
    expect((await core.store.query('resources.teams')).find((t) => t.id === 'xh-team-1')?.capabilities).toEqual(['水域救援', '破拆', '高空救援']);
  });

  it('imports nothing when one row is wrong, naming each bad row and why', async () => {
    const before = await core.store.query('meta.countOps');
    const cases: [kind: 'depots' | 'stock' | 'teams', text: string, message: RegExp][] = [
      ['depots', read('depots.csv').replace('310115000000', '310199000000'), /line 3: districtCode 310199000000 is neither the city nor one of its 16 districts/],
      ['depots', read('depots.csv').replace(',physical,', ',warehouse,'), /line 2: reserveType: /],
      ['depots', read('depots.csv').replace('121.4003', 'east'), /line 2: location\.lon: /],
      ['depots', `${read('depots.csv')}xh-depot-1,重复,Dup,x,310104000000,physical,121.4,31.1\n`, /line 4: id xh-depot-1 is also on line 2/],
      ['depots', read('depots.csv').replace('reserveType', 'reserve_type'), /missing column\(s\) reserveType.*unknown column\(s\) reserve_type/],
      ['stock', read('stock.csv').replace('pd-depot-9,demo-item-pump,12', 'pd-depot-9,demo-item-pump,0'), /line 4: quantity: a movement must change the stock/],
      ['stock', 'depotId,itemId,quantity,reason\nxh-depot-1,demo-item-water,-40,receipt\n', /line 2: quantity: a receipt adds stock: its quantity must be positive/],
      ['stock', 'depotId,itemId,quantity\nxh-depot-1,demo-item-water,-40\n', /line 2: quantity: a receipt adds stock/],
      ['stock', `depotId,itemId,quantity\nxh-depot-1,demo-item-water,${Number.MAX_SAFE_INTEGER}\n`, /line 2: quantity: at most 10,000,000 in one movement/],
      ['stock', 'depotId,itemId,quantity,reason\nxh-depot-1,demo-item-water,-10000001,adjustment\n', /line 2: quantity: at most 10,000,000 in one movement/],
      ['stock', read('stock.csv').replace('xh-depot-1,demo-item-sandbag', 'nowhere,demo-item-sandbag'), /line 3: no depot with id nowhere/],
      ['stock', read('stock.csv').replace('demo-item-water', 'unicorns'), /line 2: no stock item with id unicorns/],
      ['stock', 'depotId,itemId,quantity\n"broken,x,1\n', /line 2: a quoted field is not closed/],
      ['teams', read('teams.csv').replace(',45,', ',forty,'), /line 2: size: /],
    ];
    for (const [kind, text, message] of cases) {
      const reply = await importCsv(kind, `${kind}.csv`, text);
      expect(reply.ok).toBe(false);
      if (reply.ok) continue;
      expect(reply.error.code).toBe('INVALID_ARGUMENT');
      expect(reply.error.message).toMatch(/was not imported \(nothing was changed\)/);
      expect(reply.error.message).toMatch(message);
    }
    expect(await core.store.query('meta.countOps')).toBe(before);
  });

  it('gives every problem a reason key and values, so the console can say it in Chinese or English', async () => {
    const reasons = async (kind: 'depots' | 'stock' | 'teams', text: string) => {
      const reply = await importCsv(kind, `${kind}.csv`, text);
      if (reply.ok) throw new Error('expected a refusal');
      return reply.error.issues?.map((issue) => issue.reason);
    };
    expect(await reasons('depots', read('depots.csv').replace('310104000000', '3101'))).toEqual([
      { key: 'field', values: { line: 2, field: 'districtCode', problem: 'adminCode' } },
    ]);
    expect(await reasons('stock', 'depotId,itemId,quantity\nxh-depot-1,demo-item-water,-40\n')).toEqual([
      { key: 'field', values: { line: 2, field: 'quantity', problem: 'receiptPositive' } },
    ]);
    expect(await reasons('depots', 'id,name\nx,y\n')).toEqual([
      { key: 'missingColumns', values: { line: 1, columns: 'owner, districtCode, reserveType, lon, lat' } },
    ]);
    expect(await reasons('stock', 'depotId,itemId,quantity\n"broken,x,1\n')).toEqual([{ key: 'quoteOpen', values: { line: 2 } }]);
  });
});
