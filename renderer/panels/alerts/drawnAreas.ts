import type { AlertArea } from '../../../shared/domain/alert.ts';
import type { DrawnShape } from '../../map/mapTools.ts';

/**
 * A shape drawn on the composer's map turned into a CAP area (polygon ring or circle), checked
 * before it is accepted: CAP wants a closed ring of at least four points (three distinct), in
 * WGS 84 latitude/longitude, and the console's alert schema bounds what it stores.
 */

/** Five decimal places of a degree is about one metre: finer than a mouse can draw, and shorter XML on narrow links. */
export const COORDINATE_PLACES = 5;
/**
 * The largest polygon accepted: issue 14 sizes an issued alert for a Beidou-sized channel with
 * "a 100-point polygon" as the largest realistic case; a hand-drawn area needs far fewer.
 */
export const MAX_POLYGON_POINTS = 100;
/** The schema's bound on a circle's radius (shared/domain/alert.ts). */
export const MAX_RADIUS_KM = 20_000;
/** The schema's bound on an area description. */
export const MAX_DESCRIPTION = 400;
/** The draft input's bound on areas per alert (shared/ipc/contracts/alerts.ts). */
export const MAX_AREAS = 50;

/** Why a drawing was not accepted: a message key of the alertAreas topic and its parameters. */
export interface DrawProblem {
  key: 'alertAreas.problem.tooFewPoints' | 'alertAreas.problem.tooManyPoints' | 'alertAreas.problem.flat' | 'alertAreas.problem.crossing'
    | 'alertAreas.problem.outOfRange' | 'alertAreas.problem.tooSmall' | 'alertAreas.problem.tooLarge' | 'alertAreas.problem.tooManyAreas';
  params?: Record<string, number>;
}

export type DrawOutcome = { area: AlertArea } | { problem: DrawProblem };

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
const same = (a: readonly [number, number], b: readonly [number, number]) => a[0] === b[0] && a[1] === b[1];
const inRange = ([lon, lat]: readonly [number, number]) => Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;

