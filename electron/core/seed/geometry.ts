/** [lon, lat] in degrees. */
export type Position = [number, number];
export type Ring = Position[];
/** GeoJSON MultiPolygon coordinates: polygons → rings (exterior first, then holes) → positions. */
export type MultiPolygonCoordinates = Ring[][];

export interface BBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** Rounds to `decimals` places; 5 places is about a metre, finer than any source we use. */
export function round(value: number, decimals = 5): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** Shoelace area in square degrees: positive when counter-clockwise (closed or open ring). */
export function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

/**
 * Rounds, drops repeated points, closes the ring and orients it by the GeoJSON right-hand
 * rule (exterior counter-clockwise, holes clockwise). Returns null when too little is left
 * to be a ring, which rounding a sliver can cause.
 */
export function normaliseRing(ring: readonly Position[], exterior: boolean, decimals = 5): Ring | null {
  const out: Ring = [];
  for (const [lon, lat] of ring) {
    const point: Position = [round(lon, decimals), round(lat, decimals)];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  if (out.length < 3 || signedArea(out) === 0) return null;
  if (signedArea(out) > 0 !== exterior) out.reverse();
  out.push([out[0]![0], out[0]![1]]);
  return out;
}

/** Even-odd ray casting; points exactly on an edge may fall either way. */
export function pointInRing([x, y]: Position, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside some polygon's exterior ring and outside all of that polygon's holes. */
export function pointInMultiPolygon(point: Position, polygons: MultiPolygonCoordinates): boolean {
  return polygons.some(([exterior, ...holes]) =>
    exterior !== undefined && pointInRing(point, exterior) && !holes.some((hole) => pointInRing(point, hole)));
}

export function bboxOf(polygons: MultiPolygonCoordinates): BBox {
  const box = { minLon: Infinity, minLat: Infinity, maxLon: -Infinity, maxLat: -Infinity };
  for (const polygon of polygons) {
    for (const [lon, lat] of polygon[0] ?? []) {
      box.minLon = Math.min(box.minLon, lon);
      box.minLat = Math.min(box.minLat, lat);
      box.maxLon = Math.max(box.maxLon, lon);
      box.maxLat = Math.max(box.maxLat, lat);
    }
  }
  if (!Number.isFinite(box.minLon)) throw new Error('empty geometry has no bounding box');
  return box;
}

/** Area-weighted centroid of all rings (holes subtract), planar in degrees: fine at district scale. */
export function centroidOf(polygons: MultiPolygonCoordinates): Position {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, index) => {
      // Orientation of the source rings is not trusted: exteriors add, holes subtract.
      const sign = index === 0 ? 1 : -1;
      const a = signedArea(ring);
      const weight = sign * Math.abs(a);
      const [rx, ry] = ringCentroid(ring, a);
      area += weight;
      cx += rx * weight;
      cy += ry * weight;
    });
  }
  if (area === 0) throw new Error('geometry has no area');
  return [cx / area, cy / area];
}

function ringCentroid(ring: readonly Position[], area: number): Position {
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    const cross = x1 * y2 - x2 * y1;
    cx += (x1 + x2) * cross;
    cy += (y1 + y2) * cross;
  }
  return [cx / (6 * area), cy / (6 * area)];
}

/** Great-circle distance in kilometres. */
export function distanceKm([lon1, lat1]: Position, [lon2, lat2]: Position): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

/**
 * A point drawn uniformly from the polygons, rounded to 5 decimals, by rejection from the
 * bounding box. `random` must return [0, 1); pass a seeded generator for repeatable output.
 */
export function randomPointIn(polygons: MultiPolygonCoordinates, random: () => number): Position {
  const box = bboxOf(polygons);
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const point: Position = [
      round(box.minLon + random() * (box.maxLon - box.minLon)),
      round(box.minLat + random() * (box.maxLat - box.minLat)),
    ];
    // Checked after rounding, so the stored point is the one that is inside.
    if (pointInMultiPolygon(point, polygons)) return point;
  }
  throw new Error('could not place a point inside the polygon (is it degenerate?)');
}
