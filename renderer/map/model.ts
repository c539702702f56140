import type { EntityName } from '../../shared/domain/entities.ts';
import type { HazardTrack } from '../../shared/domain/hazardTrack.ts';
import type { Shelter } from '../../shared/domain/resources.ts';
import { shelterCapacity } from '../../shared/domain/resources.ts';
import type { MessageKey } from '../i18n/messages.ts';

/** The situation map's layers, bottom to top. */
export type LayerId = 'boundaries' | 'areas' | 'shelters' | 'depots' | 'teams' | 'incidents' | 'tracks';
export const LAYER_IDS: readonly LayerId[] = ['boundaries', 'areas', 'shelters', 'depots', 'teams', 'incidents', 'tracks'];

/** The store entity whose changes reload each layer. */
export const LAYER_ENTITY: Record<LayerId, EntityName> = {
  boundaries: 'boundary',
  areas: 'namedArea',
  shelters: 'shelter',
  depots: 'depot',
  teams: 'team',
  incidents: 'incident',
  tracks: 'hazardTrack',
};

export type Visibility = Record<LayerId, boolean>;
export const ALL_VISIBLE: Visibility = { boundaries: true, areas: true, shelters: true, depots: true, teams: true, incidents: true, tracks: true };

/** Map colours: a dark hall, districts a faint but distinct fill so the city reads against the sea. */
export const MAP_COLOURS = {
  background: '#050b14',
  districtFill: '#10243b',
  districtStroke: '#4f86c0',
  districtLabel: '#cfe0f2',
  depot: '#4da3ff',
  team: '#c084fc',
  trackLine: '#e8eef6',
  streetStroke: '#35587f',
  area: '#ffb020',
} as const;

/** Incident response levels, I (most severe) to IV: the national four-colour warning scale. */
export const INCIDENT_LEVEL_COLOURS = { I: '#ff3b3b', II: '#ff8c1a', III: '#ffd23f', IV: '#3d8bff' } as const;

export type TrackCategory = HazardTrack['points'][number]['category'];
export const TRACK_CATEGORIES: readonly TrackCategory[] = [0, 1, 2, 3, 4, 5, 6, 9];

/** CMA intensity categories, weakest to strongest, then extratropical. */
export const CATEGORY_COLOURS: Record<TrackCategory, string> = {
  0: '#9aa8b8',
  1: '#4fc3f7',
  2: '#3ccf7a',
  3: '#ffe04d',
  4: '#ffa726',
  5: '#ff5252',
  6: '#e040fb',
  9: '#b0855c',
};

export function categoryColour(category: number): string {
  return (CATEGORY_COLOURS as Record<number, string>)[category] ?? CATEGORY_COLOURS[0];
}

export function categoryKey(category: number): MessageKey {
  return (TRACK_CATEGORIES as readonly number[]).includes(category) ? `map.category.${category as TrackCategory}` : 'map.category.0';
}

/** Shelter occupancy bands: share of capacity (2 m² a person) already taken. */
export interface OccupancyBand { upTo: number; colour: string; label: MessageKey }
export const OCCUPANCY_BANDS: readonly OccupancyBand[] = [
  { upTo: 0.5, colour: '#3ccf7a', label: 'map.occupancy.low' },
  { upTo: 0.8, colour: '#ffd23f', label: 'map.occupancy.medium' },
  { upTo: 1, colour: '#ff8c1a', label: 'map.occupancy.high' },
  { upTo: Infinity, colour: '#ff4d4f', label: 'map.occupancy.full' },
];

/** Occupancy ÷ capacity; a shelter with no capacity is full as soon as anyone is in it. */
export function occupancyRatio(shelter: Pick<Shelter, 'usableAreaM2' | 'occupancy'>): number {
  const capacity = shelterCapacity(shelter);
  if (capacity <= 0) return shelter.occupancy > 0 ? Infinity : 0;
  return shelter.occupancy / capacity;
}

export function occupancyBand(ratio: number): OccupancyBand {
  // A shelter at exactly its capacity is full, not "high".
  if (ratio >= 1) return OCCUPANCY_BANDS[OCCUPANCY_BANDS.length - 1]!;
  return OCCUPANCY_BANDS.find((band) => ratio < band.upTo) ?? OCCUPANCY_BANDS[OCCUPANCY_BANDS.length - 1]!;
}

