import { describe, expect, it } from 'vitest';
import { decodeEchartsGeometry, decodeRing } from './echartsGeometry.ts';
import { normaliseRing, pointInMultiPolygon, randomPointIn, signedArea, type Ring } from './geometry.ts';
import { mulberry32 } from './prng.ts';

/** echarts' encoder, to build fixtures: zigzag deltas in 1/1024 degrees, offset by 64. */
function encodeRing(points: [number, number][]): { text: string; offset: [number, number] } {
  const scaled = points.map(([x, y]) => [Math.round(x * 1024), Math.round(y * 1024)] as const);
  const offset: [number, number] = [scaled[0]![0], scaled[0]![1]];
  let [px, py] = offset;
  let text = '';
  for (const [x, y] of scaled) {
    const zig = (d: number) => String.fromCharCode(((d << 1) ^ (d >> 31)) + 64);
    text += zig(x - px) + zig(y - py);
    [px, py] = [x, y];
  }
  return { text, offset };
}

const square: [number, number][] = [[121, 31], [121.5, 31], [121.5, 31.5], [121, 31.5]];

describe('echarts geometry decoding', () => {
  it('reverses the echarts encoding, negative steps included', () => {
    const { text, offset } = encodeRing(square);
    expect(decodeRing(text, offset)).toEqual(square);
  });

  it('decodes a MultiPolygon, whose offsets nest one level deeper', () => {
    const a = encodeRing(square);
    const b = encodeRing(square.map(([x, y]) => [x + 1, y]));
    const decoded = decodeEchartsGeometry({ type: 'MultiPolygon', coordinates: [[a.text], [b.text]], encodeOffsets: [[a.offset], [b.offset]] });
    expect(decoded).toHaveLength(2);
    expect(decoded[1]![0]![0]).toEqual([122, 31]);
  });

  it('refuses geometry that is not encoded', () => {
    expect(() => decodeEchartsGeometry({ type: 'Polygon', coordinates: [[[121, 31]]], encodeOffsets: [[0, 0]] })).toThrow(/UTF8Encoding/);
    expect(() => decodeEchartsGeometry({ type: 'Point', coordinates: [], encodeOffsets: [] })).toThrow(/unsupported geometry type Point/);
  });
});

describe('ring clean-up and point tests', () => {
  it('closes, rounds, de-duplicates and orients rings by the right-hand rule', () => {
    const clockwise: Ring = [[121, 31], [121, 31.5], [121.5, 31.5], [121.5, 31.5], [121.500001, 31]];
    const exterior = normaliseRing(clockwise, true)!;
    expect(exterior).toHaveLength(5);
    expect(exterior[0]).toEqual(exterior[4]);
    expect(signedArea(exterior)).toBeGreaterThan(0);
    expect(signedArea(normaliseRing(clockwise, false)!)).toBeLessThan(0);
    expect(normaliseRing([[121, 31], [121.000001, 31], [121, 31.000001]], true)).toBeNull();
  });

  it('keeps holes out and random points in', () => {
    const hole: Ring = [[121.2, 31.2], [121.3, 31.2], [121.3, 31.3], [121.2, 31.3], [121.2, 31.2]];
    const polygons = [[[...square, square[0]!], hole]];
    expect(pointInMultiPolygon([121.1, 31.1], polygons)).toBe(true);
    expect(pointInMultiPolygon([121.25, 31.25], polygons)).toBe(false);
    expect(pointInMultiPolygon([122, 31.1], polygons)).toBe(false);
    const random = mulberry32(7);
    for (let i = 0; i < 200; i++) expect(pointInMultiPolygon(randomPointIn(polygons, random), polygons)).toBe(true);
  });
});
