import fs from 'node:fs';
import net from 'node:net';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { encodeHlc } from '../../shared/sync/hlc.ts';
import type { Op } from '../../shared/sync/op.ts';
import { encodeBatch, toWire } from '../../electron/core/sync/codec.ts';
import { loadOrCreateNodeKeys } from '../../electron/core/sync/nodeKeys.ts';
import { enrol, startNode, until, type TestNode } from './syncNodes.ts';
import { SyncPeer } from './syncPeer.ts';

const CITY = '310000000000';
const HUANGPU = '310101000000';
const XUHUI = '310104000000';
const STREET = '310101002000';
const BEIDOU_STREET = '310101015000';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let city: TestNode;
let district: TestNode;
let street: TestNode;
let beidou: TestNode;
const rogue = enrol('rogue-street', 'street', '310101013000');

const report = (node: TestNode, nodeCode: string, title: string) =>
  node.core.handlers['incidents:report']({ title, type: 'flood', level: 'III', nodeCode, exercise: true });
const incidentTitles = async (node: TestNode) => (await node.core.handlers['incidents:list']({})).map((i) => i.title).sort();
const auditActions = async (node: TestNode) => (await node.core.store.query('audit.recent', { limit: 50 })).map((row) => row.action);

beforeAll(async () => {
  const districtEnrol = enrol('hp-hub', 'district', HUANGPU);
  const streetEnrol = enrol('hp-street', 'street', STREET);
  const beidouEnrol = enrol('hp-beidou', 'street', BEIDOU_STREET);
  city = await startNode({ id: 'city-hub', role: 'city', code: CITY, children: [districtEnrol.entry], seed: true });
  district = await startNode({ id: 'hp-hub', role: 'district', code: HUANGPU, parent: city, children: [streetEnrol.entry, rogue.entry, beidouEnrol.entry], dataDir: districtEnrol.dataDir });
  street = await startNode({ id: 'hp-street', role: 'street', code: STREET, parent: district, dataDir: streetEnrol.dataDir });
  beidou = await startNode({ id: 'hp-beidou', role: 'street', code: BEIDOU_STREET, parent: district, dataDir: beidouEnrol.dataDir, channel: 'beidou', budgetBytesPerMinute: 3500 });
  await until('links up', () => street.core.handlers['sync:status']({}), (s) => s.state === 'online');
  await until('links up', () => district.core.handlers['sync:status']({}), (s) => s.state === 'online');
}, 60_000);

afterAll(async () => {
  for (const node of [beidou, street, district, city]) await node?.stop();
  for (const node of [beidou, street, district, city]) if (node) fs.rmSync(node.dataDir, { recursive: true, force: true });
});

