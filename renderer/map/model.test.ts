import { describe, expect, it } from 'vitest';
import { zhCN } from '../i18n/messages.ts';
import {
  ALL_VISIBLE, CATEGORY_COLOURS, categoryColour, categoryKey, labelledPoint, legendModel, occupancyBand, occupancyColour,
  occupancyRatio, shelterRadius, TRACK_CATEGORIES, trackTimeLabel,
} from './model.ts';

describe('shelter occupancy', () => {
  it('divides occupancy by capacity at 2 m² a person', () => {
    expect(occupancyRatio({ usableAreaM2: 2000, occupancy: 500 })).toBe(0.5);
    expect(occupancyRatio({ usableAreaM2: 1, occupancy: 0 })).toBe(0);
    expect(occupancyRatio({ usableAreaM2: 1, occupancy: 3 })).toBe(Infinity);
  });

  it('colours green, yellow, orange, then red at and over capacity', () => {
    expect(occupancyColour(0)).toBe('#3ccf7a');
    expect(occupancyColour(0.49)).toBe('#3ccf7a');
    expect(occupancyColour(0.5)).toBe('#ffd23f');
    expect(occupancyColour(0.85)).toBe('#ff8c1a');
    expect(occupancyColour(1)).toBe('#ff4d4f');
    expect(occupancyColour(Infinity)).toBe('#ff4d4f');
    expect(occupancyBand(1).label).toBe('map.occupancy.full');
  });

  it('sizes markers from 6 to 16 pixels by capacity', () => {
    expect(shelterRadius(0)).toBe(6);
    expect(shelterRadius(100)).toBe(6);
    expect(shelterRadius(2500)).toBe(10);
    expect(shelterRadius(1_000_000)).toBe(16);
  });
});

describe('typhoon categories and times', () => {
  it('has a colour and a label for every CMA category', () => {
    for (const category of TRACK_CATEGORIES) {
      expect(categoryColour(category)).toBe(CATEGORY_COLOURS[category]);
      expect(zhCN[categoryKey(category)]).toBeTruthy();
    }
    expect(new Set(Object.values(CATEGORY_COLOURS)).size).toBe(TRACK_CATEGORIES.length);
    expect(zhCN[categoryKey(6)]).toBe('超强台风');
    expect(categoryKey(7)).toBe('map.category.0');
  });

  it('labels times as MM-DD HHh in Beijing time, every other point', () => {
    expect(trackTimeLabel('2021-07-23T00:00:00.000Z')).toBe('07-23 08h');
    expect(trackTimeLabel('2021-07-25T18:00:00Z')).toBe('07-26 02h');
    expect(trackTimeLabel('not a time')).toBe('not a time');
    expect([0, 1, 2, 3].map(labelledPoint)).toEqual([true, false, true, false]);
  });
});

describe('legendModel', () => {
  const counts = { boundaries: 16, alerts: 2, risk: 1, areas: 2, shelters: 64, depots: 32, teams: 40, links: 3, nodes: 17, incidents: 3, tracks: 1 };
  const track = {
    id: 't1', number: '2106', name: 'In-fa',
    points: [{ time: '2021-07-23T00:00:00Z', category: 5 as const, lat: 24.6, lon: 125, pressureHpa: 950, windMs: 45 },
      { time: '2021-07-23T06:00:00Z', category: 4 as const, lat: 25.4, lon: 124, pressureHpa: 960, windMs: 40 }],
  };

  it('lists the layers top first with their counts, switches and colour keys', () => {
    const legend = legendModel(ALL_VISIBLE, counts, [track]);
    expect(legend.map((entry) => entry.id)).toEqual(['tracks', 'incidents', 'nodes', 'links', 'teams', 'depots', 'shelters', 'areas', 'risk', 'alerts', 'boundaries']);
    expect(legend.find((entry) => entry.id === 'incidents')?.items.map((item) => item.key)).toEqual(['level-I', 'level-II', 'level-III', 'level-IV']);
    expect(legend.find((entry) => entry.id === 'depots')).toMatchObject({ visible: true, count: 32, swatch: { shape: 'square' } });
    expect(legend.find((entry) => entry.id === 'shelters')?.items).toHaveLength(4);
    const tracks = legend.find((entry) => entry.id === 'tracks')!;
    expect(tracks.items.map((item) => item.key)).toEqual(['track-t1', 'category-4', 'category-5']);
    expect(tracks.items[0]!.label).toEqual({ text: '2106 In-fa' });
  });

  it('marks a switched-off layer', () => {
    const legend = legendModel({ ...ALL_VISIBLE, depots: false }, counts, []);
    expect(legend.find((entry) => entry.id === 'depots')?.visible).toBe(false);
    expect(legend.find((entry) => entry.id === 'tracks')?.items).toEqual([]);
  });

  it('keys incidents by level and by the types on the map, links by state, alerts by severity', () => {
    const legend = legendModel(ALL_VISIBLE, counts, [], ['fire', 'flood', 'fire']);
    expect(legend.find((entry) => entry.id === 'incidents')?.items.map((item) => item.key))
      .toEqual(['level-I', 'level-II', 'level-III', 'level-IV', 'type-flood', 'type-fire']);
    expect(legend.find((entry) => entry.id === 'incidents')?.items[5]).toMatchObject({ label: 'incidentType.fire', swatch: { shape: 'glyph', glyph: 'map.incidentGlyph.fire' } });
    expect(legend.find((entry) => entry.id === 'links')?.items.map((item) => item.key)).toEqual(['link-online', 'link-degraded', 'link-offline', 'link-connecting', 'link-narrow']);
    expect(legend.find((entry) => entry.id === 'alerts')?.items.map((item) => item.key)).toEqual(['severity-Extreme', 'severity-Severe', 'severity-Moderate', 'severity-Minor']);
    expect(legend.find((entry) => entry.id === 'nodes')).toMatchObject({ count: 17, swatch: { shape: 'star' } });
  });
});
