import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, until } from './cluster.ts';

const SEED = 3_103;
/** Two districts, each cut off from the city and from each other, draw on one city reserve depot. */
const ALLOCATORS = ['huangpu', 'xuhui'];
const DEPOT = 'city-reserve-depot-1';
const ITEM = 'demo-item-water';
const OPENING = 1000;

let cluster: Cluster;
beforeAll(async () => { cluster = await Cluster.start({ seed: SEED }); });
afterAll(async () => { await cluster?.stop(); });

describe('two districts cut off from each other dispatching from the same city reserve depot', () => {
  it('merge to the sum of every movement on all seven replicas, with the overdraft flagged', async () => {
    // A city reserve (市级储备): scoped to the city, so every district holds it and may draw on it.
    await cluster.call('city', 'resources:importCsv', {
      kind: 'depots', fileName: 'city-reserve.csv', exercise: true,
      text: `id,name,nameEn,owner,districtCode,reserveType,lon,lat\n${DEPOT},市级应急物资储备库（测试）,City Reserve Depot (test),上海市应急管理局,310000000000,government,121.47,31.23\n`,
    });
    await cluster.call('city', 'resources:importCsv', {
      kind: 'stock', fileName: 'city-reserve-stock.csv', exercise: true,
      text: `depotId,itemId,quantity,reason,reference\n${DEPOT},${ITEM},${OPENING},receipt,fault test\n`,
    });
    const find = async (id: string) => (await cluster.call(id, 'resources:balances', {})).find((b) => b.depotId === DEPOT && b.itemId === ITEM);
    for (const id of cluster.ids) await until(`${id} to hold the opening stock`, () => find(id), (b) => b?.balance === OPENING);

    cluster.cut('huangpu');
    cluster.cut('xuhui');
    // Each district dispatches 60% of what it sees: fine locally, 120% together.
    const quantity = OPENING * 0.6;
    for (const id of ALLOCATORS) {
      const incident = await cluster.writeOne(id, 'need');
      const allocation = await cluster.call(id, 'resources:requestAllocation', {
        itemId: ITEM, quantity, destination: { kind: 'incident', id: incident.id }, sourceDepotId: DEPOT, exercise: true,
      });
      await cluster.call(id, 'resources:advanceAllocation', { id: allocation.id, to: 'committed' });
      const dispatched = await cluster.call(id, 'resources:advanceAllocation', { id: allocation.id, to: 'dispatched' });
      expect(dispatched.status).toBe('dispatched');
      expect(await find(id), id).toMatchObject({ balance: OPENING - quantity, overdraft: false });
    }
    // While cut off, neither district sees the other's dispatch.
    expect(await find('city'), 'city').toMatchObject({ balance: OPENING, overdraft: false });

    cluster.healAll();
    const expected = OPENING - ALLOCATORS.length * quantity;
    expect(expected).toBeLessThan(0);
    await cluster.waitConverged(180_000);
    for (const id of cluster.ids) {
      const merged = await until(`${id} to count every movement`, () => find(id), (b) => b?.balance === expected);
      expect(merged, id).toEqual({ depotId: DEPOT, itemId: ITEM, balance: expected, overdraft: true });
      const allocations = (await cluster.call(id, 'resources:listAllocations', {})).filter((a) => a.sourceDepotId === DEPOT);
      expect(allocations.map((a) => a.status), id).toEqual(['dispatched', 'dispatched']);
    }
    expect(await cluster.verifyShares()).toEqual([]);
  });
});
