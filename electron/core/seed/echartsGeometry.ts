import type { MultiPolygonCoordinates, Ring } from './geometry.ts';

/** Fixed-point scale echarts uses for its compressed map files. */
const ENCODE_SCALE = 1024;

/** A geometry as echarts stores it when the file says "UTF8Encoding": true. */
export interface EncodedGeometry {
  type: string;
  coordinates: unknown;
  encodeOffsets: unknown;
}

type Offset = [number, number];

/**
 * Decodes one ring: each pair of characters is a zigzag-encoded delta from the previous
 * point (the first from the ring's offset), in 1/1024 degree steps. Mirrors echarts'
 * own `decodePolygon`, which is not exported in a form we can depend on.
 */
export function decodeRing(encoded: string, offset: Offset): Ring {
  if (encoded.length % 2 !== 0) throw new Error(`encoded ring has an odd length (${encoded.length})`);
  const ring: Ring = [];
  let [prevX, prevY] = offset;
  for (let i = 0; i < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    ring.push([x / ENCODE_SCALE, y / ENCODE_SCALE]);
  }
  return ring;
}

/** Decodes a Polygon or MultiPolygon into MultiPolygon coordinates (unconverted, unclosed rings). */
export function decodeEchartsGeometry(geometry: EncodedGeometry): MultiPolygonCoordinates {
  if (geometry.type === 'Polygon') {
    return [decodePolygon(geometry.coordinates, geometry.encodeOffsets)];
  }
  if (geometry.type === 'MultiPolygon') {
    const polygons = asArray(geometry.coordinates, 'coordinates');
    const offsets = asArray(geometry.encodeOffsets, 'encodeOffsets');
    if (polygons.length !== offsets.length) throw new Error(`${polygons.length} polygons but ${offsets.length} offset lists`);
    return polygons.map((polygon, i) => decodePolygon(polygon, offsets[i]));
  }
  throw new Error(`unsupported geometry type ${geometry.type}`);
}

function decodePolygon(coordinates: unknown, encodeOffsets: unknown): Ring[] {
  const rings = asArray(coordinates, 'polygon');
  const offsets = asArray(encodeOffsets, 'polygon offsets');
  if (rings.length !== offsets.length) throw new Error(`${rings.length} rings but ${offsets.length} offsets`);
  return rings.map((ring, i) => {
    const offset = offsets[i];
    if (typeof ring !== 'string') throw new Error('ring is not an encoded string: is the file really "UTF8Encoding"?');
    if (!Array.isArray(offset) || offset.length !== 2 || !offset.every(Number.isFinite)) throw new Error(`bad encodeOffsets entry ${JSON.stringify(offset)}`);
    return decodeRing(ring, offset as Offset);
  });
}

function asArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${what} is not an array`);
  return value;
}
