import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../electron/core/seed/prng.ts';
import { Cluster } from './cluster.ts';

const SEED = 3_102;
const KILLS = 20;
const HUBS = ['city', 'huangpu', 'xuhui'];
const CONSOLES = ['hp-street-002', 'hp-street-013', 'xh-street-003', 'xh-street-004'];

let cluster: Cluster;
// Narrow, slow links keep sync batches in flight when a process dies.
beforeAll(async () => { cluster = await Cluster.start({ seed: SEED, faults: { delayMs: 15, jitterMs: 10, bandwidthBps: 96_000 } }); });
afterAll(async () => { await cluster?.stop(); });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SIGKILL of hubs and consoles in the middle of batches', () => {
  it(`loses no acknowledged op and applies none twice over ${KILLS} kills`, async () => {
    const random = mulberry32(SEED);
    let writing = true;
    let failures = 0;
    // The writer keeps going through every kill: bursts of concurrent reports to a random live node.
    const writer = (async () => {
      while (writing) {
        const live = cluster.ids.filter((id) => cluster.isRunning(id));
        const id = live[Math.floor(random() * live.length)]!;
        const burst = 1 + Math.floor(random() * 6);
        const results = await Promise.allSettled(Array.from({ length: burst }, () => cluster.writeOne(id, 'kill')));
        failures += results.filter((r) => r.status === 'rejected').length;
        await sleep(20 + random() * 60);
      }
    })();

    const killed: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      const target = i % 2 === 0 ? HUBS[(i / 2) % HUBS.length]! : CONSOLES[((i - 1) / 2) % CONSOLES.length]!;
      await sleep(500 + random() * 1500);
      await cluster.kill(target, 'SIGKILL');
      killed.push(target);
      await sleep(200 + random() * 800);
      await cluster.restart(target);
    }
    writing = false;
    await writer;
    // Every kill came while writes were flowing; some calls died with their process.
    expect(killed).toHaveLength(KILLS);
    expect(cluster.acked.length).toBeGreaterThan(100);

    cluster.healAll();
    const reports = await cluster.waitConverged(300_000);
    const acked = cluster.acked.map((a) => a.title);
    const uncertain = new Set(cluster.uncertain.map((u) => u.title));
    const allowed = new Set([...acked, ...uncertain]);
    const reference = await cluster.incidentTitles('city');
    for (const id of cluster.ids) {
      const held = await cluster.incidentTitles(id);
      expect(held, id).toEqual(reference);
      expect(new Set(held).size, `${id}: an incident twice`).toBe(held.length);
      expect(acked.filter((t) => !held.includes(t)), `${id}: acknowledged but lost`).toEqual([]);
      expect(held.filter((t) => t.startsWith('kill-') && !allowed.has(t)), `${id}: never written`).toEqual([]);
    }
    // Only calls cut off by a kill may have been stored without an answer.
    expect(reference.filter((t) => t.startsWith('kill-')).length - acked.length).toBeLessThanOrEqual(uncertain.size);
    const city = reports.get('city')!;
    expect(city.opCount).toBe(Object.values(city.vector).reduce((sum, seq) => sum + seq, 0));

    // The op logs themselves, read from disk once every process has stopped: each op once.
    await cluster.halt();
    const incidentCount = reference.length;
    for (const id of cluster.ids) {
      const db = new Database(path.join(cluster.dataDir(id), 'console.db'), { readonly: true });
      try {
        const ops = db.prepare('SELECT count(*) AS n, count(DISTINCT origin || \':\' || seq) AS distinctOps FROM ops').get() as { n: number; distinctOps: number };
        expect(ops.n, `${id}: an op stored twice`).toBe(ops.distinctOps);
        const incidentOps = db.prepare('SELECT count(*) AS n, count(DISTINCT key) AS keys FROM ops WHERE entity = \'incident\' AND key NOT LIKE \'demo-%\'').get() as { n: number; keys: number };
        expect(incidentOps, id).toEqual({ n: incidentCount, keys: incidentCount });
        const rows = db.prepare('SELECT count(*) AS n FROM incidents WHERE key NOT LIKE \'demo-%\'').get() as { n: number };
        expect(rows.n, id).toBe(incidentCount);
      } finally {
        db.close();
      }
    }
    console.info(`kills: ${KILLS} (${killed.join(', ')}); acknowledged ${acked.length}, in doubt ${uncertain.size}, failed calls ${failures}; incidents on every replica ${incidentCount}`);
  });
});
