import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../shared/ipc/contract.ts';
import { CITY, dataTables, GOOD_STREET_CODE, HUANGPU, incidentOp, PUDONG, rawOp, SyncNetwork, until, XUHUI } from './syncNetwork.ts';

/**
 * Issue 10, the sync side, replayed against real hub processes: each attack is refused, audited,
 * stores nothing (the checksums `verify --json` prints do not move) and the hub keeps serving.
 */
let network: SyncNetwork;
const XUHUI_DEPOT = 'demo-depot-310104-1';
const HUANGPU_DEPOT = 'demo-depot-310101-1';

beforeAll(async () => {
  // Quarantined ops expire after 7 s here, so the expiry can be watched within the test.
  network = await SyncNetwork.start(['--quarantine-expiry-hours', '0.002']);
  await network.stillServing('start');
}, 120_000);

afterAll(async () => {
  await network?.stop();
});

const actions = (which: 'city' | 'district', after: number) => network.audit(which, after).map((row) => row.action);
const unchanged = (before: VerifyReport, after: VerifyReport) => {
  expect(dataTables(after)).toEqual(dataTables(before));
};

/** Upgrades a raw TCP socket to /sync, then writes `bytes` as they are; resolves when the hub closes it. */
function rawFrameAfterUpgrade(port: number, bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(['GET /sync HTTP/1.1', `Host: 127.0.0.1:${port}`, 'Upgrade: websocket', 'Connection: Upgrade',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13', '', ''].join('\r\n'));
    });
    let seen = '';
    socket.on('data', (chunk) => {
      const first = seen === '';
      seen += chunk.toString('latin1');
      if (first && seen.startsWith('HTTP/1.1 101')) socket.write(bytes);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(seen));
    setTimeout(() => { socket.destroy(); reject(new Error('the hub kept a socket open that sent an unmasked frame')); }, 10_000);
  });
}

describe('finding 1: one bad frame never stops a hub', () => {
  it('closes only the socket that sends an unmasked frame before any handshake, and audits it', async () => {
    const before = await network.verify('city');
    const auditFrom = network.lastAuditId('city');
    const unmasked = Buffer.from([0x81, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f]);
    const reply = await rawFrameAfterUpgrade(network.city.port, unmasked);
    expect(reply.startsWith('HTTP/1.1 101')).toBe(true);
    await rawFrameAfterUpgrade(network.district.port, unmasked);
    expect(network.city.running).toBe(true);
    expect(network.district.running).toBe(true);
    await until('the refusal to be audited', () => network.audit('city', auditFrom), (rows) =>
      rows.some((row) => row.action === 'connection refused' && (row.detail as { reason?: string }).reason === 'WS_ERR_EXPECTED_MASK'));
    unchanged(before, await network.verify('city'));
    await network.stillServing('an unmasked frame');
  });

  it('drops an authenticated child that sends a frame over the size cap, and nothing else', async () => {
    const auditFrom = network.lastAuditId('city');
    const rogue = await network.connect('rogue-district');
    rogue.ws.send(Buffer.alloc(33 * 1024 * 1024, 1));
    // 1009 when the close frame gets out before the socket is cut, 1006 when it does not.
    expect([1006, 1009]).toContain(await rogue.whenClosed());
    expect(network.city.running).toBe(true);
    await until('the dropped link to be audited', () => actions('city', auditFrom), (list) => list.includes('link dropped: bad frame'));
    await network.stillServing('an oversized frame');
  });
});