/** Twice the signed area of a closed ring, in square degrees (enough to tell a flat ring from a real one). */
function doubledArea(ring: readonly (readonly [number, number])[]): number {
  let sum = 0;
  for (let index = 0; index + 1 < ring.length; index += 1) {
    const [x1, y1] = ring[index]!;
    const [x2, y2] = ring[index + 1]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

function orientation(a: readonly number[], b: readonly number[], c: readonly number[]): number {
  const value = (b[1]! - a[1]!) * (c[0]! - b[0]!) - (b[0]! - a[0]!) * (c[1]! - b[1]!);
  return value === 0 ? 0 : value > 0 ? 1 : -1;
}

function onSegment(a: readonly number[], b: readonly number[], c: readonly number[]): boolean {
  return Math.min(a[0]!, c[0]!) <= b[0]! && b[0]! <= Math.max(a[0]!, c[0]!) && Math.min(a[1]!, c[1]!) <= b[1]! && b[1]! <= Math.max(a[1]!, c[1]!);
}

function segmentsMeet(p1: readonly number[], p2: readonly number[], q1: readonly number[], q2: readonly number[]): boolean {
  const o1 = orientation(p1, p2, q1);
  const o2 = orientation(p1, p2, q2);
  const o3 = orientation(q1, q2, p1);
  const o4 = orientation(q1, q2, p2);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSegment(p1, q1, p2)) || (o2 === 0 && onSegment(p1, q2, p2))
    || (o3 === 0 && onSegment(q1, p1, q2)) || (o4 === 0 && onSegment(q1, p2, q2));
}

/** Whether any two edges of a closed ring that are not neighbours touch (a bow tie, a loop). */
export function ringCrossesItself(ring: readonly (readonly [number, number])[]): boolean {
  const edges = ring.length - 1;
  for (let first = 0; first < edges; first += 1) {
    for (let second = first + 1; second < edges; second += 1) {
      const neighbours = second === first + 1 || (first === 0 && second === edges - 1);
      if (neighbours) continue;
      if (segmentsMeet(ring[first]!, ring[first + 1]!, ring[second]!, ring[second + 1]!)) return true;
    }
  }
  return false;
}

/**
 * A drawn polygon as a CAP ring: rounded, repeated points dropped, closed; refused when it has
 * fewer than three distinct corners, too many, no area, crossing edges, or points off the globe.
 */
export function polygonRing(drawn: readonly (readonly [number, number])[]): { ring: [number, number][] } | { problem: DrawProblem } {
  if (!drawn.every(inRange)) return { problem: { key: 'alertAreas.problem.outOfRange' } };
  const ring: [number, number][] = [];
  for (const [lon, lat] of drawn) {
    const point: [number, number] = [round(lon, COORDINATE_PLACES), round(lat, COORDINATE_PLACES)];
    if (ring.length === 0 || !same(ring[ring.length - 1]!, point)) ring.push(point);
  }
  if (ring.length > 1 && !same(ring[0]!, ring[ring.length - 1]!)) ring.push([...ring[0]!]);
  const distinct = new Set(ring.map(([lon, lat]) => `${lon},${lat}`)).size;
  if (distinct < 3) return { problem: { key: 'alertAreas.problem.tooFewPoints', params: { count: distinct } } };
  if (ring.length > MAX_POLYGON_POINTS) return { problem: { key: 'alertAreas.problem.tooManyPoints', params: { count: ring.length, max: MAX_POLYGON_POINTS } } };
  if (ringCrossesItself(ring)) return { problem: { key: 'alertAreas.problem.crossing' } };
  if (Math.abs(doubledArea(ring)) < 1e-10) return { problem: { key: 'alertAreas.problem.flat' } };
  return { ring };
}

/** The description a new drawn area starts with: both languages, since CAP carries one areaDesc for every info block. */
export function drawnDescription(number: number): string {
  return `绘制区域 ${number} / Drawn area ${number}`;
}

/** The next free number for a drawn area's description among those already in the draft. */
export function nextDrawnNumber(areas: readonly Pick<AlertArea, 'description'>[]): number {
  let highest = 0;
  for (const area of areas) {
    const match = /^绘制区域 (\d+) \/ Drawn area \1$/.exec(area.description);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return Math.max(highest, areas.length) + 1;
}

/**
 * A finished drawing as one more area of the draft (`areaCount` is how many it has now), or why
 * it is refused. A circle's radius is kept to the metre.
 */
export function drawnToArea(shape: DrawnShape, description: string, areaCount: number): DrawOutcome {
  if (areaCount >= MAX_AREAS) return { problem: { key: 'alertAreas.problem.tooManyAreas', params: { max: MAX_AREAS } } };
  if (shape.shape === 'polygon') {
    const outcome = polygonRing(shape.ring);
    return 'problem' in outcome ? outcome : { area: { description, codes: [], polygon: outcome.ring } };
  }
  const { center, radiusM } = shape.circle;
  if (!inRange([center.lon, center.lat])) return { problem: { key: 'alertAreas.problem.outOfRange' } };
  const radiusKm = round(radiusM / 1000, 3);
  if (!(radiusKm > 0)) return { problem: { key: 'alertAreas.problem.tooSmall' } };
  if (radiusKm > MAX_RADIUS_KM) return { problem: { key: 'alertAreas.problem.tooLarge', params: { max: MAX_RADIUS_KM } } };
  return {
    area: { description, codes: [], circles: [{ lon: round(center.lon, COORDINATE_PLACES), lat: round(center.lat, COORDINATE_PLACES), radiusKm }] },
  };
}

/** Whether an area is a shape (polygon or circle) rather than codes only: these are listed under the map. */
export function isShapeArea(area: AlertArea): boolean {
  return Boolean(area.polygon || area.morePolygons?.length || area.circles?.length);
}

/** The index of the first area whose description is blank or too long, or -1: CAP requires an areaDesc. */
export function firstBadDescription(areas: readonly Pick<AlertArea, 'description'>[]): number {
  return areas.findIndex((area) => area.description.trim() === '' || area.description.trim().length > MAX_DESCRIPTION);
}