describe('sync between a city hub, a district hub and a street console', () => {
  it('carries a street\'s city-wide report up to the city, and the city\'s down to the street', async () => {
    await report(street, CITY, 'street: levee seepage');
    await report(city, CITY, 'city: typhoon order');
    await until('both on every node', () => Promise.all([city, district, street].map(incidentTitles)),
      (lists) => lists.every((list) => list.includes('street: levee seepage') && list.includes('city: typhoon order')));
  });

  it('sends a child only what lies in its scope: a sibling district\'s incident never reaches the street', async () => {
    await report(city, XUHUI, 'xuhui only');
    await report(city, HUANGPU, 'huangpu district');
    await until('district has its own', () => incidentTitles(district), (titles) => titles.includes('huangpu district'));
    await until('street has its district\'s', () => incidentTitles(street), (titles) => titles.includes('huangpu district'));
    expect(await incidentTitles(district)).not.toContain('xuhui only');
    expect(await incidentTitles(street)).not.toContain('xuhui only');
    expect(await incidentTitles(city)).toContain('xuhui only');
  });

  it('ends with each child equal to its parent\'s share of the data, checked by checksum', async () => {
    await until('no outbox', () => Promise.all([district, street].map((n) => n.core.handlers['sync:status']({}))), (all) => all.every((s) => s.outbox === 0));
    const results = await until('verified', () => district.core.sync.verifyChildren(), (r) => r.some((x) => x.peer === 'hp-street'));
    expect(results.find((r) => r.peer === 'hp-street')).toEqual({ peer: 'hp-street', equal: true });
    expect((await city.core.sync.verify(HUANGPU)).checksum).toBe((await district.core.sync.verify()).checksum);
    expect((await city.core.sync.verify(HUANGPU)).checksum).not.toBe((await city.core.sync.verify()).checksum);
  });

  it('delivers a write made while the link is reading its lane, with no later write to wake it', async () => {
    // Each burst's last write may land while the link is still reading the lane for an earlier
    // one; it must still go down on its own, not wait for the next write.
    for (let burst = 0; burst < 25; burst++) {
      const writes = [];
      for (let i = 0; i < 4; i++) {
        writes.push(report(city, HUANGPU, `burst ${burst}.${i}`));
        await new Promise((resolve) => setTimeout(resolve, burst % 5));
      }
      await Promise.all(writes);
      await until(`burst ${burst} on the district`, () => incidentTitles(district), (titles) => titles.includes(`burst ${burst}.3`), 5_000);
    }
  });

  it('shows each link with its measured round trip and the peers\' vectors', async () => {
    const status = await until('measured', () => street.core.handlers['sync:status']({}), (s) => s.links[0]?.rttMs !== null);
    expect(status.links).toHaveLength(1);
    expect(status.links[0]).toMatchObject({ peer: 'hp-hub', relation: 'parent', role: 'district', state: 'online', channel: 'fibre' });
    expect(status.links[0]!.rttMs).toBeGreaterThanOrEqual(0);
    expect(status.outboxByPriority).toEqual([0, 0, 0, 0, 0]);
    expect(status.newestFromParentAt).not.toBeNull();
    const peers = await until('vectors', () => district.core.handlers['sync:peers']({}), (links) => links.every((l) => l.state === 'offline' || Object.keys(l.vector).length > 0));
    expect(peers.map((l) => [l.peer, l.relation, l.state])).toEqual([['city-hub', 'parent', 'online'], ['hp-street', 'child', 'online'], ['rogue-street', 'child', 'offline'], ['hp-beidou', 'child', 'online']]);
  });

  it('carries live positions up, latest value only, and drops those a child reports outside its scope', async () => {
    const at = Date.now();
    const batch = (lon: number, t: number) => ({ ids: ['team-hp-1', 'team-xh-9'], kinds: [0, 0], lon: [lon, 121.43], lat: [31.23, 31.18], at: [t, t], nodeCode: [STREET, XUHUI] });
    await street.core.handlers['positions:report'](batch(121.48, at - 2000));
    await street.core.handlers['positions:report'](batch(121.49, at - 1000));
    const snapshot = await until('position at the district', () => district.core.handlers['positions:snapshot']({}), (b) => b.ids.includes('team-hp-1') && b.lon[b.ids.indexOf('team-hp-1')] === 121.49);
    expect(snapshot.ids).not.toContain('team-xh-9');
    await until('audited', () => auditActions(district), (actions) => actions.includes('positions refused: out of scope'));
    await until('position at the city', () => city.core.handlers['positions:snapshot']({}), (b) => b.ids.includes('team-hp-1'));
  });

  it('raises an alarm when a child\'s data differ while sync reports nothing to send (silent divergence)', async () => {
    // Damage the street's copy behind the sync's back, as a disk fault or a hand edit would.
    const db = new Database(`${street.dataDir}/console.db`);
    db.prepare("UPDATE incidents SET body = json_set(body, '$.title', 'tampered') WHERE json_extract(body, '$.title') = 'city: typhoon order'").run();
    db.close();
    const results = await district.core.sync.verifyChildren();
    expect(results.find((r) => r.peer === 'hp-street')).toEqual({ peer: 'hp-street', equal: false });
    const status = await district.core.handlers['sync:status']({});
    expect(status.alarms.find((a) => a.kind === 'divergence')).toMatchObject({ peer: 'hp-street' });
    expect(await auditActions(district)).toContain('divergence detected');
  });
});

