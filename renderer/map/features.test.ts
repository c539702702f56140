import { describe, expect, it } from 'vitest';
import type LineString from 'ol/geom/LineString.js';
import type Point from 'ol/geom/Point.js';
import type { Boundary } from '../../shared/domain/boundary.ts';
import type { HazardTrack } from '../../shared/domain/hazardTrack.ts';
import type { Shelter, Team } from '../../shared/domain/resources.ts';
import { featureDetails } from './details.ts';
import { boundaryFeatures, LABEL_POINT, selectionOf, shelterFeatures, teamFeatures, TIME_LABEL, trackFeatures } from './features.ts';

const square = (lon: number, lat: number, size: number) => [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]] as [number, number][][];

const minhang: Boundary = {
  code: '310112000000', name: '闵行区', nameEn: 'Minhang District', level: 'district', source: 'test',
  geometry: { type: 'MultiPolygon', coordinates: [square(121.3, 31.0, 0.2), square(121.6, 31.0, 0.01)] },
};

const track: HazardTrack = {
  id: 'track-1', kind: 'tropicalCyclone', number: '2106', name: 'In-fa', source: 'CMA',
  points: [
    { time: '2021-07-23T06:00:00Z', category: 4, lat: 25.4, lon: 124, pressureHpa: 960, windMs: 40 },
    { time: '2021-07-23T00:00:00Z', category: 5, lat: 24.6, lon: 125, pressureHpa: 950, windMs: 45 },
    { time: '2021-07-25T00:00:00Z', category: 4, lat: 29.7, lon: 122.3, pressureHpa: 965, windMs: 38 },
  ],
};

describe('feature building', () => {
  it('builds districts in web mercator with the label in the largest polygon', () => {
    const [feature, ...rest] = boundaryFeatures([minhang, { ...minhang, code: '310000000000', level: 'city' }]);
    expect(rest).toHaveLength(0);
    expect(feature!.getId()).toBe('310112000000');
    const extent = feature!.getGeometry()!.getExtent();
    expect(extent[0]).toBeGreaterThan(13_000_000);
    const label = (feature!.get(LABEL_POINT) as Point).getCoordinates();
    expect(label[0]).toBeGreaterThan(extent[0]!);
    // Inside the big square, not on the small island to its east.
    expect(label[0]).toBeLessThan(extent[0]! + 0.2 * 111_320);
    expect(selectionOf(feature!)).toEqual({ kind: 'district', record: minhang });
  });

  it('draws only teams with a position', () => {
    const team = { id: 'team-1', name: '闵行消防', kind: 'fireRescue', size: 30, capabilities: [], status: 'available', districtCode: '310112000000', exercise: false } satisfies Team;
    expect(teamFeatures([team, { ...team, id: 'team-2', position: { lon: 121.4, lat: 31.1 } }]).map((f) => f.getId())).toEqual(['team-2']);
  });

  it('builds a track line in time order and a dot per point, every other one labelled', () => {
    const features = trackFeatures([track]);
    expect(features).toHaveLength(4);
    const line = features[0]!;
    expect(selectionOf(line)?.kind).toBe('track');
    const dots = features.slice(1);
    expect(dots.map((f) => f.get(TIME_LABEL))).toEqual([true, false, true]);
    const first = selectionOf(dots[0]!);
    expect(first?.kind === 'trackPoint' && first.record.points[first.index]!.windMs).toBe(45);
  });
});

// A storm recurving east of the date line, stored as CMA's 1795, 1805 and 2439 (tenths °E) become.
const eastward: HazardTrack = {
  id: 'cma-2024-s30', kind: 'tropicalCyclone', number: 'serial 30', name: '(nameless)', source: 'CMA',
  points: [
    { time: '2024-09-01T00:00:00Z', category: 1, lat: 30, lon: 179.5, pressureHpa: 1000, windMs: 15 },
    { time: '2024-09-01T06:00:00Z', category: 1, lat: 31, lon: -179.5, pressureHpa: 1000, windMs: 15 },
    { time: '2024-09-01T12:00:00Z', category: 2, lat: 32, lon: -116.1, pressureHpa: 998, windMs: 18 },
  ],
};

