import { describe, expect, it } from 'vitest';
import type { LinkStatus } from '../../shared/ipc/contract.ts';
import type { NetworkNodeRow } from '../../shared/network/view.ts';
import { networkMapLinks } from './networkLinks.ts';

const row = (code: string, parentCode: string | null, state: NetworkNodeRow['state'], kind: NetworkNodeRow['kind'] = 'district'): NetworkNodeRow => ({
  code, name: code, kind, parentCode, depth: 1, state, reachable: true, cutAt: null, channel: 'satellitePhone', primaryChannel: 'fibre', backupChannel: 'satellitePhone',
  onBackup: true, rttMs: 40, loss: null, opsBehind: 3, lastContactAt: null, clockOffsetMs: null, stateAt: null, source: 'reported',
});
const own: LinkStatus = {
  peer: 'hp-hub', relation: 'child', role: 'district', nodeCode: '310101000000', state: 'online', channel: 'fibre', rttMs: 2, loss: 0, throughputBps: 10,
  outbox: [0, 0, 0, 0, 0], vector: {}, lastSeenAt: null, newestDataAt: null,
};

describe('networkMapLinks', () => {
  it('colours this node\'s own link by the network\'s state, keeping its live measurements', () => {
    const [link] = networkMapLinks([own], [row('310101000000', '310000000000', 'degraded')], '310000000000');
    expect(link).toMatchObject({ peer: 'hp-hub', state: 'degraded', channel: 'satphone', rttMs: 2 });
  });

  it('keeps this node\'s own links and adds every other uplink from its parent, coloured by state', () => {
    const links = networkMapLinks([own], [
      row('310000000000', null, 'up', 'city'), row('310101000000', '310000000000', 'up'), row('310104000000', '310000000000', 'down'),
      row('310104003000', '310104000000', 'degraded', 'street'), row('310115000000', '310000000000', 'unknown'),
    ], '310000000000');
    expect(links.map((link) => [link.nodeCode, link.fromCode, link.state, link.channel])).toEqual([
      ['310101000000', undefined, 'online', 'satphone'],
      ['310104000000', '310000000000', 'offline', 'satphone'],
      ['310104003000', '310104000000', 'degraded', 'satphone'],
    ]);
  });
});