describe('a street cut off from its district', () => {
  it('keeps working, counts its outbox by priority, and delivers it when the district returns', async () => {
    const port = await freePort();
    const streetEnrol = enrol('xh-street', 'street', '310104003000');
    const districtSpec = { id: 'xh-hub', role: 'district' as const, code: XUHUI, port, children: [streetEnrol.entry] };
    let hub = await startNode(districtSpec);
    const streetNode = await startNode({ id: 'xh-street', role: 'street', code: '310104003000', parent: hub, dataDir: streetEnrol.dataDir });
    try {
      await until('online', () => streetNode.core.handlers['sync:status']({}), (s) => s.state === 'online');
      const hubDir = hub.dataDir;
      await hub.stop();
      await until('offline', () => streetNode.core.handlers['sync:status']({}), (s) => s.state === 'offline');
      await streetNode.core.store.write([{ entity: 'incident', key: 'xh-offline-1', kind: 'upsert', scope: '310104003000',
        body: { id: 'xh-offline-1', title: 'written while cut off', type: 'fire', level: 'IV', status: 'reported', nodeCode: '310104003000', reportedAt: new Date().toISOString(), exercise: true } }]);
      // The incident waits at P1. The street's own watch may also have recorded the lost link (a P0
      // status op) by now, depending on timing, so P0 is not counted here.
      const offline = await until('outbox counted', () => streetNode.core.handlers['sync:status']({}), (s) => s.outboxByPriority[1] === 1);
      expect(offline.outboxByPriority.slice(1)).toEqual([1, 0, 0, 0]);
      expect(offline.links[0]).toMatchObject({ peer: 'xh-hub', state: 'offline' });
      hub = await startNode({ ...districtSpec, dataDir: hubDir });
      await until('delivered', () => hub.core.store.query('entity.get', { entity: 'incident', key: 'xh-offline-1' }), (row) => row !== null, 20_000);
      await until('outbox empty', () => streetNode.core.handlers['sync:status']({}), (s) => s.outbox === 0 && s.state === 'online', 20_000);
    } finally {
      await streetNode.stop();
      await hub.stop();
    }
  }, 60_000);
});

