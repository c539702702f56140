import type { AlertArea } from '../../../shared/domain/alert.ts';
import { isWithin, levelOfCode } from '../../../shared/domain/codes.ts';
import type { PeopleCovered, PeoplePart } from '../../../shared/ipc/contracts/alerts.ts';
import { peopleOf, type PopulationRow } from '../../../shared/population/populationTable.ts';
import { bboxOf, type BBox, type MultiPolygonCoordinates, type Position } from '../seed/geometry.ts';

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;
/** Sample points per side of the shapes' bounding box: about 1% error on a district-sized shape. */
const GRID = 240;

/** An estimate is given to the hundred: more digits would claim a precision the method does not have. */
export const estimate = (people: number): number => Math.round(people / 100) * 100;

export interface DistrictRef { code: string; name: string; nameEn?: string; geometry: MultiPolygonCoordinates | null; streets: string[] }

/** Area on the sphere of a ring, km² (the same formula OpenLayers' getArea uses). */
export function ringAreaKm2(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i += 1) {
    const [lon1, lat1] = ring[i]!;
    const [lon2, lat2] = ring[(i + 1) % ring.length]!;
    sum += (lon2 - lon1) * RAD * (2 + Math.sin(lat1 * RAD) + Math.sin(lat2 * RAD));
  }
  return Math.abs((sum * EARTH_RADIUS_KM * EARTH_RADIUS_KM) / 2);
}

export function multiPolygonAreaKm2(polygons: MultiPolygonCoordinates): number {
  return polygons.reduce((total, [exterior, ...holes]) =>
    total + (exterior ? ringAreaKm2(exterior) : 0) - holes.reduce((sum, hole) => sum + ringAreaKm2(hole), 0), 0);
}

interface Shapes { rings: Position[][]; circles: { centre: Position; radiusKm: number }[] }

function shapesOf(areas: readonly AlertArea[]): Shapes {
  const rings: Position[][] = [];
  const circles: Shapes['circles'] = [];
  for (const area of areas) {
    if (area.polygon) rings.push(area.polygon as Position[]);
    for (const ring of area.morePolygons ?? []) rings.push(ring as Position[]);
    for (const circle of area.circles ?? []) if (circle.radiusKm > 0) circles.push({ centre: [circle.lon, circle.lat], radiusKm: circle.radiusKm });
  }
  return { rings, circles };
}

function shapesBox({ rings, circles }: Shapes): BBox | null {
  if (rings.length === 0 && circles.length === 0) return null;
  const box = rings.length ? bboxOf(rings.map((ring) => [ring])) : { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const { centre: [lon, lat], radiusKm } of circles) {
    const dLat = radiusKm / 111.32;
    const dLon = radiusKm / (111.32 * Math.max(0.01, Math.cos(lat * RAD)));
    box.minLon = Math.min(box.minLon, lon - dLon); box.maxLon = Math.max(box.maxLon, lon + dLon);
    box.minLat = Math.min(box.minLat, lat - dLat); box.maxLat = Math.max(box.maxLat, lat + dLat);
  }
  return box;
}

/** Longitudes where a row at `lat` crosses the rings' edges, sorted: inside runs between pairs (even-odd). */
function crossings(rings: readonly (readonly Position[])[], lat: number): number[] {
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x1, y1] = ring[j]!;
      const [x2, y2] = ring[i]!;
      if (y1 > lat !== y2 > lat) xs.push(x1 + ((lat - y1) * (x2 - x1)) / (y2 - y1));
    }
  }
  return xs.sort((a, b) => a - b);
}

interface Row { lat: number; minLon: number; step: number; columns: number }

/** Marks the row's sample columns whose centres lie between lon `from` and `to`. */
function mark(cells: Uint8Array | Int16Array, row: Row, from: number, to: number, value: number): void {
  const first = Math.max(0, Math.ceil((from - row.minLon) / row.step - 0.5));
  const last = Math.min(row.columns - 1, Math.floor((to - row.minLon) / row.step - 0.5));
  for (let column = first; column <= last; column += 1) cells[column] = value;
}

function markRings(cells: Uint8Array | Int16Array, row: Row, rings: readonly (readonly Position[])[], value: number): void {
  const xs = crossings(rings, row.lat);
  for (let k = 0; k + 1 < xs.length; k += 2) mark(cells, row, xs[k]!, xs[k + 1]!, value);
}

/** The longitudes within `radiusKm` (on the sphere) of a centre, along the row's latitude. */
function markCircle(cells: Uint8Array, row: Row, [lon, lat]: Position, radiusKm: number): void {
  const phi = row.lat * RAD;
  const phi0 = lat * RAD;
  const cosine = (Math.cos(radiusKm / EARTH_RADIUS_KM) - Math.sin(phi0) * Math.sin(phi)) / (Math.cos(phi0) * Math.cos(phi));
  if (cosine > 1 || !Number.isFinite(cosine)) return;
  const halfWidth = Math.acos(Math.max(-1, cosine)) / RAD;
  mark(cells, row, lon - halfWidth, lon + halfWidth, 1);
}

/**
 * The area (km²) of each district that the drawn shapes cover, sampled on a grid over the part
 * of the shapes' bounding box that the districts reach: the union of every polygon and circle of
 * the alert, counted once where they overlap. Each sample stands for its cell's true area on the
 * sphere. Row by row, edge crossings give the runs inside each shape and each district, so the
 * cost grows with rows × edges, not samples × edges: a 100,000-point polygon stays fast.
 */
