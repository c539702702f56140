import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, until } from './cluster.ts';

const SEED = 3_104;
/** This street's clock runs ten minutes fast: twice the five minutes a parent accepts. */
const FAST = 'xh-street-004';

let cluster: Cluster;
beforeAll(async () => { cluster = await Cluster.start({ seed: SEED, env: { [FAST]: { RC_CLOCK_OFFSET_MS: '600000' } } }); });
afterAll(async () => { await cluster?.stop(); });

describe('a console whose clock runs ten minutes fast', () => {
  it('has its ops quarantined at its parent, reported there, while the other six converge without them', async () => {
    const fast = await cluster.write(FAST, 4, 'skew');
    const others = cluster.ids.filter((id) => id !== FAST);
    for (const id of others) await cluster.write(id, 2, 'skew');
    const fastTitles = fast.map((a) => a.title);
    const otherTitles = cluster.acked.filter((a) => a.node !== FAST).map((a) => a.title).sort();

    // Every op the fast street made is held: its reports, each with its first timeline entry, and its own link report.
    const fastOps = (await cluster.verify(FAST)).vector[FAST]!;
    expect(fastOps).toBeGreaterThanOrEqual(fast.length * 2);
    const status = await until('xuhui to quarantine the fast street\'s ops', () => cluster.call('xuhui', 'sync:status', {}), (s) => s.quarantined >= fastOps);
    expect(status.quarantined).toBeGreaterThanOrEqual(fastOps);
    expect(status.alarms).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'clock', peer: FAST })]));

    const reports = await cluster.waitConverged(180_000, others);
    expect(reports.get('xuhui')!.quarantined).toBeGreaterThanOrEqual(fastOps);
    for (const id of others) {
      const held = await cluster.incidentTitles(id);
      expect(held, id).toEqual(otherTitles);
      expect(held.filter((t) => fastTitles.includes(t)), id).toEqual([]);
    }
    // The link itself stays up: the fast street still receives everyone else's city-wide writes.
    const own = await until(`${FAST} to receive the others' writes`, () => cluster.incidentTitles(FAST), (list) => otherTitles.every((t) => list.includes(t)));
    expect(own.filter((t) => fastTitles.includes(t)).sort()).toEqual([...fastTitles].sort());
    expect(await cluster.verifyShares(others.filter((id) => id !== 'city'))).toEqual([]);
  });
});