/** Web-mercator x as degrees east, without OpenLayers' wrapping back into −180..180. */
const lonOfX = (x: number) => (x / 6378137) * (180 / Math.PI);

describe('tracks across the date line', () => {
  it('draws the line on past 180°E, never back across the whole world, with each dot on it', () => {
    const [line, ...dots] = trackFeatures([eastward]);
    const vertices = (line!.getGeometry() as LineString).getCoordinates().map((c) => lonOfX(c[0]!));
    expect(vertices.map((lon) => Math.round(lon * 10) / 10)).toEqual([179.5, 180.5, 243.9]);
    // One world is about 40,075 km of x in web mercator; the short way is about 700 km per step here.
    const xs = (line!.getGeometry() as LineString).getCoordinates().map((c) => c[0]!);
    expect(Math.abs(xs[1]! - xs[0]!)).toBeLessThan(200_000);
    expect(dots.map((dot) => (dot.getGeometry() as Point).getCoordinates()[0])).toEqual(xs);
  });

  it('keeps a track wholly east of 180° next to Asia rather than a world away', () => {
    const far: HazardTrack = { ...eastward, points: eastward.points.slice(1) };
    const [line] = trackFeatures([far]);
    expect((line!.getGeometry() as LineString).getCoordinates().map((c) => Math.round(lonOfX(c[0]!) * 10) / 10)).toEqual([180.5, 243.9]);
  });

  it('shows a fix east of the date line as a west longitude in the details', () => {
    const details = featureDetails({ kind: 'trackPoint', record: eastward, index: 2 }, 'zh-CN');
    expect(details.rows.find((row) => row.testId === 'detail-position')?.value).toBe('32.0°N 116.1°W');
    expect(featureDetails({ kind: 'trackPoint', record: eastward, index: 0 }, 'en').rows.find((row) => row.testId === 'detail-position')?.value).toBe('30.0°N 179.5°E');
  });
});

describe('featureDetails', () => {
  it('shows a shelter with both names, capacity and occupancy', () => {
    const shelter: Shelter = {
      id: 'shelter-1', name: '闵行体育公园', nameEn: 'Minhang Sports Park', districtCode: '310112000000', usableAreaM2: 2001,
      occupancy: 250, state: 'open', facilities: [], location: { lon: 121.4, lat: 31.1 }, exercise: false,
    };
    const details = featureDetails(selectionOf(shelterFeatures([shelter])[0]!)!, 'zh-CN');
    expect(details.title).toBe('闵行体育公园');
    expect(details.subtitle).toBe('Minhang Sports Park');
    expect(details.rows.find((row) => row.testId === 'detail-capacity')?.value).toBe('1000 人');
    expect(details.rows.find((row) => row.testId === 'detail-occupancy')?.value).toBe('250 人（25%）');
    expect(featureDetails({ kind: 'shelter', record: shelter }, 'en').title).toBe('Minhang Sports Park');
  });

  it('shows a track point with its time, category in both languages, wind and pressure', () => {
    const details = featureDetails({ kind: 'trackPoint', record: track, index: 1 }, 'en');
    const value = (id: string) => details.rows.find((row) => row.testId === id)?.value;
    expect(value('detail-time')).toBe('07-23 08h Beijing time');
    expect(value('detail-category')).toBe('强台风 / Severe typhoon');
    expect(value('detail-wind')).toBe('45 m/s');
    expect(value('detail-pressure')).toBe('950 hPa');
  });

  it('shows a district code and a depot reserve type', () => {
    expect(featureDetails({ kind: 'district', record: minhang }, 'en').rows[0]).toEqual({ label: 'Code', value: '310112000000' });
    const depot = { id: 'depot-1', name: '闵行储备库', owner: 'x', districtCode: '310112000000', reserveType: 'physical', location: { lon: 121.4, lat: 31.1 }, exercise: true } as const;
    const rows = featureDetails({ kind: 'depot', record: depot }, 'zh-CN').rows.map((row) => row.value);
    expect(rows).toContain('实物储备');
    expect(rows).toContain('演练');
  });
});
