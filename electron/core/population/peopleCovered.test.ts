import { describe, expect, it } from 'vitest';
import type { AlertArea } from '../../../shared/domain/alert.ts';
import { loadRegionPack } from '../seed/regionPack.ts';
import { PopulationTables } from './populationTables.ts';
import { coveredAreaByDistrict, estimate, multiPolygonAreaKm2, peopleCovered, type DistrictRef } from './peopleCovered.ts';
import { bboxOf, type Position } from '../seed/geometry.ts';

const pack = loadRegionPack();
const districts: DistrictRef[] = pack.districts.map((district) => ({
  code: district.code, name: district.name, ...(district.nameEn ? { nameEn: district.nameEn } : {}), geometry: district.geometry.coordinates,
  streets: pack.streets.filter((street) => street.districtCode === district.code).map((street) => street.code),
}));
const rows = new PopulationTables('/nonexistent').current().rows;
const HUANGPU = '310101000000';
const area = (part: Partial<AlertArea>): AlertArea => ({ description: 'test', codes: [], ...part });
const huangpu = districts.find((district) => district.code === HUANGPU)!;

describe('people covered by an alert', () => {
  it('counts a district named by code whole, and the city as all its districts', () => {
    expect(peopleCovered([area({ codes: [HUANGPU] })], districts, rows)).toMatchObject({ people: 662_030, parts: [{ code: HUANGPU, method: 'whole', share: 1 }], missing: [] });
    expect(peopleCovered([area({ codes: ['310000000000'] })], districts, rows)!.people).toBe(24_870_895);
  });

  it('counts a street without its own figure as an even share of its district, and says so', () => {
    const covered = peopleCovered([area({ codes: ['310101002000'] })], districts, rows)!;
    expect(huangpu.streets.length).toBeGreaterThan(5);
    expect(covered.parts.find((part) => part.code === HUANGPU)!.people).toBe(estimate(662_030 / huangpu.streets.length));
    expect(covered.parts[0]!.method).toBe('evenShare');
    expect(covered.sources).toEqual([{ source: expect.stringContaining('Census'), asOf: '2020-11-01' }]);
  });

  it('counts a drawn shape by the share of each district it covers, never more than the district', () => {
    // A box around the whole of Huangpu covers all of it and slivers of its neighbours.
    const box = bboxOf(huangpu.geometry!);
    const ring: Position[] = [[box.minLon, box.minLat], [box.maxLon, box.minLat], [box.maxLon, box.maxLat], [box.minLon, box.maxLat], [box.minLon, box.minLat]];
    const covered = peopleCovered([area({ polygon: ring })], districts, rows)!;
    const part = covered.parts.find((p) => p.code === HUANGPU)!;
    expect(part.share).toBeGreaterThan(0.97);
    expect(part.people).toBeLessThanOrEqual(662_030);
    expect(covered.parts.length).toBeGreaterThan(1);
    expect(covered.parts.every((p) => p.method === 'area' && p.share > 0 && p.share <= 1)).toBe(true);
  });

  it('measures a circle of 1 km within a district as about π km² of it', () => {
    const centre = { lon: 121.4870, lat: 31.2200 }; // 老西门–董家渡, well inside Huangpu
    const km2 = coveredAreaByDistrict([area({ circles: [{ ...centre, radiusKm: 1 }] })], districts).get(HUANGPU)!;
    expect(km2).toBeGreaterThan(Math.PI * 0.97);
    expect(km2).toBeLessThan(Math.PI * 1.03);
    const covered = peopleCovered([area({ circles: [{ ...centre, radiusKm: 1 }] })], districts, rows)!;
    expect(covered.parts.find((part) => part.code === HUANGPU)!.people).toBe(estimate(662_030 * Math.min(1, km2 / multiPolygonAreaKm2(huangpu.geometry!))));
  });

  it('takes a 100,000-point outline (an imported hostile or very detailed area) in one pass', () => {
    const centre = { lon: 121.4870, lat: 31.2200 };
    const ring: Position[] = Array.from({ length: 100_000 }, (_, index) => {
      const angle = (index / 100_000) * 2 * Math.PI;
      return [centre.lon + (1 / (111.32 * Math.cos(centre.lat * Math.PI / 180))) * Math.cos(angle), centre.lat + (1 / 111.32) * Math.sin(angle)];
    });
    ring.push(ring[0]!);
    const started = performance.now();
    const km2 = coveredAreaByDistrict([area({ polygon: ring })], districts).get(HUANGPU)!;
    console.log(`100,000-point polygon: covered area in ${Math.round(performance.now() - started)} ms`);
    expect(km2).toBeGreaterThan(Math.PI * 0.97);
    expect(km2).toBeLessThan(Math.PI * 1.03);
  });

  it('counts overlapping shapes of one alert once, and an area outside the region not at all', () => {
    const circle = { lon: 121.4737, lat: 31.2304, radiusKm: 1 };
    const once = peopleCovered([area({ circles: [circle] })], districts, rows)!.people;
    expect(peopleCovered([area({ circles: [circle] }), area({ circles: [circle] })], districts, rows)!.people).toBe(once);
    expect(peopleCovered([area({ circles: [{ lon: -97.5, lat: 35.4, radiusKm: 30 }] })], districts, rows)).toBeNull();
    expect(peopleCovered([area({ codes: ['440300000000'] })], districts, rows)).toBeNull();
  });

  it('says which districts have no figure when the table lacks them', () => {
    const partial = new Map([...rows].filter(([code]) => code !== HUANGPU));
    const covered = peopleCovered([area({ codes: [HUANGPU, '310104000000'] })], districts, partial)!;
    expect(covered.missing).toEqual([HUANGPU]);
    expect(covered.people).toBe(1_113_078);
  });

  it('puts Huangpu at about its published area (20.5 km²)', () => {
    // The simplified boundary is close to, not exactly, the official 20.46 km².
    expect(multiPolygonAreaKm2(huangpu.geometry!)).toBeGreaterThan(18);
    expect(multiPolygonAreaKm2(huangpu.geometry!)).toBeLessThan(23);
  });
});
