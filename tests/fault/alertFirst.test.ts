import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertTemplate } from '../../shared/cap/templates.ts';
import type { Alert } from '../../shared/domain/alert.ts';
import { mulberry32 } from '../../electron/core/seed/prng.ts';
import type { ApiClient } from './apiClient.ts';
import { Cluster, TOPOLOGY, until } from './cluster.ts';

/**
 * Issue 14, deliver 7 and 8: an issued alert crosses the fault rig first while a bulk import is
 * queued. Three real hubs (city → 黄浦 district → one of its streets), real SQLite, a TCP fault
 * proxy on each child → parent link throttled to a few KB/s; the bulk goes in through the hub's
 * own CSV import, the alert is drafted, reviewed and issued by duty officers signed in with
 * their own tokens, and the far side is read through its console API, as a console would.
 */
const SEED = 1_414;
const CITY = '310000000000';
const HUANGPU = '310101000000';
const STREET = '310101002000';
const NODES = TOPOLOGY.filter((node) => ['city', 'huangpu', 'hp-street-002'].includes(node.id));
/** Depots in each bulk file: thousands of P2 ops in the outbox. */
const BULK_ROWS = 4000;
/** Each direction of a throttled link, bytes a second. */
const LINK_BPS = 6000;

let cluster: Cluster;
const sessions: ApiClient[] = [];
beforeAll(async () => { cluster = await Cluster.start({ seed: SEED }, NODES); });
afterAll(async () => {
  for (const session of sessions) session.close();
  await cluster?.stop();
});

