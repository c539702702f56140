import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster } from './cluster.ts';
import { runCli } from './nodeProcess.ts';

/**
 * Command-network status over seven real hubs joined through fault proxies (issue 13): what the
 * city and a district see, through the console API (what the UI shows) and `network --json`.
 */
const SEED = 1_313;
const LIMIT_MS = 10_000;
const CITY = '310000000000';
const HUANGPU = '310101000000';
const XUHUI = '310104000000';
const HP_STREETS = ['310101002000', '310101013000'];

interface CliNode { code: string; name: string; state: string; reachable: boolean; cutAt: string | null; channel: string | null; lastContactAt: string | null; opsBehind: number | null }

let cluster: Cluster;
beforeAll(async () => { cluster = await Cluster.start({ seed: SEED }); });
afterAll(async () => { await cluster?.stop(); });

const viewAt = async (id: string) => byCode((await cluster.call(id, 'network:view', {})).rows);
const cliAt = async (id: string) => byCode((JSON.parse(await runCli(['network', '--data', cluster.dataDir(id), '--json'])) as { nodes: CliNode[] }).nodes);
function byCode<T extends { code: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.code, row]));
}

/** Polls until `check` holds; fails if that took longer than `limitMs` from `since`. Resolves with the time it took. */
async function within<T>(what: string, since: number, limitMs: number, probe: () => Promise<T>, check: (value: T) => boolean): Promise<number> {
  let last: T | undefined;
  for (;;) {
    try {
      last = await probe();
      if (check(last)) return Date.now() - since;
    } catch (error) {
      last = String(error) as T;
    }
    if (Date.now() - since > limitMs) throw new Error(`${what}: not within ${limitMs} ms; last seen: ${JSON.stringify(last instanceof Map ? [...last.values()].slice(0, 8) : last).slice(0, 1500)}\n${cluster.stderrTails()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const stateOf = (rows: Map<string, { state: string }>, code: string) => rows.get(code)?.state;
const measured: Record<string, number> = {};

describe('the command network at a glance, live', () => {
  it('starts with every hub up at the city and the rest of the region unknown, not up', async () => {
    await within('every hub up at the city', Date.now(), 60_000, () => viewAt('city'), (rows) =>
      cluster.ids.every((id) => stateOf(rows, cluster.def(id).code) === 'up'));
    const rows = await cliAt('city');
    for (const id of cluster.ids) expect(rows.get(cluster.def(id).code), id).toMatchObject({ state: 'up', reachable: true });
    expect(rows.get('310101002000')!.channel).toBe('fibre');
    // 231 command nodes in the demo region, only seven of them run a hub here.
    expect([...rows.values()].filter((row) => row.state === 'unknown').length).toBe(rows.size - 7);
    expect(rows.get('310115000000')).toMatchObject({ name: '浦东新区', state: 'unknown' });
  });

  it('a cut district: down at the city, standalone at the district, its streets unreachable; restore clears the alarm', async () => {
    const cutAt = Date.now();
    cluster.cut('huangpu');
    // Watched side by side from the moment of the cut: the city's UI and CLI, and the district.
    [measured.cutCityApi, measured.cutDistrict, measured.cutCityCli] = await Promise.all([
      within('huangpu down at the city (API)', cutAt, LIMIT_MS, () => viewAt('city'), (rows) => stateOf(rows, HUANGPU) === 'down'),
      within('huangpu standalone at huangpu', cutAt, LIMIT_MS, () => viewAt('huangpu'), (rows) => stateOf(rows, HUANGPU) === 'standalone'),
      within('huangpu down at the city (network --json)', cutAt, LIMIT_MS, () => cliAt('city'), (rows) => stateOf(rows, HUANGPU) === 'down'),
    ]);
    const city = await cliAt('city');
    for (const street of HP_STREETS) expect(city.get(street), street).toMatchObject({ reachable: false, cutAt: HUANGPU });
    expect(city.get(XUHUI)).toMatchObject({ state: 'up', reachable: true });
    // The district keeps serving its streets and sees the city beyond its cut uplink.
    const district = await viewAt('huangpu');
    for (const street of HP_STREETS) expect(district.get(street), street).toMatchObject({ state: 'up', reachable: true });
    expect(district.get(CITY)).toMatchObject({ state: 'down', reachable: false, cutAt: HUANGPU });

    const alarms = await cluster.call('city', 'network:alarms', {});
    const alarm = alarms.find((entry) => entry.code === HUANGPU && entry.open);
    expect(alarm).toMatchObject({ severity: 'down', acknowledged: null });
    const acknowledged = await cluster.call('city', 'network:acknowledge', { alarmId: alarm!.alarmId, note: '已电话联系黄浦区' });
    expect(acknowledged.acknowledged).toMatchObject({ note: '已电话联系黄浦区' });
    // A second console of the hall acknowledging the same alarm changes nothing.
    const again = await cluster.call('city', 'network:acknowledge', { alarmId: alarm!.alarmId, note: 'second' });
    expect(again.acknowledged).toEqual(acknowledged.acknowledged);

    const healAt = Date.now();
    cluster.heal('huangpu');
    measured.healCity = await within('huangpu up at the city and its alarm cleared', healAt, LIMIT_MS, async () => ({
      rows: await viewAt('city'), alarms: await cluster.call('city', 'network:alarms', {}),
    }), ({ rows, alarms: list }) => stateOf(rows, HUANGPU) === 'up' && list.some((entry) => entry.alarmId === alarm!.alarmId && !entry.open));
    const history = (await cluster.call('city', 'network:alarms', {})).find((entry) => entry.alarmId === alarm!.alarmId)!;
    expect(history).toMatchObject({ open: false, acknowledged: { note: '已电话联系黄浦区' } });
    await within('huangpu up at huangpu again', healAt, LIMIT_MS, () => viewAt('huangpu'), (rows) => stateOf(rows, HUANGPU) === 'up');
  });

  it('a throttled link shows degraded, and up again once it is clean', async () => {
    cluster.link('xuhui').set({ delayMs: 250, jitterMs: 50, bandwidthBps: 20_000 });
    const since = Date.now();
    measured.throttled = await within('xuhui degraded at the city', since, 30_000, () => viewAt('city'), (rows) => stateOf(rows, XUHUI) === 'degraded');
    const alarms = await cluster.call('city', 'network:alarms', {});
    expect(alarms.find((entry) => entry.code === XUHUI && entry.open)).toMatchObject({ severity: 'degraded' });
    cluster.link('xuhui').set({ delayMs: 0, jitterMs: 0, bandwidthBps: null });
    await within('xuhui up at the city again', Date.now(), 30_000, () => viewAt('city'), (rows) => stateOf(rows, XUHUI) === 'up');
  });

  it('a street cut below its district shows down at the city, through the district', async () => {
    const cutAt = Date.now();
    cluster.cut('hp-street-002');
    measured.streetCutCity = await within('310101002000 down at the city', cutAt, LIMIT_MS, () => cliAt('city'), (rows) => stateOf(rows, '310101002000') === 'down');
    const row = (await viewAt('city')).get('310101002000')!;
    expect(row).toMatchObject({ source: 'reported', reachable: false, cutAt: '310101002000' });
    cluster.heal('hp-street-002');
    await within('310101002000 up at the city again', Date.now(), LIMIT_MS, () => viewAt('city'), (rows) => stateOf(rows, '310101002000') === 'up');
  });

  it('killing any hub shows at the city within 10 s, in the API and in network --json', async () => {
    for (const id of cluster.ids.filter((node) => node !== 'city')) {
      const code = cluster.def(id).code;
      const killedAt = Date.now();
      await cluster.kill(id);
      const shows = (rows: Map<string, { state: string }>) => stateOf(rows, code) === 'down';
      [measured[`kill ${id} (API)`], measured[`kill ${id} (CLI)`]] = await Promise.all([
        within(`${id} killed: down at the city (API)`, killedAt, LIMIT_MS, () => viewAt('city'), shows),
        within(`${id} killed: down at the city (network --json)`, killedAt, LIMIT_MS, () => cliAt('city'), shows),
      ]);
      await cluster.restart(id);
      await within(`${id} up at the city after its restart`, Date.now(), 30_000, () => viewAt('city'), (rows) => stateOf(rows, code) === 'up');
    }
    process.stdout.write(`network fault timings (ms): ${JSON.stringify(measured)}\n`);
    expect(Object.keys(measured).filter((key) => key.startsWith('kill ')).length).toBe(12);
  });
});
