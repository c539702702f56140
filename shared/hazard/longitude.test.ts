import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatPosition, longitudeFromEastTenths, normaliseLongitude, unwrapLongitudes } from './longitude.ts';

describe('track longitudes', () => {
  it('turns CMA tenths of a degree east, counting past 180°, into −180..180', () => {
    expect([0, 1222, 1800, 1805, 1852, 2439, 3600].map(longitudeFromEastTenths)).toEqual([0, 122.2, 180, -179.5, -174.8, -116.1, 0]);
  });

  it('normalises any longitude to −180..180 and leaves those already inside alone', () => {
    expect([243.9, 181, 180, -180, 540, -190, 359.5].map(normaliseLongitude).map((lon) => Math.round(lon * 10) / 10)).toEqual([-116.1, -179, 180, -180, 180, 170, -0.5]);
    fc.assert(fc.property(fc.double({ min: -1080, max: 1080, noNaN: true }), (lon) => {
      const east = normaliseLongitude(lon);
      expect(east).toBeGreaterThanOrEqual(-180);
      expect(east).toBeLessThanOrEqual(180);
      // The same meridian: a whole number of turns apart.
      const turns = (lon - east) / 360;
      expect(Math.abs(turns - Math.round(turns))).toBeLessThan(1e-9);
    }));
  });

  it('unwraps a track across the date line so no step is longer than 180°, next to the region shown', () => {
    expect(unwrapLongitudes([170, 179.5, -179.5, -116.1], 121.5)).toEqual([170, 179.5, 180.5, 243.9]);
    // A track stored wholly west of Greenwich but in the Pacific is drawn east of Asia, not a world away.
    expect(unwrapLongitudes([-175, -170], 121.5)).toEqual([185, 190]);
    // Going west across the line too.
    expect(unwrapLongitudes([-170, 178], 121.5)).toEqual([190, 178]);
    fc.assert(fc.property(fc.array(fc.double({ min: -180, max: 180, noNaN: true }), { minLength: 2, maxLength: 30 }), (lons) => {
      const drawn = unwrapLongitudes(lons, 121.5);
      drawn.forEach((lon, i) => {
        const turns = (lon - lons[i]!) / 360;
        expect(Math.abs(turns - Math.round(turns))).toBeLessThan(1e-9);
        if (i > 0) expect(Math.abs(lon - drawn[i - 1]!)).toBeLessThanOrEqual(180);
      });
    }));
  });

  it('writes positions as people read them, with W and S', () => {
    expect(formatPosition(30, -116.1)).toBe('30.0°N 116.1°W');
    expect(formatPosition(29.7, 122.3)).toBe('29.7°N 122.3°E');
    expect(formatPosition(-5.5, 243.9)).toBe('5.5°S 116.1°W');
  });
});
