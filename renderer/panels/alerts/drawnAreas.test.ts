import { describe, expect, it } from 'vitest';
import { readCapDocument } from '../../../shared/cap/capDocument.ts';
import { writeCap12 } from '../../../shared/cap/capWrite.ts';
import { AlertArea } from '../../../shared/domain/alert.ts';
import { AlertDraftInput } from '../../../shared/ipc/contracts/alerts.ts';
import { drawnDescription, drawnToArea, firstBadDescription, MAX_AREAS, MAX_POLYGON_POINTS, nextDrawnNumber, polygonRing, ringCrossesItself } from './drawnAreas.ts';

const square: [number, number][] = [[121.3000012, 31.3], [121.45, 31.3], [121.45, 31.4], [121.3, 31.4], [121.3000012, 31.3]];

describe('drawn shapes as CAP areas', () => {
  it('rounds a polygon to about a metre, keeps it closed and passes the alert schema', () => {
    const outcome = drawnToArea({ shape: 'polygon', ring: square }, drawnDescription(1), 0);
    expect(outcome).toEqual({
      area: { description: '绘制区域 1 / Drawn area 1', codes: [], polygon: [[121.3, 31.3], [121.45, 31.3], [121.45, 31.4], [121.3, 31.4], [121.3, 31.3]] },
    });
    expect(AlertArea.safeParse('area' in outcome ? outcome.area : null).success).toBe(true);
  });

  it('closes an open ring and drops repeated points (a double click adds one)', () => {
    const result = polygonRing([[121.1, 31.1], [121.2, 31.1], [121.2, 31.1], [121.2, 31.2]]);
    expect(result).toEqual({ ring: [[121.1, 31.1], [121.2, 31.1], [121.2, 31.2], [121.1, 31.1]] });
  });

  it('refuses fewer than three distinct corners, even when points differ only below a metre', () => {
    expect(polygonRing([[121.1, 31.1], [121.2, 31.1], [121.1, 31.1]])).toEqual({ problem: { key: 'alertAreas.problem.tooFewPoints', params: { count: 2 } } });
    expect(polygonRing([[121.1, 31.1], [121.2, 31.1], [121.200001, 31.100001], [121.1, 31.1]])).toMatchObject({ problem: { key: 'alertAreas.problem.tooFewPoints' } });
  });

  it('refuses a flat ring and a ring whose edges cross', () => {
    expect(polygonRing([[121.1, 31.1], [121.2, 31.1], [121.3, 31.1], [121.1, 31.1]])).toEqual({ problem: { key: 'alertAreas.problem.flat' } });
    const bowTie: [number, number][] = [[121.1, 31.1], [121.3, 31.3], [121.3, 31.1], [121.1, 31.3], [121.1, 31.1]];
    expect(ringCrossesItself(bowTie)).toBe(true);
    expect(polygonRing(bowTie)).toEqual({ problem: { key: 'alertAreas.problem.crossing' } });
    expect(ringCrossesItself(square)).toBe(false);
  });

  it('refuses more corners than a narrow channel carries, and points off the globe', () => {
    const many = Array.from({ length: MAX_POLYGON_POINTS }, (_, index) => {
      const angle = (2 * Math.PI * index) / MAX_POLYGON_POINTS;
      return [121.4 + 0.1 * Math.cos(angle), 31.2 + 0.1 * Math.sin(angle)] as [number, number];
    });
    expect(polygonRing(many)).toMatchObject({ problem: { key: 'alertAreas.problem.tooManyPoints', params: { count: MAX_POLYGON_POINTS + 1, max: MAX_POLYGON_POINTS } } });
    expect('ring' in polygonRing(many.slice(0, MAX_POLYGON_POINTS - 1))).toBe(true);
    expect(polygonRing([[181, 31], [121, 31], [121, 32]])).toEqual({ problem: { key: 'alertAreas.problem.outOfRange' } });
  });

  it('turns a circle into CAP centre and radius in km to the metre, and refuses a zero radius', () => {
    const outcome = drawnToArea({ shape: 'circle', circle: { center: { lon: 121.5000049, lat: 31.2300051 }, radiusM: 5432 } }, '浦东机场周边', 2);
    expect(outcome).toEqual({ area: { description: '浦东机场周边', codes: [], circles: [{ lon: 121.5, lat: 31.23001, radiusKm: 5.432 }] } });
    expect(drawnToArea({ shape: 'circle', circle: { center: { lon: 121.5, lat: 31.2 }, radiusM: 0 } }, 'x', 0)).toEqual({ problem: { key: 'alertAreas.problem.tooSmall' } });
    expect(drawnToArea({ shape: 'circle', circle: { center: { lon: 121.5, lat: 31.2 }, radiusM: 3e7 } }, 'x', 0)).toMatchObject({ problem: { key: 'alertAreas.problem.tooLarge' } });
  });

  it('refuses a drawing past the number of areas a draft may carry', () => {
    expect(drawnToArea({ shape: 'polygon', ring: square }, 'x', MAX_AREAS)).toEqual({ problem: { key: 'alertAreas.problem.tooManyAreas', params: { max: MAX_AREAS } } });
  });

  it('numbers new drawn areas after those already there, and finds a blank description', () => {
    expect(nextDrawnNumber([])).toBe(1);
    expect(nextDrawnNumber([{ description: drawnDescription(1) }, { description: drawnDescription(4) }])).toBe(5);
    expect(nextDrawnNumber([{ description: '沿江低洼区' }])).toBe(2);
    expect(firstBadDescription([{ description: 'a' }, { description: '  ' }])).toBe(1);
    expect(firstBadDescription([{ description: 'a' }])).toBe(-1);
  });

  it('a drawn polygon and circle survive the CAP writer and reader unchanged', () => {
    const polygon = drawnToArea({ shape: 'polygon', ring: square }, drawnDescription(1), 0);
    const circle = drawnToArea({ shape: 'circle', circle: { center: { lon: 121.8, lat: 31.15 }, radiusM: 8000 } }, drawnDescription(2), 1);
    if (!('area' in polygon) || !('area' in circle)) throw new Error('both drawings should be accepted');
    const draft = AlertDraftInput.parse({
      event: '暴雨', categories: ['Met'], urgency: 'Expected', severity: 'Severe', certainty: 'Likely',
      texts: [{ language: 'zh-CN', headline: '暴雨预警' }], areas: [polygon.area, circle.area],
    });
    const alert = { ...draft, id: 'cap-0123456789abcdef', identifier: 'x-1', sender: 'city', sent: '2026-09-14T00:00:00.000Z', status: 'Exercise' as const, msgType: 'Alert' as const, scope: 'Public' as const, languages: ['zh-CN'] };
    const xml = writeCap12(alert);
    expect(xml).toContain('<polygon>31.3,121.3 31.3,121.45 31.4,121.45 31.4,121.3 31.3,121.3</polygon>');
    expect(xml).toContain('<circle>31.15,121.8 8</circle>');
    const [back] = readCapDocument(xml).alerts;
    expect(back!.areas).toEqual([polygon.area, circle.area]);
  });
});