describe('finding 2: scope is checked on the row an op touches, bodies against their schema, issuers by level', () => {
  it('refuses a district\'s ops on another district\'s depot, a city-wide alert and a malformed incident, storing none', async () => {
    const before = await network.verify('city');
    const auditFrom = network.lastAuditId('city');
    const rogue = await network.connect('rogue-district');
    const now = new Date().toISOString();
    await rogue.sendOps([
      // Labelled with its own scope, aimed at 徐汇's depot: rename it and move it to 0,0.
      rawOp({ origin: 'pudong', seq: 1, entity: 'depot', key: XUHUI_DEPOT, kind: 'patch', body: { name: 'pwned', location: { lon: 0, lat: 0 } }, scope: PUDONG }),
      // −1,000,000 on 徐汇's depot.
      rawOp({ origin: 'pudong', seq: 2, entity: 'stockMovement', key: 'mv-drain', kind: 'insert', priority: 2, scope: PUDONG,
        body: { id: 'mv-drain', depotId: XUHUI_DEPOT, itemId: 'water-bottled', delta: -1_000_000, reason: 'adjustment', at: now } }),
      // An Actual warning for the whole city, from a district.
      rawOp({ origin: 'pudong', seq: 3, entity: 'alert', key: 'alert-fake', kind: 'insert', priority: 0, scope: '*', body: {
        id: 'alert-fake', sender: 'pudong', sent: now, status: 'Actual', msgType: 'Alert', scope: 'Public', event: '全市撤离', severity: 'Extreme',
        urgency: 'Immediate', certainty: 'Observed', languages: ['zh-CN'], groups: [], areas: [{ description: '全市', codes: [CITY] }] } }),
      // title: 12345, level: "ZZZ".
      rawOp({ origin: 'pudong', seq: 4, entity: 'incident', key: 'bad-incident', kind: 'upsert', scope: PUDONG,
        body: { id: 'bad-incident', title: 12345, type: 'flood', level: 'ZZZ', status: 'reported', nodeCode: PUDONG, reportedAt: now, exercise: false } }),
    ], 1, 4);
    // Refused ops are acknowledged (they are never coming back), not applied.
    expect(await rogue.ack(1, 4)).not.toBeNull();
    rogue.close();
    const audited = await until('the refusals to be audited', () => network.audit('city', auditFrom), (rows) => rows.filter((row) => row.action.startsWith('ops refused')).length >= 3);
    const refusals = audited.filter((row) => row.action.startsWith('ops refused'));
    expect(refusals.map((row) => row.action).sort()).toEqual(['ops refused: invalid body', 'ops refused: not this level\'s to issue', 'ops refused: out of scope']);
    const scope = refusals.find((row) => row.action === 'ops refused: out of scope')!.detail as { count: number; first: { op: string; reason: string }[] };
    expect(scope.count).toBe(2);
    expect(scope.first[0]!.reason).toContain(`belongs to ${XUHUI}`);
    unchanged(before, await network.verify('city'));
    const depot = (await network.call('city', 'resources:listDepots', {})).find((d) => d.id === XUHUI_DEPOT)!;
    expect(depot.name).not.toBe('pwned');
    expect((await network.call('city', 'alerts:list', {})).map((a) => a.id)).not.toContain('alert-fake');
    await network.stillServing('scope attacks');
  });

  it('refuses a street\'s city-wide Actual alert and its edits to its district\'s depot at the district hub', async () => {
    const before = await network.verify('district');
    const auditFrom = network.lastAuditId('district');
    const rogue = await network.connect('rogue-street');
    const now = new Date().toISOString();
    await rogue.sendOps([
      rawOp({ origin: 'hp-rogue', seq: 1, entity: 'alert', key: 'street-alert', kind: 'insert', priority: 0, scope: '*', body: {
        id: 'street-alert', sender: 'hp-rogue', sent: now, status: 'Actual', msgType: 'Alert', scope: 'Public', event: '全市撤离', severity: 'Extreme',
        urgency: 'Immediate', certainty: 'Observed', languages: ['zh-CN'], groups: [], areas: [{ description: '全市', codes: [CITY] }] } }),
      rawOp({ origin: 'hp-rogue', seq: 2, entity: 'depot', key: HUANGPU_DEPOT, kind: 'patch', body: { location: { lon: 0, lat: 0 } }, scope: HUANGPU }),
    ], 0, 2);
    expect(await rogue.ack(0, 2)).not.toBeNull();
    rogue.close();
    const rows = await until('refusals audited', () => network.audit('district', auditFrom), (list) => list.some((row) => row.action === 'ops refused: not this level\'s to issue'));
    const detail = rows.find((row) => row.action === 'ops refused: not this level\'s to issue')!.detail as { count: number; first: { reason: string }[] };
    expect(detail.count).toBe(2);
    expect(detail.first.map((f) => f.reason)).toEqual(['a street may not issue a city-wide alert', 'a street may not patch a depot']);
    unchanged(before, await network.verify('district'));
    await network.stillServing('a street\'s alert');
  });
});

describe('finding 3: origins cannot be forged', () => {
  it('refuses ops under a sibling\'s origin, the receiver\'s own and a node in another subtree, and the real op still arrives', async () => {
    const before = await network.verify('city');
    const auditFrom = network.lastAuditId('city');
    const huangpuNext = ((await network.call('city', 'sync:verify', {})).vector.huangpu ?? 0) + 1;
    const cityNext = ((await network.call('city', 'sync:verify', {})).vector.city ?? 0) + 1;
    const rogue = await network.connect('rogue-district');
    await rogue.sendOps([
      incidentOp('huangpu', huangpuNext, HUANGPU, 'forged as huangpu'),
      incidentOp('city', cityNext, CITY, 'forged as the city'),
      incidentOp('hp-good', 999, GOOD_STREET_CODE, 'forged as a huangpu street'),
    ], 1, 3);
    expect(await rogue.ack(1, 3)).not.toBeNull();
    rogue.close();
    const rows = await until('origin refusals audited', () => network.audit('city', auditFrom), (list) => list.some((row) => row.action === 'ops refused: origin not the sender\'s'));
    expect((rows.find((row) => row.action === 'ops refused: origin not the sender\'s')!.detail as { count: number }).count).toBe(3);
    unchanged(before, await network.verify('city'));
    // 黄浦's own next op, with the id the forger tried to take, is not shadowed by it.
    await network.stillServing('forged origins');
    const titles = (await network.call('city', 'incidents:list', {})).map((incident) => incident.title);
    expect(titles).not.toContain('forged as huangpu');
    expect(titles).toContain('district after forged origins');
  });

  it('refuses a street that relays another node\'s ops', async () => {
    const auditFrom = network.lastAuditId('district');
    const rogue = await network.connect('rogue-street');
    await rogue.sendOps([incidentOp('hp-good', 500, GOOD_STREET_CODE, 'relayed by a street'), incidentOp('huangpu', 900, HUANGPU, 'as my district')], 1, 5);
    expect(await rogue.ack(1, 5)).not.toBeNull();
    rogue.close();
    await until('audited', () => actions('district', auditFrom), (list) => list.includes('ops refused: origin not the sender\'s'));
    expect((await network.call('district', 'incidents:list', {})).map((i) => i.title)).not.toContain('relayed by a street');
  });
});

