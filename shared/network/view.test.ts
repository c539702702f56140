import { describe, expect, it } from 'vitest';
import type { CommandNode } from '../domain/commandNode.ts';
import type { NetworkLink } from '../domain/network.ts';
import { buildTopology } from './topology.ts';
import { networkView, type LocalObservation } from './view.ts';

const CITY = '310000000000';
const HUANGPU = '310101000000';
const XUHUI = '310104000000';
const HP_STREET = '310101002000';
const XH_STREET = '310104003000';
const node = (code: string, level: CommandNode['level'], parentCode: string | null): CommandNode => ({ code, level, name: code, parentCode, exercise: false });
const NODES = [node(CITY, 'city', null), node(HUANGPU, 'district', CITY), node(XUHUI, 'district', CITY), node(HP_STREET, 'street', HUANGPU), node(XH_STREET, 'street', XUHUI)];
const NOW = Date.parse('2026-12-01T10:00:00Z');
const observed = (code: string, state: LocalObservation['state']): LocalObservation => ({
  code, state, channel: 'fibre', rttMs: 2, loss: 0, throughputBps: 100, opsBehind: 0, lastContactAt: NOW - 500, clockOffsetMs: 3, at: NOW,
});
const reported = (code: string, state: NetworkLink['state']): NetworkLink => ({ id: code, toCode: code, state, stateAt: '2026-12-01T09:59:00.000Z', observedBy: 'x', exercise: false });
const byCode = (rows: ReturnType<typeof networkView>['rows']) => new Map(rows.map((row) => [row.code, row]));

describe('networkView', () => {
  const topology = buildTopology(NODES, []);

  it('shows a node never heard from as unknown, not up', () => {
    const rows = byCode(networkView(CITY, topology, [], [observed(CITY, 'up')], NOW).rows);
    expect(rows.get(CITY)).toMatchObject({ state: 'up', source: 'self', depth: 0 });
    expect(rows.get(HUANGPU)).toMatchObject({ state: 'unknown', source: 'none', reachable: true, channel: null });
  });

  it('at the city: a cut district is down and its streets unreachable through it', () => {
    const rows = byCode(networkView(CITY, topology, [reported(HP_STREET, 'up')], [observed(CITY, 'up'), observed(HUANGPU, 'down'), observed(XUHUI, 'up')], NOW).rows);
    expect(rows.get(HUANGPU)).toMatchObject({ state: 'down', reachable: false, cutAt: HUANGPU, source: 'measured' });
    expect(rows.get(HP_STREET)).toMatchObject({ state: 'up', reachable: false, cutAt: HUANGPU, source: 'reported' });
    expect(rows.get(XUHUI)).toMatchObject({ state: 'up', reachable: true });
  });

  it('at the district: it runs standalone, the city and the other district are beyond its cut uplink', () => {
    const rows = byCode(networkView(HUANGPU, topology, [], [observed(HUANGPU, 'standalone'), observed(CITY, 'down'), observed(HP_STREET, 'up')], NOW).rows);
    expect(rows.get(HUANGPU)).toMatchObject({ state: 'standalone', reachable: true });
    expect(rows.get(HP_STREET)).toMatchObject({ state: 'up', reachable: true });
    expect(rows.get(CITY)).toMatchObject({ state: 'down', reachable: false, cutAt: HUANGPU });
    expect(rows.get(XH_STREET)).toMatchObject({ reachable: false, cutAt: HUANGPU });
  });

  it('at the city: a street cut below its district shows down through the district\'s report', () => {
    const rows = byCode(networkView(CITY, topology, [reported(HP_STREET, 'down')], [observed(CITY, 'up'), observed(HUANGPU, 'up')], NOW).rows);
    expect(rows.get(HP_STREET)).toMatchObject({ state: 'down', source: 'reported', reachable: false, cutAt: HP_STREET });
  });

  it('puts rows in tree order and flags a node on its backup channel', () => {
    const links: NetworkLink[] = [{ id: XUHUI, toCode: XUHUI, channel: 'satellitePhone', state: 'degraded', exercise: false }];
    const view = networkView(CITY, topology, links, [observed(CITY, 'up')], NOW);
    expect(view.rows.map((row) => row.code)).toEqual([CITY, HUANGPU, HP_STREET, XUHUI, XH_STREET]);
    expect(byCode(view.rows).get(XUHUI)).toMatchObject({ channel: 'satellitePhone', onBackup: true, primaryChannel: 'fibre' });
  });

  it('adds the administrator\'s sites under their parent', () => {
    const site: NetworkLink = { id: 'site-depot-1', toCode: 'site-depot-1', fromCode: HUANGPU, name: '黄浦物资库', siteKind: 'depot', primaryChannel: 'privateWireless', backupChannel: 'adHoc', exercise: false };
    const view = networkView(CITY, buildTopology(NODES, [site]), [site], [], NOW);
    expect(byCode(view.rows).get('site-depot-1')).toMatchObject({ kind: 'depot', parentCode: HUANGPU, depth: 2, primaryChannel: 'privateWireless', backupChannel: 'adHoc', state: 'unknown' });
  });
});
