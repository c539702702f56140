import type { EntityName } from '../../shared/domain/entities.ts';
import type { HazardTrack } from '../../shared/domain/hazardTrack.ts';
import { IncidentType as IncidentTypeSchema, type IncidentType } from '../../shared/domain/incident.ts';
import type { Shelter } from '../../shared/domain/resources.ts';
import { shelterCapacity } from '../../shared/domain/resources.ts';
import type { MessageKey } from '../i18n/messages.ts';

/** The situation map's layers, bottom to top. */
export type LayerId = 'boundaries' | 'alerts' | 'risk' | 'areas' | 'shelters' | 'depots' | 'teams' | 'links' | 'nodes' | 'incidents' | 'tracks';
export const LAYER_IDS: readonly LayerId[] = ['boundaries', 'alerts', 'risk', 'areas', 'shelters', 'depots', 'teams', 'links', 'nodes', 'incidents', 'tracks'];

/** The store entity whose changes reload each layer. */
export const LAYER_ENTITY: Record<LayerId, EntityName> = {
  boundaries: 'boundary',
  alerts: 'alert',
  risk: 'namedArea',
  areas: 'namedArea',
  shelters: 'shelter',
  depots: 'depot',
  teams: 'team',
  incidents: 'incident',
  tracks: 'hazardTrack',
  nodes: 'commandNode',
  // Links come from the sync service, not the store; they reload on its status events.
  links: 'commandNode',
};

export type Visibility = Record<LayerId, boolean>;
export const ALL_VISIBLE: Visibility = {
  boundaries: true, alerts: true, risk: true, areas: true, shelters: true, depots: true, teams: true, links: true, nodes: true, incidents: true, tracks: true,
};

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

/** CAP severities in the same four colours, most severe first; Unknown grey. */
export const ALERT_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
export const SEVERITY_COLOURS: Record<AlertSeverity, string> = { Extreme: '#ff3b3b', Severe: '#ff8c1a', Moderate: '#ffd23f', Minor: '#3d8bff', Unknown: '#9aa8b8' };

/** Command nodes: the city a gold star, districts cyan hexagons. */
export const NODE_COLOURS = { city: '#ffd54a', district: '#5ce1e6', local: '#ffffff' } as const;

/** Sync link states: online green, degraded amber, offline red, connecting grey. */
export const LINK_STATES = ['online', 'degraded', 'offline', 'connecting'] as const;
export type LinkStateName = (typeof LINK_STATES)[number];
export const LINK_COLOURS: Record<LinkStateName, string> = { online: '#3ccf7a', degraded: '#ffb020', offline: '#ff4d4f', connecting: '#9aa8b8' };

/** `#rrggbb` with an alpha, as `rgba()`. */
export function withAlpha(hex: string, alpha: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}

/** Risk areas: red hatching inside a red outline. */
export const RISK_COLOUR = '#ff5c5c';

/** Incident types in the order the legend lists them. */
export const INCIDENT_TYPES: readonly IncidentType[] = IncidentTypeSchema.options;

/** Text colour that reads on each level's fill. */
export const INCIDENT_GLYPH_COLOURS = { I: '#ffffff', II: '#1a0d00', III: '#1a1500', IV: '#ffffff' } as const;

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
  | { shape: 'hatch'; colour: string }
  | { shape: 'square' | 'circle' | 'triangle' | 'dot' | 'star' | 'hexagon' | 'ring'; colour: string }
  | { shape: 'glyph'; colour: string; text: string; glyph: MessageKey }
  | { shape: 'line'; colour: string; solid?: boolean };

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
  alerts: 'map.layer.alerts',
  risk: 'map.layer.risk',
  nodes: 'map.layer.nodes',
  links: 'map.layer.links',
};

/**
 * The legend, top layer first as officers read it: each layer with its switch state,
 * how many things it holds, and what its colours mean.
 */
export function legendModel(
  visible: Visibility, counts: Record<LayerId, number>, tracks: readonly Pick<HazardTrack, 'id' | 'number' | 'name' | 'points'>[],
  incidentTypes: readonly IncidentType[] = [],
): LegendEntry[] {
  const usedCategories = new Set(tracks.flatMap((track) => track.points.map((point) => point.category)));
  const usedTypes = new Set(incidentTypes);
  const items: Record<LayerId, LegendItem[]> = {
    boundaries: [],
    areas: [],
    incidents: [
      ...(Object.keys(INCIDENT_LEVEL_COLOURS) as (keyof typeof INCIDENT_LEVEL_COLOURS)[])
        .map((level) => ({ key: `level-${level}`, label: `map.incidentLevel.${level}` as MessageKey, swatch: { shape: 'circle', colour: INCIDENT_LEVEL_COLOURS[level] } as Swatch })),
      // Only the types on the map: thirteen glyphs would push the other layers off a wall screen.
      ...INCIDENT_TYPES.filter((type) => usedTypes.has(type)).map((type) => ({
        key: `type-${type}`, label: `incidentType.${type}` as MessageKey,
        swatch: { shape: 'glyph', colour: '#2a3b52', text: '#e8eef6', glyph: `map.incidentGlyph.${type}` } as Swatch,
      })),
    ],
    alerts: ALERT_SEVERITIES.filter((severity) => severity !== 'Unknown')
      .map((severity) => ({ key: `severity-${severity}`, label: `map.severity.${severity}` as MessageKey, swatch: { shape: 'area', fill: withAlpha(SEVERITY_COLOURS[severity], 0.4), stroke: SEVERITY_COLOURS[severity] } as Swatch })),
    risk: [],
    nodes: [
      { key: 'node-city', label: 'level.city', swatch: { shape: 'star', colour: NODE_COLOURS.city } },
      { key: 'node-district', label: 'level.district', swatch: { shape: 'hexagon', colour: NODE_COLOURS.district } },
      { key: 'node-local', label: 'map.node.local', swatch: { shape: 'ring', colour: NODE_COLOURS.local } },
    ],
    links: [
      ...LINK_STATES.map((state) => ({ key: `link-${state}`, label: `sync.state.${state}` as MessageKey, swatch: { shape: 'line', colour: LINK_COLOURS[state], solid: true } as Swatch })),
      { key: 'link-narrow', label: 'map.link.narrow', swatch: { shape: 'line', colour: '#c8d3e0' } },
    ],
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
    alerts: { shape: 'area', fill: 'rgba(255, 140, 26, 0.35)', stroke: SEVERITY_COLOURS.Severe },
    risk: { shape: 'hatch', colour: RISK_COLOUR },
    nodes: { shape: 'star', colour: NODE_COLOURS.city },
    links: { shape: 'line', colour: LINK_COLOURS.online, solid: true },
  };
  return [...LAYER_IDS].reverse().map((id) => ({
    id, label: LAYER_LABEL[id], visible: visible[id], count: counts[id], swatch: swatch[id], items: items[id],
  }));
}
