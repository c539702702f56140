import Feature from 'ol/Feature.js';
import { createEmpty, extend, getCenter, isEmpty } from 'ol/extent.js';
import LineString from 'ol/geom/LineString.js';
import MultiPolygon from 'ol/geom/MultiPolygon.js';
import Point from 'ol/geom/Point.js';
import type { Alert } from '../../shared/domain/alert.ts';
import type { Boundary } from '../../shared/domain/boundary.ts';
import { levelOfCode } from '../../shared/domain/codes.ts';
import type { CommandNode } from '../../shared/domain/commandNode.ts';
import type { NamedArea } from '../../shared/domain/namedArea.ts';
import type { LinkStatus } from '../../shared/ipc/contract.ts';
import { alertAreaGeometry } from './alertAreaGeometry.ts';
import { largestPolygon, SELECTION, type MapSelection } from './features.ts';
import type { MapLink } from './networkLinks.ts';

/** Where each command node is drawn, by code, in EPSG:3857. */
export type NodePlaces = ReadonlyMap<string, [number, number]>;

/** The alert messages a map shows: cancellations, acknowledgements and errors draw nothing. */
const DRAWN_MESSAGES: ReadonlySet<Alert['msgType']> = new Set(['Alert', 'Update']);

function levelOf(code: string): CommandNode['level'] | null {
  try {
    return levelOfCode(code);
  } catch {
    return null;
  }
}

function multiPolygonOf(boundary: Boundary): MultiPolygon {
  const geometry = new MultiPolygon(boundary.geometry.coordinates);
  geometry.transform('EPSG:4326', 'EPSG:3857');
  return geometry;
}

/**
 * Each boundary's interior point (of its largest polygon, where the district's name is), and
 * the city's: its own boundary's if loaded, else the centre of all the districts together.
 */
export function nodePlaces(boundaries: readonly Boundary[], cityCode: string | undefined): NodePlaces {
  const places = new Map<string, [number, number]>();
  const districts = createEmpty();
  for (const boundary of boundaries) {
    const geometry = multiPolygonOf(boundary);
    const main = largestPolygon(geometry);
    if (!main) continue;
    const [x, y] = main.getInteriorPoint().getCoordinates();
    places.set(boundary.code, [x!, y!]);
    if (boundary.level === 'district') extend(districts, geometry.getExtent());
  }
  if (cityCode && !places.has(cityCode) && !isEmpty(districts)) {
    const [x, y] = getCenter(districts);
    places.set(cityCode, [x!, y!]);
  }
  return places;
}

/** A node's place: its own boundary's, or for a street without one, its district's; the city by its code. */
export function placeOf(code: string, places: NodePlaces): [number, number] | undefined {
  const own = places.get(code);
  if (own) return own;
  const level = levelOf(code);
  if (level === 'street') return places.get(`${code.slice(0, 6)}000000`);
  if (level === 'district') return undefined;
  if (level === 'city') return [...places.entries()].find(([key]) => levelOf(key) === 'city')?.[1];
  return undefined;
}

/** The city and its districts as symbols (streets are too many to draw), the local node flagged. */
export function commandNodeFeatures(nodes: readonly CommandNode[], places: NodePlaces, localCode: string | undefined): Feature[] {
  return nodes.flatMap((node) => {
    if (node.level === 'street') return [];
    const place = places.get(node.code);
    if (!place) return [];
    const local = node.code === localCode;
    const feature = new Feature({ geometry: new Point(place), [SELECTION]: { kind: 'node', record: node, local } satisfies MapSelection });
    feature.setId(`node:${node.code}`);
    return [feature];
  });
}

/**
 * A line from this node to each sync peer, and from each other node's parent to it (the whole
 * network, see networkLinks.ts), where both places are known; a link with no length is left out.
 */
export function linkFeatures(links: readonly (LinkStatus | MapLink)[], localCode: string | undefined, places: NodePlaces, names: ReadonlyMap<string, CommandNode> = new Map()): Feature[] {
  const local = localCode ? placeOf(localCode, places) : undefined;
  if (!local) return [];
  return links.flatMap((link) => {
    const fromCode = 'fromCode' in link ? link.fromCode : undefined;
    const from = fromCode ? placeOf(fromCode, places) : local;
    const to = placeOf(link.nodeCode, places);
    if (!from) return [];
    if (!to || (to[0] === from[0] && to[1] === from[1])) return [];
    const feature = new Feature({
      geometry: new LineString([from, to]),
      [SELECTION]: { kind: 'link', record: link, peerNode: names.get(link.nodeCode) } satisfies MapSelection,
    });
    feature.setId(`link:${link.peer}`);
    return [feature];
  });
}

/**
 * One feature per alert area: its polygons and circles when it has any, else the boundaries of
 * its codes (a street without its own boundary is shown by its district's).
 */
export function alertFeatures(alerts: readonly Alert[], boundaries: readonly Boundary[]): Feature[] {
  const byCode = new Map(boundaries.map((boundary) => [boundary.code, boundary]));
  return alerts.flatMap((alert) => {
    if (!DRAWN_MESSAGES.has(alert.msgType)) return [];
    return alert.areas.flatMap((area, index) => {
      const geometry = alertAreaGeometry(area, byCode);
      if (!geometry) return [];
      const feature = new Feature({ geometry, [SELECTION]: { kind: 'alert', record: alert, index } satisfies MapSelection });
      feature.setId(`alert:${alert.id}:${index}`);
      return [feature];
    });
  });
}

/** Whether a named area belongs in the risk layer rather than with the other named areas. */
export function isRiskArea(area: Pick<NamedArea, 'purpose'>): boolean {
  return area.purpose === 'risk';
}
