import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/ipc/dispatch.ts';
import type { NetworkView } from '../../shared/network/view.ts';
import { enrol, startNode, until, type TestNode } from './syncNodes.ts';

const CITY = '310000000000';
const HUANGPU = '310101000000';

let city: TestNode;
let district: TestNode;
beforeAll(async () => {
  const child = enrol('huangpu-hub', 'district', HUANGPU);
  city = await startNode({ id: 'city-hub', role: 'city', code: CITY, seed: true, children: [child.entry] });
  // The district's uplink runs on Beidou short messages: narrow, so degraded by nature.
  district = await startNode({ id: 'huangpu-hub', role: 'district', code: HUANGPU, parent: city, channel: 'beidou', dataDir: child.dataDir });
}, 120_000);
afterAll(async () => {
  await district?.stop();
  await city?.stop();
});

const view = async (node: TestNode) => (await node.core.handlers['network:view']({})) as NetworkView;
const row = async (node: TestNode, code: string) => (await view(node)).rows.find((entry) => entry.code === code);

describe('network status through the console API', () => {
  it('shows a child on Beidou as degraded, on the channel it reports itself', async () => {
    const seen = await until('huangpu degraded at the city', () => row(city, HUANGPU), (entry) => entry?.state === 'degraded' && entry.channel === 'beidou', 30_000);
    expect(seen).toMatchObject({ onBackup: true, primaryChannel: 'fibre', backupChannel: 'satellitePhone', source: 'measured' });
    const alarms = await until('the alarm at the city', () => city.core.handlers['network:alarms']({ limit: 100 }), (list) => list.some((alarm) => alarm.code === HUANGPU));
    expect(alarms.find((alarm) => alarm.code === HUANGPU)).toMatchObject({ severity: 'degraded', open: true });
    // The district sees itself on its narrow uplink as degraded too, not standalone.
    expect(await until('huangpu degraded at huangpu', () => row(district, HUANGPU), (entry) => entry?.state === 'degraded')).toMatchObject({ source: 'self' });
  });

  it('keeps local samples of each link for its chart', async () => {
    const samples = await until('samples of huangpu on Beidou', () => city.core.handlers['network:samples']({ code: HUANGPU, hours: 1 }), (list) => list.length >= 2 && list.at(-1)?.state === 'degraded', 20_000);
    expect(samples.at(-1)).toMatchObject({ code: HUANGPU, state: 'degraded', channel: 'beidou' });
    expect(samples.at(-1)!.rttMs).toBeGreaterThanOrEqual(0);
    expect(samples.at(-1)!.clockOffsetMs).not.toBeNull();
  });

  it('imports a topology file whole, or refuses it naming its lines and stores nothing', async () => {
    const bad = await dispatch(city.core.handlers, 'network:importTopology', {
      fileName: 'topology.csv', format: 'csv',
      text: 'code,parentCode,name,kind,primaryChannel\nsite-hp-depot,310101000000,黄浦物资库,depot,fibre\nsite-hp-post,310101000000,外滩前沿指挥所,fieldPost,pigeon\n',
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('INVALID_ARGUMENT');
      expect(bad.error.message).toContain('line 3: primaryChannel is not valid');
      expect(bad.error.message).toContain('第 3 行');
      expect(bad.error.message).toContain('nothing was imported');
    }
    expect((await view(city)).rows.some((entry) => entry.code === 'site-hp-depot')).toBe(false);
    const audit = await city.core.store.query('audit.recent', { limit: 5 });
    expect(audit.some((line) => line.action === 'topology import refused')).toBe(true);

    const good = await dispatch(city.core.handlers, 'network:importTopology', {
      fileName: 'topology.json', format: 'json',
      text: JSON.stringify([
        { code: 'site-hp-depot', parentCode: HUANGPU, name: '黄浦物资库', nameEn: 'Huangpu depot', kind: 'depot', primaryChannel: 'privateWireless', backupChannel: 'beidou', lon: 121.48, lat: 31.22 },
        { code: HUANGPU, backupChannel: 'adHoc' },
      ]),
    });
    expect(good).toEqual({ ok: true, result: { imported: 2 } });
    const rows = (await view(city)).rows;
    expect(rows.find((entry) => entry.code === 'site-hp-depot')).toMatchObject({ kind: 'depot', parentCode: HUANGPU, depth: 2, state: 'unknown', primaryChannel: 'privateWireless' });
    expect(rows.find((entry) => entry.code === HUANGPU)).toMatchObject({ backupChannel: 'adHoc', state: 'degraded' });
  });

  it('lets the administrator edit one uplink, refusing an edit that breaks the tree', async () => {
    const edited = await city.core.handlers['network:editLink']({ code: '310101002000', primaryChannel: 'privateWireless', backupChannel: 'satellitePhone' });
    expect(edited).toMatchObject({ toCode: '310101002000', primaryChannel: 'privateWireless', backupChannel: 'satellitePhone' });
    const refused = await dispatch(city.core.handlers, 'network:editLink', { code: '310101002000', parentCode: '310104000000' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('the parent of 310101002000 can only be 310101000000');
    // The topology travels down like any op: the district learns it too.
    await until('the edit at the district', () => row(district, '310101002000'), (entry) => entry?.primaryChannel === 'privateWireless', 20_000);
  });

  it('records a switch of channel as an event, and sees the district up again on fibre', async () => {
    await district.stop();
    district = await startNode({ id: 'huangpu-hub', role: 'district', code: HUANGPU, parent: city, channel: 'fibre', dataDir: district.dataDir });
    const events = await until('the channel switch at the city', () => city.core.handlers['network:events']({ limit: 50 }), (list) => list.some((event) => event.kind === 'channelSwitched'), 20_000);
    expect(events.find((event) => event.kind === 'channelSwitched')).toMatchObject({ code: HUANGPU, channel: 'fibre', previousChannel: 'beidou', by: 'huangpu-hub' });
    expect(await until('huangpu up on fibre at the city', () => row(city, HUANGPU), (entry) => entry?.state === 'up' && entry.channel === 'fibre', 20_000)).toMatchObject({ onBackup: false });
    const cleared = (await city.core.handlers['network:alarms']({ limit: 100 })).find((alarm) => alarm.code === HUANGPU);
    expect(cleared).toMatchObject({ open: false });
  });

  it('acknowledges an alarm once, and says so for an alarm that does not exist', async () => {
    const alarm = (await city.core.handlers['network:alarms']({ limit: 100 })).find((entry) => entry.code === HUANGPU)!;
    const first = await city.core.handlers['network:acknowledge']({ alarmId: alarm.alarmId, note: 'Beidou 正常' });
    expect(first.acknowledged).toMatchObject({ by: 'city-hub', note: 'Beidou 正常' });
    // The district, another hall, acknowledging the same alarm after the city leaves the first acknowledgement standing, on both sides.
    await until('the city\'s acknowledgement at the district', () => district.core.handlers['network:alarms']({ limit: 100 }),
      (list) => list.some((entry) => entry.alarmId === alarm.alarmId && entry.acknowledged?.by === 'city-hub'), 20_000);
    const second = await district.core.handlers['network:acknowledge']({ alarmId: alarm.alarmId, note: 'later' });
    expect(second.acknowledged).toMatchObject({ by: 'city-hub', note: 'Beidou 正常' });
    const events = await until('both acknowledgements at the city', () => city.core.handlers['network:events']({ limit: 100 }),
      (list) => list.filter((event) => event.alarmId === alarm.alarmId && event.kind === 'acknowledged').length === 2, 20_000);
    expect(events.filter((event) => event.kind === 'acknowledged').map((event) => event.by).sort()).toEqual(['city-hub', 'huangpu-hub']);
    expect((await city.core.handlers['network:alarms']({ limit: 100 })).find((entry) => entry.alarmId === alarm.alarmId)!.acknowledged).toMatchObject({ by: 'city-hub' });
    const missing = await dispatch(city.core.handlers, 'network:acknowledge', { alarmId: 'net-310101000000-1' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('NOT_FOUND');
  });
});