/** A depots CSV as a district office would export it: varied names and positions, so it compresses like real data. */
function depotsCsv(prefix: string, districtCode: string, rows: number): string {
  const random = mulberry32(SEED ^ rows ^ prefix.length);
  const lines = ['id,name,nameEn,owner,districtCode,reserveType,lon,lat'];
  const kinds = ['防汛物资仓库', '救灾物资储备点', '应急避难物资库', '社区微型储备点'];
  for (let i = 0; i < rows; i++) {
    const lon = (121.44 + random() * 0.08).toFixed(5);
    const lat = (31.2 + random() * 0.05).toFixed(5);
    const kind = kinds[Math.floor(random() * kinds.length)]!;
    lines.push(`${prefix}-${i},${kind}${i}号,${kind === '防汛物资仓库' ? 'Flood store' : 'Relief depot'} ${i},${Math.floor(random() * 900) + 100}单位,${districtCode},physical,${lon},${lat}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Two duty officers of a centre, each signed in with their own token: one drafts, the other reviews and issues. */
async function dutyOfficers(id: string, centre: string): Promise<{ drafter: ApiClient; chief: ApiClient }> {
  const drafter = await cluster.call(id, 'users:add', { name: `${centre}值班员`, role: 'duty' });
  const chief = await cluster.call(id, 'users:add', { name: `${centre}值班长`, role: 'duty' });
  const officers = { drafter: await cluster.connectAs(id, drafter.token, `${id} drafter`), chief: await cluster.connectAs(id, chief.token, `${id} chief`) };
  sessions.push(officers.drafter, officers.chief);
  // Signed in as themselves, not as the console's administrator.
  for (const officer of [officers.drafter, officers.chief]) expect((await officer.call('users:me', {})).role).toBe('duty');
  return officers;
}

/**
 * Drafts a typhoon-red warning in Chinese and English over a 100-point outline (the largest
 * realistic alert), has it reviewed and issued; resolves when the issue call is answered, with the
 * time it was made.
 */
async function issueAlert(officers: { drafter: ApiClient; chief: ApiClient }, code: string, label: string): Promise<{ alert: Alert; issuedAt: number }> {
  const template = alertTemplate('typhoon-red')!;
  const random = mulberry32(SEED ^ Number(code.slice(0, 6)));
  const ring: [number, number][] = Array.from({ length: 99 }, (_, index) => {
    const angle = (index / 99) * 2 * Math.PI;
    const wobble = 0.85 + 0.3 * random();
    return [Number((121.48 + 0.03 * wobble * Math.cos(angle)).toFixed(4)), Number((31.23 + 0.02 * wobble * Math.sin(angle)).toFixed(4))];
  });
  ring.push(ring[0]!);
  const draft = await officers.drafter.call('alerts:saveDraft', {
    event: template.event, categories: template.categories, responseTypes: template.responseTypes, urgency: template.urgency,
    severity: template.severity, certainty: template.certainty, texts: template.texts, groups: template.groups,
    areas: [{ description: `${label}沿江低洼区域`, codes: [code], polygon: ring }], namedAreaIds: [], exercise: true,
  });
  expect(draft.state).toBe('draft');
  await officers.chief.call('alerts:review', { id: draft.id });
  const issuedAt = Date.now();
  const alert = await officers.chief.call('alerts:issue', { id: draft.id });
  expect(alert).toMatchObject({ state: 'issued', status: 'Exercise' });
  expect(alert.steps?.map((step) => step.by.split(' (')[0])).toEqual([`${label}值班员`, `${label}值班长`, `${label}值班长`]);
  return { alert, issuedAt };
}

const bulkHeld = async (id: string, prefix: string) => (await cluster.call(id, 'resources:listDepots', {})).filter((depot) => depot.id.startsWith(`${prefix}-`)).length;

interface Arrival { node: string; ms: number; bulkAtIssue: number; bulkAtArrival: number; alert: Alert }

/**
 * Polls `node` until it lists the alert as issued, then counts the bulk rows it holds. Rows only
 * ever arrive, so the count read just after the alert is an upper bound of what crossed before it.
 */
async function arrival(node: string, alertId: string, prefix: string, issuedAt: number, bulkAtIssue: number): Promise<Arrival> {
  const found = await until(`the alert at ${node}`, async () => {
    const alert = (await cluster.call(node, 'alerts:listByState', { state: 'issued' })).find((entry) => entry.id === alertId);
    return alert ? { alert, ms: Date.now() - issuedAt } : null;
  }, (value) => value !== null, 60_000);
  return { node, ...found!, bulkAtIssue, bulkAtArrival: await bulkHeld(node, prefix) };
}

/**
 * What the far side's duty officer sees: the warning exactly as it was issued, while most of the
 * bulk that was still queued when it was issued has not arrived.
 */
function expectFirst(seen: Arrival, issued: Alert): void {
  expect(seen.alert, seen.node).toEqual(issued);
  const stillQueued = BULK_ROWS - seen.bulkAtIssue;
  expect(stillQueued, `${seen.node}: the bulk was still mostly queued when the alert was issued`).toBeGreaterThan(BULK_ROWS / 2);
  expect(seen.bulkAtArrival - seen.bulkAtIssue, `${seen.node}: bulk rows that crossed before the alert`).toBeLessThan(stillQueued / 2);
  expect(seen.bulkAtArrival, `${seen.node}: bulk rows held when the alert was there`).toBeLessThan(BULK_ROWS / 2);
}

/**
 * Every link's outbox is empty on every node: what the hubs were exchanging (the bootstrap after
 * boot, the previous scenario) has all been acknowledged, so each scenario starts from a quiet network.
 */
async function quiet(): Promise<void> {
  for (const id of cluster.ids) {
    await until(`${id}'s outboxes to empty`, () => cluster.call(id, 'sync:peers', {}), (peers) => peers.every((peer) => peer.outbox.every((count) => count === 0)), 60_000);
  }
}

const rate = (bytes: number, since: number) => Math.round(bytes / ((Date.now() - since) / 1000));

describe('an issued alert crosses a narrow link before a queued bulk import', () => {
  it('upward: a district alert reaches the city while the district\'s bulk import waits behind a 6 KB/s link', async () => {
    const prefix = 'bulk-up';
    const officers = await dutyOfficers('huangpu', '黄浦区');
    await quiet();
    const link = cluster.link('huangpu');
    link.set({ bandwidthBps: LINK_BPS });
    const since = Date.now();
    const upBefore = link.stats.up;

    const imported = await officers.chief.call('resources:importCsv', { kind: 'depots', fileName: 'huangpu-depots.csv', text: depotsCsv(prefix, HUANGPU, BULK_ROWS), exercise: true });
    expect(imported.imported).toBe(BULK_ROWS);
    // The bulk is queued: the district holds all of it, its outbox to the city most of it, at P2.
    const status = await cluster.call('huangpu', 'sync:status', {});
    expect(status.outboxByPriority[2]).toBeGreaterThan(BULK_ROWS / 2);

    const { alert, issuedAt } = await issueAlert(officers, HUANGPU, '黄浦区');
    const seen = await arrival('city', alert.id, prefix, issuedAt, await bulkHeld('city', prefix));
    const report = { alertMs: seen.ms, bulkRows: BULK_ROWS, outboxP2AtImport: status.outboxByPriority[2], bulkAtCityWhenIssued: seen.bulkAtIssue, bulkAtCityWhenAlertArrived: seen.bulkAtArrival, linkBytesPerSecond: rate(link.stats.up - upBefore, since) };
    console.log(`alert-first upward (huangpu → city, ${LINK_BPS} B/s): ${JSON.stringify(report)}`);
    expectFirst(seen, alert);

    // Then the link widens and everything arrives: every replica agrees with the city.
    link.set({ bandwidthBps: null });
    await cluster.waitConverged(60_000);
    expect(await bulkHeld('city', prefix)).toBe(BULK_ROWS);
  });

  it('downward: a city-wide alert reaches the district and its street while the city\'s bulk import waits behind two 6 KB/s links', async () => {
    const prefix = 'bulk-down';
    const officers = await dutyOfficers('city', '市应急局');
    await quiet();
    const links = [cluster.link('huangpu'), cluster.link('hp-street-002')];
    for (const link of links) link.set({ bandwidthBps: LINK_BPS });
    const since = Date.now();
    const downBefore = links.map((link) => link.stats.down);

    // City reserves (市级储备): every district and street holds them, so the bulk goes down both links.
    const imported = await officers.chief.call('resources:importCsv', { kind: 'depots', fileName: 'city-depots.csv', text: depotsCsv(prefix, CITY, BULK_ROWS), exercise: true });
    expect(imported.imported).toBe(BULK_ROWS);
    const outbox = (await cluster.call('city', 'sync:peers', {})).find((peer) => peer.peer === 'huangpu')!.outbox;
    expect(outbox[2]).toBeGreaterThan(BULK_ROWS / 2);

    const { alert, issuedAt } = await issueAlert(officers, HUANGPU, '市应急局');
    const [district, street] = await Promise.all([
      bulkHeld('huangpu', prefix).then((held) => arrival('huangpu', alert.id, prefix, issuedAt, held)),
      bulkHeld('hp-street-002', prefix).then((held) => arrival('hp-street-002', alert.id, prefix, issuedAt, held)),
    ]);
    const report = {
      bulkRows: BULK_ROWS, outboxP2AtImport: outbox[2],
      district: { alertMs: district.ms, bulkWhenIssued: district.bulkAtIssue, bulkWhenAlertArrived: district.bulkAtArrival, linkBytesPerSecond: rate(links[0]!.stats.down - downBefore[0]!, since) },
      street: { alertMs: street.ms, bulkWhenIssued: street.bulkAtIssue, bulkWhenAlertArrived: street.bulkAtArrival, linkBytesPerSecond: rate(links[1]!.stats.down - downBefore[1]!, since) },
    };
    console.log(`alert-first downward (city → huangpu → ${STREET}, ${LINK_BPS} B/s each): ${JSON.stringify(report)}`);
    expectFirst(district, alert);
    expectFirst(street, alert);

    for (const link of links) link.set({ bandwidthBps: null });
    await cluster.waitConverged(60_000);
    expect(await bulkHeld('huangpu', prefix)).toBe(BULK_ROWS);
    expect(await bulkHeld('hp-street-002', prefix)).toBe(BULK_ROWS);
  });
});