describe('finding 5: control messages are authenticated', () => {
  it('drops a child that sends an unsigned or replayed control message, and audits it', async () => {
    const auditFrom = network.lastAuditId('city');
    const unsigned = await network.connect('rogue-district');
    unsigned.ws.send(JSON.stringify({ t: 'ack', lane: 0, upTo: 1e9 }));
    await unsigned.whenClosed();
    const replayer = await network.connect('rogue-district');
    replayer.sendControl({ t: 'ping', id: 1 });
    const sealed = replayer.seal({ t: 'ack', lane: 0, upTo: 0 });
    replayer.ws.send(sealed);
    replayer.ws.send(sealed);
    await replayer.whenClosed();
    const rows = await until('refusals audited', () => network.audit('city', auditFrom), (list) => list.filter((row) => row.action === 'message refused').length >= 2);
    const reasons = rows.filter((row) => row.action === 'message refused').map((row) => (row.detail as { reason: string }).reason);
    expect(reasons).toEqual(expect.arrayContaining(['not a signed control message', expect.stringContaining('replayed or out of order')]));
    await network.stillServing('forged control messages');
  });
});

describe('finding 9 (clocks): a fast peer does not drag the hub\'s clock, and held ops are the operator\'s to release', () => {
  it('applies an op 4 min 50 s ahead by its own stamp, but stamps its next write with its own time', async () => {
    const rogue = await network.connect('rogue-district');
    const ahead = Date.now() + (4 * 60 + 50) * 1000;
    await rogue.sendOps([incidentOp('pudong', 10, PUDONG, 'from a fast clock', ahead)], 1, 10);
    expect(await rogue.ack(1, 10)).not.toBeNull();
    rogue.close();
    await network.call('city', 'incidents:report', { title: 'city after the fast clock', type: 'fire', level: 'IV', nodeCode: CITY, exercise: true });
    const written = Date.now();
    expect(network.newestOwnStamp('city', 'city')).toBeLessThanOrEqual(written + 1000);
    expect((await network.call('city', 'incidents:list', {})).map((i) => i.title)).toContain('from a fast clock');
  });

  it('holds ops more than 5 minutes ahead; the operator discards one and releases another, the third expires; all audited', async () => {
    const before = await network.verify('city');
    const auditFrom = network.lastAuditId('city');
    const rogue = await network.connect('rogue-district');
    const ahead = Date.now() + 10 * 60_000;
    await rogue.sendOps([11, 12, 13].map((seq) => incidentOp('pudong', seq, PUDONG, `held ${seq}`, ahead)), 1, 13);
    expect(await rogue.ack(1, 13)).not.toBeNull();
    rogue.close();
    const held = await network.call('city', 'sync:quarantine', {});
    expect(held.map((op) => op.id)).toEqual(['pudong:11', 'pudong:12', 'pudong:13']);
    expect(held[0]).toMatchObject({ entity: 'incident', via: 'pudong', scope: PUDONG });
    expect(held[0]!.driftMs).toBeGreaterThan(9 * 60_000);
    unchanged(before, await network.verify('city'));
    expect(await network.call('city', 'sync:discardQuarantine', { ids: ['pudong:11'] })).toEqual({ done: ['pudong:11'], missing: [] });
    expect(await network.call('city', 'sync:releaseQuarantine', { ids: ['pudong:12', 'pudong:11'] })).toEqual({ done: ['pudong:12'], missing: ['pudong:11'] });
    const titles = (await network.call('city', 'incidents:list', {})).map((i) => i.title);
    expect(titles).toContain('held 12');
    expect(titles).not.toContain('held 11');
    await until('the last held op to expire', () => network.call('city', 'sync:quarantine', {}), (list) => list.length === 0, 20_000);
    expect((await network.call('city', 'incidents:list', {})).map((i) => i.title)).not.toContain('held 13');
    expect(actions('city', auditFrom)).toEqual(expect.arrayContaining(['ops quarantined: clock ahead', 'quarantine discarded by operator', 'quarantine released by operator', 'quarantine expired']));
    // Releasing applies the op by its own stamp: this node's own next write is still stamped now.
    await network.call('city', 'incidents:report', { title: 'city after release', type: 'fire', level: 'IV', nodeCode: CITY, exercise: true });
    expect(network.newestOwnStamp('city', 'city')).toBeLessThanOrEqual(Date.now() + 1000);
  }, 60_000);

  it('refuses a release request that names no op, in words for the duty officer', async () => {
    await expect(network.call('city', 'sync:releaseQuarantine', { ids: [] })).rejects.toThrow(/INVALID_ARGUMENT/);
  });
});

