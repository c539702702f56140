import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../electron/core/seed/prng.ts';
import { CITY_WIDE_TABLES, Cluster } from './cluster.ts';
import type { LinkFaults } from './faultProxy.ts';

const SEED = 3_105;
/** How long the random schedule runs; RC_FAULT_SECONDS shortens it locally. */
const SECONDS = Number(process.env.RC_FAULT_SECONDS ?? 60);
const BANDWIDTHS = [null, 16_000, 64_000, 256_000, 2_000_000];

let cluster: Cluster;
beforeAll(async () => { cluster = await Cluster.start({ seed: SEED }); });
afterAll(async () => { await cluster?.stop(); });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`a random schedule of partitions and degraded links for ${SECONDS} s`, () => {
  it('ends, once healed, with every table equal on all seven replicas', async () => {
    const random = mulberry32(SEED);
    const children = cluster.ids.filter((id) => id !== 'city');
    const schedule: string[] = [];
    const end = Date.now() + SECONDS * 1000;
    const started = Date.now();

    // A write is local, so it must succeed whatever the links do; the first failure ends the run.
    let writeError: Error | null = null;
    const writer = (async () => {
      while (Date.now() < end && !writeError) {
        const id = cluster.ids[Math.floor(random() * cluster.ids.length)]!;
        await cluster.write(id, 1 + Math.floor(random() * 3), 'chaos').catch((error: Error) => { writeError = error; });
        await sleep(50 + random() * 250);
      }
    })();

    let cuts = 0;
    while (Date.now() < end && !writeError) {
      await sleep(1_000 + random() * 3_000);
      const child = children[Math.floor(random() * children.length)]!;
      const link = cluster.link(child);
      const faults: LinkFaults = {
        delayMs: Math.round(random() * 150),
        jitterMs: Math.round(random() * 50),
        bandwidthBps: BANDWIDTHS[Math.floor(random() * BANDWIDTHS.length)]!,
        loss: Math.round(random() * 50) / 1000,
        resetOnLoss: Math.round(random() * 20) / 100,
      };
      link.set(faults);
      const action = link.isCut ? (random() < 0.7 ? 'heal' : 'stay cut') : (random() < 0.4 ? 'cut' : 'degrade');
      if (action === 'cut') {
        link.cut(random() < 0.5 ? 'refuse' : 'blackhole');
        cuts++;
      }
      if (action === 'heal') link.heal();
      schedule.push(`${((Date.now() - started) / 1000).toFixed(1)}s ${child} ${action} ${JSON.stringify(faults)}`);
    }
    await writer;
    if (writeError) throw writeError;
    expect(cuts, schedule.join('\n')).toBeGreaterThan(2);

    cluster.healAll();
    const reports = await cluster.waitConverged(300_000).catch((error: Error) => {
      throw new Error(`${error.message}\nschedule:\n${schedule.join('\n')}`);
    });
    for (const table of CITY_WIDE_TABLES) expect(new Set([...reports.values()].map((r) => r.tables[table])).size, table).toBe(1);
    const acked = cluster.acked.map((a) => a.title).sort();
    for (const id of cluster.ids) expect(await cluster.incidentTitles(id), id).toEqual(acked);
    expect(await cluster.verifyShares()).toEqual([]);
    const stalls = cluster.links().reduce((n, link) => n + link.stats.stalls, 0);
    const resets = cluster.links().reduce((n, link) => n + link.stats.resets, 0);
    console.info(`random partitions: ${SECONDS} s, ${acked.length} writes, ${cuts} cuts, ${stalls} loss stalls, ${resets} resets; seven replicas equal`);
  });
});
