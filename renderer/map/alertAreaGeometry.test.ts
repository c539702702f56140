import type MultiPolygon from 'ol/geom/MultiPolygon.js';
import type Polygon from 'ol/geom/Polygon.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { getDistance } from 'ol/sphere.js';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/domain/alert.ts';
import type { Boundary } from '../../shared/domain/boundary.ts';
import { alertAreaGeometry } from './alertAreaGeometry.ts';
import { alertFeatures } from './situationFeatures.ts';

const PUDONG = '310115000000';
const pudong: Boundary = {
  code: PUDONG, name: '浦东新区', nameEn: 'Pudong', level: 'district', source: 'test',
  geometry: { type: 'MultiPolygon', coordinates: [[[[121.5, 31.0], [121.9, 31.0], [121.9, 31.3], [121.5, 31.3], [121.5, 31.0]]]] },
};
const byCode = new Map([[PUDONG, pudong]]);
const inside = (geometry: Polygon | MultiPolygon, lon: number, lat: number) => geometry.containsXY(...(fromLonLat([lon, lat]) as [number, number]));

describe('alert area geometry', () => {
  it('draws a CAP circle at its true radius on the ground, around its centre', () => {
    const geometry = alertAreaGeometry({ description: '机场周边', codes: [], circles: [{ lon: 121.8, lat: 31.15, radiusKm: 8 }] }, byCode)! as Polygon;
    expect(geometry.getType()).toBe('Polygon');
    for (const vertex of geometry.getCoordinates()[0]!) {
      expect(getDistance([121.8, 31.15], toLonLat(vertex))).toBeCloseTo(8000, -1);
    }
    expect(inside(geometry, 121.8, 31.15)).toBe(true);
    expect(inside(geometry, 121.8, 31.25)).toBe(false);
  });

  it('joins an area\'s polygon and circle (CAP takes their union), ignoring its codes', () => {
    const geometry = alertAreaGeometry({
      description: '两处', codes: [PUDONG],
      polygon: [[121.1, 31.1], [121.2, 31.1], [121.2, 31.2], [121.1, 31.1]],
      circles: [{ lon: 121.8, lat: 31.15, radiusKm: 2 }],
    }, byCode)! as MultiPolygon;
    expect(geometry.getPolygons()).toHaveLength(2);
    expect(inside(geometry, 121.8, 31.15)).toBe(true);
    expect(inside(geometry, 121.6, 31.1)).toBe(false);
  });

  it('falls back to the boundaries of the codes, and places nothing for an unknown code', () => {
    expect(inside(alertAreaGeometry({ description: '浦东', codes: [PUDONG] }, byCode)!, 121.6, 31.1)).toBe(true);
    expect(alertAreaGeometry({ description: '外省', codes: ['320100000000'] }, byCode)).toBeUndefined();
  });

  it('puts an issued alert\'s circle-only area on the situation map', () => {
    const alert: Alert = {
      id: 'a-1', sender: 'city', sent: '2026-01-01T01:00:00.000Z', status: 'Exercise', msgType: 'Alert', scope: 'Public',
      event: '化学品泄漏', severity: 'Extreme', urgency: 'Immediate', certainty: 'Observed', languages: ['zh-CN'], groups: [], exercise: true,
      areas: [{ description: '泄漏点 3 公里', codes: [], circles: [{ lon: 121.8, lat: 31.15, radiusKm: 3 }] }],
    };
    const [feature] = alertFeatures([alert], [pudong]);
    expect(feature?.getId()).toBe('alert:a-1:0');
    expect(inside(feature!.getGeometry() as Polygon, 121.8, 31.16)).toBe(true);
  });
});
