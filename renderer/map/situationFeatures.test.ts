import { describe, expect, it } from 'vitest';
import type LineString from 'ol/geom/LineString.js';
import type MultiPolygon from 'ol/geom/MultiPolygon.js';
import type Point from 'ol/geom/Point.js';
import type Polygon from 'ol/geom/Polygon.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import type { Alert } from '../../shared/domain/alert.ts';
import type { Boundary } from '../../shared/domain/boundary.ts';
import type { CommandNode } from '../../shared/domain/commandNode.ts';
import type { LinkStatus } from '../../shared/ipc/contract.ts';
import { featureDetails } from './details.ts';
import { selectionOf } from './features.ts';
import { alertFeatures, commandNodeFeatures, isRiskArea, linkFeatures, nodePlaces, placeOf } from './situationFeatures.ts';

const square = (lon: number, lat: number, size: number) => [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]] as [number, number][][];
const district = (code: string, name: string, lon: number, lat: number): Boundary => ({
  code, name, nameEn: `${name} District`, level: 'district', source: 'test',
  geometry: { type: 'MultiPolygon', coordinates: [square(lon, lat, 0.2), square(lon + 0.5, lat, 0.01)] },
});
const CITY = '310000000000';
const HUANGPU = '310101000000';
const PUDONG = '310115000000';
const boundaries = [district(HUANGPU, '黄浦区', 121.4, 31.2), district(PUDONG, '浦东新区', 121.6, 31.0)];
const node = (code: string, level: CommandNode['level'], name: string): CommandNode => ({ code, level, name, parentCode: level === 'city' ? null : CITY, exercise: false });
const nodes = [node(CITY, 'city', '上海市'), node(HUANGPU, 'district', '黄浦区'), node(PUDONG, 'district', '浦东新区'), node('310101013000', 'street', '外滩街道')];

const lonLat = (coordinate: number[]) => toLonLat(coordinate).map((value) => Math.round(value * 1000) / 1000);

const link = (peer: string, nodeCode: string, state: LinkStatus['state'], channel: LinkStatus['channel'] = 'fibre'): LinkStatus => ({
  peer, relation: 'child', role: 'district', nodeCode, state, channel, rttMs: 42, loss: 0, throughputBps: null, outbox: [1, 0, 2, 0, 0],
  vector: {}, lastSeenAt: '2026-01-01T02:00:00.000Z', newestDataAt: null,
});

const alert = (overrides: Partial<Alert>): Alert => ({
  id: 'a-1', sender: '气象台', sent: '2026-01-01T01:00:00.000Z', status: 'Exercise', msgType: 'Alert', scope: 'Public',
  event: '台风橙色预警', severity: 'Severe', urgency: 'Expected', certainty: 'Likely', languages: ['zh-CN'], groups: [],
  areas: [{ description: '沿海', codes: [PUDONG] }], exercise: true, ...overrides,
});

describe('command nodes and links', () => {
  const places = nodePlaces(boundaries, CITY);

  it('puts each district inside its largest polygon and the city in the middle of all districts', () => {
    expect(lonLat(places.get(HUANGPU)!)).toEqual([121.5, 31.3]);
    expect(lonLat(places.get(PUDONG)!)).toEqual([121.7, 31.1]);
    // Districts span 121.4–122.11 E, 31.0–31.4 N.
    const [lon, lat] = lonLat(places.get(CITY)!);
    expect(lon).toBeCloseTo(121.755, 2);
    expect(lat).toBeCloseTo(31.2, 2);
  });

  it('draws the city and districts, not streets, and flags the local node', () => {
    const features = commandNodeFeatures(nodes, places, HUANGPU);
    expect(features.map((feature) => feature.getId())).toEqual([`node:${CITY}`, `node:${HUANGPU}`, `node:${PUDONG}`]);
    expect(features.map((feature) => (selectionOf(feature) as { local: boolean }).local)).toEqual([false, true, false]);
  });

  it('runs a line from this node to each peer with a known place; a street peer goes to its district', () => {
    const names = new Map(nodes.map((n) => [n.code, n]));
    const features = linkFeatures([
      link('pd-hub', PUDONG, 'online'),
      link('hp-street', '310101013000', 'degraded', 'beidou'),
      link('nowhere', '320100000000', 'offline'),
    ], CITY, places, names);
    expect(features.map((feature) => feature.getId())).toEqual(['link:pd-hub', 'link:hp-street']);
    const [toPudong, toStreet] = features.map((feature) => (feature.getGeometry() as LineString).getCoordinates().map(lonLat));
    expect(toPudong![0]).toEqual(lonLat(places.get(CITY)!));
    expect(toPudong![1]).toEqual([121.7, 31.1]);
    expect(toStreet![1]).toEqual([121.5, 31.3]);
    const selection = selectionOf(features[1]!);
    expect(selection).toMatchObject({ kind: 'link', record: { state: 'degraded', channel: 'beidou' }, peerNode: { name: '外滩街道' } });
  });

  it('draws no links when this node has no place, and none of no length', () => {
    expect(linkFeatures([link('p', PUDONG, 'online')], undefined, places)).toEqual([]);
    expect(linkFeatures([link('p', PUDONG, 'online')], '440100000000', places)).toEqual([]);
    // A street console's link to its own district starts and ends at the same place.
    expect(linkFeatures([link('hp', HUANGPU, 'online')], '310101013000', places)).toEqual([]);
  });

  it('finds a street by its own boundary when one was imported', () => {
    const street: Boundary = { ...district('310101013000', '外滩街道', 121.49, 31.23), level: 'street' };
    const withStreet = nodePlaces([...boundaries, street], CITY);
    expect(placeOf('310101013000', withStreet)).toEqual(withStreet.get('310101013000'));
    expect(placeOf('310101013000', withStreet)).not.toEqual(withStreet.get(HUANGPU));
    expect(placeOf('not-a-code', withStreet)).toBeUndefined();
  });

  it('shows a link\'s state, channel and round trip in the details panel', () => {
    const [feature] = linkFeatures([link('pd-hub', PUDONG, 'degraded', 'satphone')], CITY, places, new Map(nodes.map((n) => [n.code, n])));
    const details = featureDetails(selectionOf(feature!)!, 'zh-CN');
    expect(details.title).toBe('浦东新区');
    expect(details.rows.find((row) => row.testId === 'detail-link-state')?.value).toBe('降级');
    expect(details.rows.find((row) => row.testId === 'detail-channel')?.value).toBe('卫星电话');
    expect(featureDetails(selectionOf(feature!)!, 'en').rows.map((row) => row.value)).toContain('42 ms');
  });
});

