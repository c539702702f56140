import MultiPolygon from 'ol/geom/MultiPolygon.js';
import Polygon, { circular } from 'ol/geom/Polygon.js';
import { fromLonLat } from 'ol/proj.js';
import type { AlertArea } from '../../shared/domain/alert.ts';
import type { Boundary } from '../../shared/domain/boundary.ts';

/** Sides of the polygon a CAP circle is drawn as: round to the eye at any zoom the console uses. */
const CIRCLE_SIDES = 64;

/** A CAP circle as a geodesic polygon in EPSG:3857 (a Web Mercator circle would be the wrong size away from the equator). */
export function circlePolygon(circle: { lon: number; lat: number; radiusKm: number }): Polygon {
  const polygon = circular([circle.lon, circle.lat], circle.radiusKm * 1000, CIRCLE_SIDES);
  polygon.transform('EPSG:4326', 'EPSG:3857');
  return polygon;
}

/**
 * Where one CAP area lies on the map, in EPSG:3857: its polygons and circles together when it
 * has any (CAP takes their union), else the boundaries of its codes (a street without its own
 * boundary by its district's); undefined when nothing of it can be placed.
 */
export function alertAreaGeometry(area: AlertArea, byCode: ReadonlyMap<string, Boundary>): Polygon | MultiPolygon | undefined {
  const rings = [area.polygon, ...(area.morePolygons ?? [])].filter((ring): ring is [number, number][] => Boolean(ring && ring.length >= 3));
  const shapes = [
    ...rings.map((ring) => new Polygon([ring.map(([lon, lat]) => fromLonLat([lon, lat]))])),
    ...(area.circles ?? []).filter((circle) => circle.radiusKm > 0).map(circlePolygon),
  ];
  if (shapes.length === 1) return shapes[0];
  if (shapes.length > 1) return new MultiPolygon(shapes.map((shape) => shape.getCoordinates()));
  const codes = new Set(area.codes.map((code) => (byCode.has(code) ? code : `${code.slice(0, 6)}000000`)));
  const polygons = [...codes].flatMap((code) => byCode.get(code)?.geometry.coordinates ?? []);
  if (polygons.length === 0) return undefined;
  const geometry = new MultiPolygon(polygons);
  geometry.transform('EPSG:4326', 'EPSG:3857');
  return geometry;
}
