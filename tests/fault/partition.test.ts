import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, until, type Acked } from './cluster.ts';

const SEED = 3_101;
const XUHUI_SIDE = ['xuhui', 'xh-street-003', 'xh-street-004'];
const CITY_SIDE = ['city', 'huangpu', 'hp-street-002', 'hp-street-013'];

let cluster: Cluster;
beforeAll(async () => { cluster = await Cluster.start({ seed: SEED }); });
afterAll(async () => { await cluster?.stop(); });

const titles = (acked: Acked[]) => acked.map((a) => a.title);

describe('a district cut off from the city', () => {
  it('keeps working on both sides, relays between its own streets, and converges everywhere after heal', async () => {
    cluster.cut('xuhui');
    // Seeded, varied links on the rest of the network while it is cut.
    cluster.link('huangpu').set({ delayMs: 30, jitterMs: 20 });
    cluster.link('hp-street-013').set({ bandwidthBps: 50_000 });

    const citySide: Acked[] = [];
    const xuhuiSide: Acked[] = [];
    for (let round = 0; round < 3; round++) {
      for (const id of CITY_SIDE) citySide.push(...await cluster.write(id, 2, 'cut'));
      for (const id of XUHUI_SIDE) xuhuiSide.push(...await cluster.write(id, 2, 'cut'));
    }

    // Each side sees its own writes (the district hub relays between its streets) and none of the other's.
    for (const id of XUHUI_SIDE) {
      const held = await until(`${id} to hold its side's writes`, () => cluster.incidentTitles(id), (list) => titles(xuhuiSide).every((t) => list.includes(t)));
      expect(held.filter((t) => titles(citySide).includes(t))).toEqual([]);
    }
    for (const id of CITY_SIDE) {
      const held = await until(`${id} to hold its side's writes`, () => cluster.incidentTitles(id), (list) => titles(citySide).every((t) => list.includes(t)));
      expect(held.filter((t) => titles(xuhuiSide).includes(t))).toEqual([]);
    }
    expect(cluster.link('xuhui').stats.refused).toBeGreaterThan(0);

    cluster.healAll();
    const reports = await cluster.waitConverged(180_000);
    expect(reports.size).toBe(7);

    const everything = titles(cluster.acked).sort();
    for (const id of cluster.ids) expect(await cluster.incidentTitles(id), id).toEqual(everything);
    expect(await cluster.verifyShares()).toEqual([]);
  });
});