describe('alert areas', () => {
  it('draws an area by its polygon when it has one', () => {
    const ring: [number, number][] = [[121.44, 31.2], [121.5, 31.2], [121.5, 31.3], [121.44, 31.2]];
    const [feature, ...rest] = alertFeatures([alert({ areas: [{ description: '中心城区', codes: [PUDONG], polygon: ring }] })], boundaries);
    expect(rest).toHaveLength(0);
    const geometry = feature!.getGeometry() as Polygon;
    expect(geometry.getType()).toBe('Polygon');
    expect(geometry.getCoordinates()[0]!.map(lonLat)).toEqual(ring);
    expect(feature!.getId()).toBe('alert:a-1:0');
  });

  it('else by the boundaries of its codes, a street by its district, an unknown code by nothing', () => {
    const features = alertFeatures([alert({
      areas: [
        { description: '沿海', codes: [PUDONG, '310101013000'] },
        { description: '外省', codes: ['320100000000'] },
      ],
    })], boundaries);
    expect(features).toHaveLength(1);
    const geometry = features[0]!.getGeometry() as MultiPolygon;
    expect(geometry.getPolygons()).toHaveLength(4);
    const centre = (geometry.getPolygons()[0]!.getInteriorPoint() as Point).getCoordinates().slice(0, 2);
    expect(lonLat(centre)).toEqual([121.7, 31.1]);
    expect(geometry.containsXY(...(fromLonLat([121.5, 31.3]) as [number, number]))).toBe(true);
  });

  it('leaves cancellations off the map', () => {
    expect(alertFeatures([alert({ msgType: 'Cancel' })], boundaries)).toEqual([]);
  });

  it('shows the event, severity and area in the details panel, in either language', () => {
    const typhoon = alert({ texts: [{ language: 'zh-CN', headline: '演练：台风', instruction: '回港避风' }, { language: 'en', headline: 'Exercise: typhoon' }] });
    const [feature] = alertFeatures([typhoon], boundaries);
    const zh = featureDetails(selectionOf(feature!)!, 'zh-CN');
    expect(zh).toMatchObject({ kind: '预警', title: '台风橙色预警', subtitle: '演练：台风' });
    expect(zh.rows.find((row) => row.testId === 'detail-severity')?.value).toBe('严重（Severe）');
    expect(zh.rows.find((row) => row.testId === 'detail-alert-area')?.value).toBe('沿海');
    expect(featureDetails(selectionOf(feature!)!, 'en').subtitle).toBe('Exercise: typhoon');
  });

  it('words urgency and certainty in the details panel, in either language', () => {
    const [feature] = alertFeatures([alert({ urgency: 'Immediate', certainty: 'Observed' })], boundaries);
    const value = (locale: 'zh-CN' | 'en', testId: string) => featureDetails(selectionOf(feature!)!, locale).rows.find((row) => row.testId === testId)?.value;
    expect(value('zh-CN', 'detail-urgency')).toBe('立即行动（Immediate）');
    expect(value('zh-CN', 'detail-certainty')).toBe('已发生（Observed）');
    expect(value('en', 'detail-urgency')).toBe('Immediate');
    expect(value('en', 'detail-certainty')).toBe('Observed');
  });
});

describe('risk areas', () => {
  it('are the named areas whose purpose is risk; older areas without a purpose are not', () => {
    expect(isRiskArea({ purpose: 'risk' })).toBe(true);
    expect(isRiskArea({ purpose: 'evacuation' })).toBe(false);
    expect(isRiskArea({})).toBe(false);
  });
});