export function occupancyColour(ratio: number): string {
  return occupancyBand(ratio).colour;
}

/** Marker radius in pixels: grows with the square root of capacity, 6 to 16. */
export function shelterRadius(capacity: number): number {
  if (!(capacity > 0)) return 6;
  return Math.round(Math.min(16, Math.max(6, 4 + Math.sqrt(capacity) / 8)));
}

const HOUR_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23',
});

/** A track point's time as `MM-DD HHh`, Beijing time like the rest of the console. */
export function trackTimeLabel(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = HOUR_PARTS.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('month')}-${part('day')} ${part('hour')}h`;
}

/** Every other point of a track carries its time label, starting with the first. */
export function labelledPoint(index: number): boolean {
  return index % 2 === 0;
}

export type Swatch =
  | { shape: 'area'; fill: string; stroke: string }
  | { shape: 'square' | 'circle' | 'triangle' | 'dot'; colour: string }
  | { shape: 'line'; colour: string };

export interface LegendItem { key: string; label: MessageKey | { text: string }; swatch: Swatch }

export interface LegendEntry {
  id: LayerId;
  label: MessageKey;
  visible: boolean;
  count: number;
  swatch: Swatch;
  /** Sub-entries explaining the layer's colours (shown while the layer is on). */
  items: LegendItem[];
}

const LAYER_LABEL: Record<LayerId, MessageKey> = {
  boundaries: 'map.layer.boundaries',
  areas: 'map.layer.areas',
  shelters: 'map.layer.shelters',
  depots: 'map.layer.depots',
  teams: 'map.layer.teams',
  incidents: 'map.layer.incidents',
  tracks: 'map.layer.tracks',
};

/**
 * The legend, top layer first as officers read it: each layer with its switch state,
 * how many things it holds, and what its colours mean.
 */
export function legendModel(visible: Visibility, counts: Record<LayerId, number>, tracks: readonly Pick<HazardTrack, 'id' | 'number' | 'name' | 'points'>[]): LegendEntry[] {
  const usedCategories = new Set(tracks.flatMap((track) => track.points.map((point) => point.category)));
  const items: Record<LayerId, LegendItem[]> = {
    boundaries: [],
    areas: [],
    incidents: (Object.keys(INCIDENT_LEVEL_COLOURS) as (keyof typeof INCIDENT_LEVEL_COLOURS)[])
      .map((level) => ({ key: `level-${level}`, label: `map.incidentLevel.${level}` as MessageKey, swatch: { shape: 'circle', colour: INCIDENT_LEVEL_COLOURS[level] } as Swatch })),
    shelters: OCCUPANCY_BANDS.map((band, index) => ({ key: `occupancy-${index}`, label: band.label, swatch: { shape: 'circle', colour: band.colour } })),
    depots: [],
    teams: [],
    tracks: [
      ...tracks.map((track) => ({ key: `track-${track.id}`, label: { text: `${track.number} ${track.name}` }, swatch: { shape: 'line', colour: MAP_COLOURS.trackLine } as Swatch })),
      ...TRACK_CATEGORIES.filter((category) => usedCategories.has(category))
        .map((category) => ({ key: `category-${category}`, label: categoryKey(category), swatch: { shape: 'dot', colour: CATEGORY_COLOURS[category] } as Swatch })),
    ],
  };
  const swatch: Record<LayerId, Swatch> = {
    boundaries: { shape: 'area', fill: MAP_COLOURS.districtFill, stroke: MAP_COLOURS.districtStroke },
    areas: { shape: 'area', fill: 'rgba(255, 176, 32, 0.18)', stroke: MAP_COLOURS.area },
    incidents: { shape: 'circle', colour: INCIDENT_LEVEL_COLOURS.I },
    shelters: { shape: 'circle', colour: OCCUPANCY_BANDS[0]!.colour },
    depots: { shape: 'square', colour: MAP_COLOURS.depot },
    teams: { shape: 'triangle', colour: MAP_COLOURS.team },
    tracks: { shape: 'line', colour: MAP_COLOURS.trackLine },
  };
  return [...LAYER_IDS].reverse().map((id) => ({
    id, label: LAYER_LABEL[id], visible: visible[id], count: counts[id], swatch: swatch[id], items: items[id],
  }));
}
