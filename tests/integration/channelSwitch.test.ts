import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../shared/ipc/roles.ts';
import type { OpDraft } from '../../shared/sync/op.ts';
import { enrol, startNode, until, type TestNode } from './syncNodes.ts';

// Issue 13's failover without a restart: the fibre is cut, the duty officer moves the uplink to
// Beidou; only P0 crosses, the switch is recorded, and back on fibre the rest follows.
const CITY = '310000000000';
const XUHUI = '310104000000';
const DUTY: Caller = { userId: 'duty-zhou', name: '周值班', role: 'duty' };
const VIEWER: Caller = { userId: 'wall', name: '大屏', role: 'viewer' };
let city: TestNode;
let district: TestNode;

beforeAll(async () => {
  const districtEnrol = enrol('xh-switch-hub', 'district', XUHUI);
  city = await startNode({ id: 'city-switch-hub', role: 'city', code: CITY, children: [districtEnrol.entry] });
  district = await startNode({ id: 'xh-switch-hub', role: 'district', code: XUHUI, parent: city, dataDir: districtEnrol.dataDir, budgetBytesPerMinute: 3500 });
  await until('link up', () => district.core.handlers['sync:status']({}), (status) => status.state === 'online');
}, 60_000);

afterAll(async () => {
  for (const node of [district, city]) await node?.stop();
  for (const node of [district, city]) if (node) fs.rmSync(node.dataDir, { recursive: true, force: true });
});

describe('switching the uplink channel while running', () => {
  it('carries only P0 on Beidou, records the switch with who made it, and sends the rest back on fibre', async () => {
    expect(await district.core.call(VIEWER, 'network:setChannel', { channel: 'beidou' }, 'test')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await city.core.call(DUTY, 'network:setChannel', { channel: 'beidou' }, 'test')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    expect(await district.core.call(DUTY, 'network:setChannel', { channel: 'beidou' }, 'test')).toEqual({ ok: true, result: { channel: 'beidou' } });
    const narrow = await until('back online on Beidou', () => district.core.handlers['sync:status']({}), (status) => status.state !== 'offline' && status.links[0]?.channel === 'beidou');
    expect(narrow.links[0]).toMatchObject({ channel: 'beidou', state: 'degraded' });

    const at = new Date().toISOString();
    const bulk: OpDraft[] = Array.from({ length: 30 }, (_, index) => ({
      entity: 'incident', key: `switch-${index}`, kind: 'upsert', scope: XUHUI,
      body: { id: `switch-${index}`, title: `held ${index}`, type: 'flood', level: 'IV', status: 'reported', nodeCode: XUHUI, reportedAt: at, exercise: true },
    }));
    await district.core.store.write(bulk);
    const alert = {
      id: 'switch-alert', identifier: 'switch-alert', sender: 'xh-switch-hub', sent: at, status: 'Exercise', msgType: 'Alert', scope: 'Public',
      event: '暴雨', severity: 'Severe', urgency: 'Immediate', certainty: 'Likely', languages: ['zh-CN'], groups: ['public'],
      texts: [{ language: 'zh-CN', headline: '徐汇区暴雨橙色预警' }], areas: [{ description: '徐汇区', codes: [XUHUI] }], exercise: true,
    };
    await district.core.store.write([{ entity: 'alert', key: alert.id, kind: 'upsert', scope: XUHUI, body: alert, priority: 0 }]);
    await until('the alert at the city', () => city.core.store.query('entity.get', { entity: 'alert', key: 'switch-alert' }), (row) => row !== null, 30_000);
    expect(await city.core.store.query('entity.get', { entity: 'incident', key: 'switch-0' })).toBeNull();
    expect((await district.core.handlers['sync:status']({})).outboxByPriority[1]).toBeGreaterThanOrEqual(30);

    // The switch is a network event at the city, with the channel before it; the audit names the officer.
    const events = await until('the switch at the city', () => city.core.handlers['network:events']({ limit: 100 }),
      (list) => list.some((event) => event.kind === 'channelSwitched' && event.channel === 'beidou'), 30_000);
    expect(events.find((event) => event.kind === 'channelSwitched' && event.channel === 'beidou')).toMatchObject({ code: XUHUI, previousChannel: 'fibre' });
    const audit = await district.core.store.query('audit.recent', { limit: 50 });
    expect(audit.find((row: { action: string }) => row.action === 'uplink channel switched')).toMatchObject({ actor: '周值班 (duty-zhou)' });

    expect(await district.core.call(DUTY, 'network:setChannel', { channel: 'fibre' }, 'test')).toEqual({ ok: true, result: { channel: 'fibre' } });
    await until('the held incidents at the city', () => city.core.handlers['incidents:list']({}), (list) => list.filter((incident) => incident.id.startsWith('switch-')).length === 30, 30_000);
    const wide = await until('outbox empty on fibre', () => district.core.handlers['sync:status']({}), (status) => status.outbox === 0 && status.links[0]?.channel === 'fibre', 30_000);
    expect(wide.links[0]?.state).toBe('online');
  }, 120_000);
});