export function coveredAreaByDistrict(areas: readonly AlertArea[], districts: readonly DistrictRef[]): Map<string, number> {
  const shapes = shapesOf(areas);
  const covered = new Map<string, number>();
  const shapeBox = shapesBox(shapes);
  const bounded = districts.filter((district) => district.geometry).map((district) => ({
    district, box: bboxOf(district.geometry!), rings: district.geometry!.flat() as Position[][],
  }));
  if (!shapeBox || bounded.length === 0) return covered;
  const box = {
    minLon: Math.max(shapeBox.minLon, Math.min(...bounded.map((entry) => entry.box.minLon))),
    maxLon: Math.min(shapeBox.maxLon, Math.max(...bounded.map((entry) => entry.box.maxLon))),
    minLat: Math.max(shapeBox.minLat, Math.min(...bounded.map((entry) => entry.box.minLat))),
    maxLat: Math.min(shapeBox.maxLat, Math.max(...bounded.map((entry) => entry.box.maxLat))),
  };
  const step = (box.maxLon - box.minLon) / GRID;
  const stepLat = (box.maxLat - box.minLat) / GRID;
  if (!(step > 0) || !(stepLat > 0)) return covered;
  const inside = new Uint8Array(GRID);
  const owner = new Int16Array(GRID);
  for (let index = 0; index < GRID; index += 1) {
    const row: Row = { lat: box.minLat + (index + 0.5) * stepLat, minLon: box.minLon, step, columns: GRID };
    inside.fill(0);
    for (const ring of shapes.rings) markRings(inside, row, [ring], 1);
    for (const circle of shapes.circles) markCircle(inside, row, circle.centre, circle.radiusKm);
    owner.fill(-1);
    bounded.forEach((entry, position) => {
      if (row.lat >= entry.box.minLat && row.lat <= entry.box.maxLat) markRings(owner, row, entry.rings, position);
    });
    const cellKm2 = EARTH_RADIUS_KM * EARTH_RADIUS_KM * step * RAD * (Math.sin((row.lat + stepLat / 2) * RAD) - Math.sin((row.lat - stepLat / 2) * RAD));
    for (let column = 0; column < GRID; column += 1) {
      const position = owner[column]!;
      if (inside[column] && position >= 0) {
        const code = bounded[position]!.district.code;
        covered.set(code, (covered.get(code) ?? 0) + cellKm2);
      }
    }
  }
  return covered;
}

/**
 * People covered by an alert's areas, district by district, from a population table: a district
 * (or the city) named by code counts whole; a street counts its own figure, or an even share of
 * its district when the table has none; a drawn shape counts the district's people in
 * proportion to the part of its area it covers (people assumed evenly spread in a district).
 * Each district counts at most once and never more than its people. Null when no table applies.
 */
export function peopleCovered(areas: readonly AlertArea[], districts: readonly DistrictRef[], rows: ReadonlyMap<string, PopulationRow>): PeopleCovered | null {
  const codes = [...new Set(areas.flatMap((area) => area.codes))].filter((code) => /^\d{12}$/.test(code));
  const shapeKm2 = coveredAreaByDistrict(areas, districts);
  const parts: PeoplePart[] = [];
  const unknown: string[] = [];
  const used = new Map<string, PopulationRow>();
  const note = (code: string) => {
    const own = rows.get(code);
    if (own) used.set(`${own.source}|${own.asOf}`, own);
    else for (const row of rows.values()) if (isWithin(row.code, code)) used.set(`${row.source}|${row.asOf}`, row);
  };
  for (const district of districts) {
    const whole = codes.some((code) => levelOfCode(code) !== 'street' && isWithin(district.code, code));
    const streets = codes.filter((code) => levelOfCode(code) === 'street' && code.slice(0, 6) === district.code.slice(0, 6));
    const km2 = shapeKm2.get(district.code) ?? 0;
    if (!whole && streets.length === 0 && km2 === 0) continue;
    const total = peopleOf(rows, district.code);
    if (total === null) { unknown.push(district.code); continue; }
    note(district.code);
    if (whole) { parts.push({ code: district.code, name: district.name, ...(district.nameEn ? { nameEn: district.nameEn } : {}), people: total, method: 'whole', share: 1 }); continue; }
    let people = 0;
    let method: PeoplePart['method'] = 'table';
    for (const street of streets) {
      const own = rows.get(street);
      if (own) people += own.people;
      else { people += total / Math.max(1, district.streets.length); method = 'evenShare'; }
    }
    let share = 0;
    if (km2 > 0 && district.geometry) {
      share = Math.min(1, km2 / multiPolygonAreaKm2(district.geometry));
      people += total * share;
      method = streets.length ? 'mixed' : 'area';
    }
    parts.push({ code: district.code, name: district.name, ...(district.nameEn ? { nameEn: district.nameEn } : {}), people: method === 'table' ? Math.min(total, people) : estimate(Math.min(total, people)), method, share: Math.round(share * 1000) / 1000 });
  }
  if (parts.length === 0) return null;
  return {
    people: parts.reduce((sum, part) => sum + part.people, 0),
    parts,
    sources: [...used.values()].map((row) => ({ source: row.source, asOf: row.asOf })),
    missing: unknown,
  };
}
