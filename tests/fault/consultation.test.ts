import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, TOPOLOGY, until } from './cluster.ts';

/**
 * Issue 12's promise: a consultation held across two consoles that lose each other ends as
 * one record. The city and the Huangpu district console (real processes, real SQLite files,
 * a fault proxy between them) record the same session while cut off.
 */
const PAIR = TOPOLOGY.filter((node) => node.id === 'city' || node.id === 'huangpu');
const HUANGPU = '310101000000';

let cluster: Cluster;
beforeAll(async () => { cluster = await Cluster.start({ seed: 1_212 }, PAIR); });
afterAll(async () => { await cluster?.stop(); });

const entriesOf = (id: string, sessionId: string) => cluster.call(id, 'consultation:entries', { id: sessionId });
const taskOf = async (id: string, taskId: string) => (await cluster.call(id, 'tasks:list', {})).find((task) => task.id === taskId);

describe('a consultation recorded on two consoles cut off from each other', () => {
  it('reads as one record after the link returns: every entry, in time order, and the task verified', async () => {
    // Huangpu learns its share of the region from the city before anything else.
    await until('huangpu to hold its district node', () => cluster.call('huangpu', 'nodes:list', {}), (nodes) => nodes.some((node) => node.code === HUANGPU), 120_000);
    const incident = await cluster.call('city', 'incidents:report', { title: '外滩防汛墙渗漏', type: 'floodTide', level: 'II', nodeCode: HUANGPU, exercise: true });
    const session = await cluster.call('city', 'consultation:open', {
      title: '外滩防汛会商', incidentId: incident.id, agenda: ['渗漏研判', '封堵与转移'],
      participants: [{ name: '市应急局值班长', agency: '市应急局', attendance: 'present' }, { name: '黄浦区值班长', agency: '黄浦区', attendance: 'remote' }],
    });
    const { task } = await cluster.call('city', 'consultation:action', { sessionId: session.id, agency: '市应急局', text: '防汛墙渗漏点封堵', assigneeUnit: '黄浦区', assigneeKind: 'district' });
    await until('huangpu to hold the session and its task', async () => ({ entries: (await entriesOf('huangpu', session.id).catch(() => [])).length, task: await taskOf('huangpu', task.id) }),
      (held) => held.entries === 1 && held.task !== undefined, 60_000);

    cluster.cut('huangpu');
    const written: string[] = [];
    const sides = [
      { id: 'city', agency: '市应急局' },
      { id: 'huangpu', agency: '黄浦区' },
    ];
    // Both sides write while cut, interleaved in time, so the merged order must mix them.
    for (let round = 0; round < 3; round++) {
      for (const side of sides) {
        const kind = (['evidence', 'judgement', 'decision'] as const)[round]!;
        const entry = await cluster.call(side.id, 'consultation:record', {
          sessionId: session.id, kind, agency: side.agency, text: `${side.agency} 第 ${round + 1} 条`,
          ...(kind === 'judgement' ? { confidence: 'medium' as const } : {}), ...(kind === 'decision' ? { approvedBy: `${side.agency}负责人` } : {}),
        });
        written.push(entry.id);
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    }
    // The district accepts the task; the city, unaware, records it done and verified.
    await cluster.call('huangpu', 'tasks:advance', { id: task.id, to: 'accepted' });
    await cluster.call('city', 'tasks:advance', { id: task.id, to: 'done' });
    await cluster.call('city', 'tasks:advance', { id: task.id, to: 'verified' });
    expect((await taskOf('huangpu', task.id))?.status).toBe('accepted');
    expect((await entriesOf('city', session.id)).filter((entry) => written.includes(entry.id))).toHaveLength(3);

    cluster.healAll();
    const total = 1 + written.length;
    const cityEntries = await until('the city to hold every entry', () => entriesOf('city', session.id), (entries) => entries.length === total, 120_000);
    const districtEntries = await until('huangpu to hold every entry', () => entriesOf('huangpu', session.id), (entries) => entries.length === total, 120_000);

    // One record: the same entries in the same order on both consoles, nothing lost, in time order.
    expect(districtEntries).toEqual(cityEntries);
    expect(written.every((id) => cityEntries.some((entry) => entry.id === id))).toBe(true);
    const times = cityEntries.map((entry) => entry.at);
    expect([...times].sort()).toEqual(times);
    expect(new Set(cityEntries.slice(1).map((entry) => entry.agency))).toEqual(new Set(['市应急局', '黄浦区']));

    // Forward-only: verified beats the stale "accepted" on both sides, and both histories are kept.
    for (const id of ['city', 'huangpu']) {
      const verified = await until(`${id} to hold the task verified`, () => taskOf(id, task.id), (held) => held?.status === 'verified', 60_000);
      expect(verified?.status).toBe('verified');
      const history = await until(`${id} to hold the whole task history`, () => cluster.call(id, 'tasks:history', { id: task.id }), (entries) => entries.length === 4, 60_000);
      expect(history.map((entry) => entry.status).sort()).toEqual(['accepted', 'done', 'open', 'verified']);
    }

    // The district signs off after the link returns; the city sees the session closed.
    await cluster.call('huangpu', 'consultation:signOff', { sessionId: session.id, approvedBy: '黄浦区负责人' });
    await until('the city to see the sign-off', async () => (await cluster.call('city', 'consultation:list', {})).find((item) => item.id === session.id)?.status, (status) => status === 'closed', 60_000);
    const minutes = await cluster.call('city', 'consultation:minutes', { id: session.id, format: 'md' });
    expect(minutes.content).toContain('黄浦区 第 3 条');
    expect(minutes.content).toContain('已闭环 1/1 项');
  });
});