describe('a narrow channel (Beidou short messages)', () => {
  it('sends only P0 ops, one signed message each within its budget, and holds the rest until the link widens', async () => {
    const alertBody = {
      id: 'alert-narrow-1', sender: 'hp-beidou', sent: new Date().toISOString(), status: 'Exercise', msgType: 'Alert', scope: 'Public',
      event: '内涝 waterlogging', severity: 'Severe', urgency: 'Immediate', certainty: 'Observed', languages: ['zh-CN', 'en'], groups: ['public'],
      areas: [{ description: '黄浦 外滩', codes: [BEIDOU_STREET] }], exercise: true,
    };
    await beidou.core.store.write([{ entity: 'alert', key: alertBody.id, kind: 'insert', body: alertBody, scope: BEIDOU_STREET }]);
    await report(beidou, BEIDOU_STREET, 'narrow: incident waits');
    await until('alert crossed', () => district.core.store.query('entity.get', { entity: 'alert', key: 'alert-narrow-1' }), (row) => row !== null);
    const status = await until('outbox counted', () => beidou.core.handlers['sync:status']({}), (s) => s.outboxByPriority[0] === 0 && s.outboxByPriority[1] === 2); // the incident and its first timeline entry wait
    expect(status.state).toBe('degraded');
    expect(status.links[0]).toMatchObject({ channel: 'beidou', state: 'degraded' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await incidentTitles(district)).not.toContain('narrow: incident waits');
  });
});

describe('a hub refuses what it cannot trust, audits it and stores nothing', () => {
  /** Connects to the district's /sync as `id` with the key in `keyDir`; resolves with the socket once welcomed, or the close code. */
  async function connectAs(id: string, code: string, keyDir: string): Promise<{ ws: WebSocket; peer: SyncPeer; welcomed: boolean; code?: number }> {
    const { peer, welcomed } = await SyncPeer.connect(`ws://127.0.0.1:${district.host.port}`, { nodeId: id, nodeCode: code, role: 'street', keyDir });
    return welcomed ? { ws: peer.ws, peer, welcomed } : { ws: peer.ws, peer, welcomed, code: await peer.whenClosed() };
  }

  const rogueOp = (seq: number, scope: string, hlc = encodeHlc({ wallMs: Date.now(), counter: 0 })): Op => ({
    id: `rogue-street:${seq}`, origin: 'rogue-street', seq, hlc, schema: 1, entity: 'incident', key: `rogue-${seq}`, kind: 'upsert',
    body: { id: `rogue-${seq}`, title: `rogue ${seq}`, type: 'fire', level: 'IV', status: 'reported', nodeCode: scope === '*' ? CITY : scope, reportedAt: new Date().toISOString(), exercise: true },
    priority: 1, scope,
  });

  it('closes an unknown node\'s connection and audits it', async () => {
    const stranger = enrol('stranger', 'street', '310101013000');
    const result = await connectAs('stranger', '310101013000', stranger.dataDir);
    expect(result).toMatchObject({ welcomed: false, code: 4403 });
    await until('audited', () => auditActions(district), (actions) => actions.includes('connection refused'));
  });

  it('refuses a known node that signs with another key', async () => {
    const impostor = enrol('impostor-keys', 'street', '310101013000');
    const result = await connectAs('rogue-street', '310101013000', impostor.dataDir);
    expect(result).toMatchObject({ welcomed: false, code: 4403 });
  });

  it('drops a frame with a bad signature and a malformed frame, storing nothing', async () => {
    const before = (await district.core.sync.verify()).opCount;
    const { ws, welcomed } = await connectAs('rogue-street', '310101013000', rogue.dataDir);
    expect(welcomed).toBe(true);
    const closed = new Promise<number>((resolve) => ws.on('close', resolve));
    const forged = await encodeBatch(1, 1, JSON.stringify([toWire(rogueOp(1, '310101013000'))]), loadOrCreateNodeKeys(enrol('forger', 'street', STREET).dataDir).privateKey);
    ws.send(forged);
    expect(await closed).toBe(1006);
    await until('audited', () => auditActions(district), (actions) => actions.includes('frame refused'));
    expect((await district.core.sync.verify()).opCount).toBe(before);
  });

  it('accepts a child\'s ops inside its scope and refuses, per op, those outside it', async () => {
    const before = await incidentTitles(district);
    const { ws, peer } = await connectAs('rogue-street', '310101013000', rogue.dataDir);
    const ops = [rogueOp(1, '310101013000'), rogueOp(2, XUHUI), rogueOp(3, STREET)];
    await peer.sendOps(ops, 1, 3);
    expect(await peer.ack(1, 3)).toMatchObject({ lane: 1, upTo: 3 });
    const after = await incidentTitles(district);
    expect(after.filter((t) => !before.includes(t))).toEqual(['rogue 1']);
    expect(await auditActions(district)).toContain('ops refused: out of scope');
    ws.close();
  });

  it('quarantines ops stamped more than 5 minutes ahead instead of applying them, and does not move its clock', async () => {
    const { ws } = await connectAs('rogue-street', '310101013000', rogue.dataDir);
    const ahead = rogueOp(4, '310101013000', encodeHlc({ wallMs: Date.now() + 10 * 60_000, counter: 0 }));
    ws.send(await encodeBatch(1, 4, JSON.stringify([toWire(ahead)]), loadOrCreateNodeKeys(rogue.dataDir).privateKey));
    const status = await until('quarantined', () => district.core.handlers['sync:status']({}), (s) => s.quarantined === 1);
    expect(status.alarms.some((a) => a.kind === 'clock' && a.peer === 'rogue-street')).toBe(true);
    expect(await incidentTitles(district)).not.toContain('rogue 4');
    // A local write after it is still stamped with our own time, not ten minutes on.
    const local = await report(district, HUANGPU, 'after quarantine');
    const ops = await district.core.store.query('ops.range', { origin: 'hp-hub', afterSeq: 0, limit: 10_000 });
    const stamp = ops.find((op) => op.key === local.id)!.hlc;
    expect(parseInt(stamp.slice(0, 12), 16)).toBeLessThan(Date.now() + 60_000);
    ws.close();
  });
});
