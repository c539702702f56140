import Feature from 'ol/Feature.js';
import LineString from 'ol/geom/LineString.js';
import MultiPolygon from 'ol/geom/MultiPolygon.js';
import Point from 'ol/geom/Point.js';
import { fromLonLat } from 'ol/proj.js';
import type { Boundary } from '../../shared/domain/boundary.ts';
import type { HazardTrack } from '../../shared/domain/hazardTrack.ts';
import type { Depot, Shelter, Team } from '../../shared/domain/resources.ts';
import type { Incident } from '../../shared/domain/incident.ts';
import type { NamedArea } from '../../shared/domain/namedArea.ts';
import type { Alert } from '../../shared/domain/alert.ts';
import type { CommandNode } from '../../shared/domain/commandNode.ts';
import type { LinkStatus } from '../../shared/ipc/contract.ts';
import Polygon from 'ol/geom/Polygon.js';
import { labelledPoint } from './model.ts';
import { unwrapLongitudes } from '../../shared/hazard/longitude.ts';

/** What a clicked feature is, with its record: the details panel reads this. */
export type MapSelection =
  | { kind: 'district'; record: Boundary }
  | { kind: 'depot'; record: Depot }
  | { kind: 'shelter'; record: Shelter }
  | { kind: 'team'; record: Team }
  | { kind: 'track'; record: HazardTrack }
  | { kind: 'trackPoint'; record: HazardTrack; index: number }
  | { kind: 'incident'; record: Incident }
  | { kind: 'area'; record: NamedArea }
  | { kind: 'node'; record: CommandNode; local: boolean }
  | { kind: 'link'; record: LinkStatus; peerNode: CommandNode | undefined }
  | { kind: 'alert'; record: Alert; index: number };

/** The property every map feature carries its selection under. */
export const SELECTION = 'selection';
/** A district's label anchor: the interior point of its largest polygon (not one per island). */
export const LABEL_POINT = 'labelPoint';
export const TIME_LABEL = 'timeLabel';

export function selectionOf(feature: { get(key: string): unknown }): MapSelection | undefined {
  return feature.get(SELECTION) as MapSelection | undefined;
}

const point = (lon: number, lat: number) => new Point(fromLonLat([lon, lat]));

/** The largest polygon of a multipolygon (by area), where the district's name goes. */
export function largestPolygon(geometry: MultiPolygon): Polygon | undefined {
  let best: Polygon | undefined;
  for (const polygon of geometry.getPolygons()) {
    if (!best || polygon.getArea() > best.getArea()) best = polygon;
  }
  return best;
}

/** District (and imported street) outlines in EPSG:3857, keyed by code, with a label anchor inside the main polygon. */
export function boundaryFeatures(boundaries: readonly Boundary[]): Feature[] {
  return boundaries
    .filter((boundary) => boundary.level !== 'city')
    .map((boundary) => {
      const geometry = new MultiPolygon(boundary.geometry.coordinates);
      geometry.transform('EPSG:4326', 'EPSG:3857');
      const main = largestPolygon(geometry);
      const anchor = main ? new Point(main.getInteriorPoint().getCoordinates().slice(0, 2)) : undefined;
      const feature = new Feature({ geometry, [SELECTION]: { kind: 'district', record: boundary } satisfies MapSelection, [LABEL_POINT]: anchor });
      feature.setId(boundary.code);
      return feature;
    });
}

export function depotFeatures(depots: readonly Depot[]): Feature[] {
  return depots.map((depot) => {
    const feature = new Feature({ geometry: point(depot.location.lon, depot.location.lat), [SELECTION]: { kind: 'depot', record: depot } satisfies MapSelection });
    feature.setId(depot.id);
    return feature;
  });
}

export function shelterFeatures(shelters: readonly Shelter[]): Feature[] {
  return shelters.map((shelter) => {
    const feature = new Feature({ geometry: point(shelter.location.lon, shelter.location.lat), [SELECTION]: { kind: 'shelter', record: shelter } satisfies MapSelection });
    feature.setId(shelter.id);
    return feature;
  });
}

/** Teams with a known position; the others have nowhere to be drawn. */
export function teamFeatures(teams: readonly Team[]): Feature[] {
  return teams.flatMap((team) => {
    if (!team.position) return [];
    const feature = new Feature({ geometry: point(team.position.lon, team.position.lat), [SELECTION]: { kind: 'team', record: team } satisfies MapSelection });
    feature.setId(team.id);
    return [feature];
  });
}

/** The meridian tracks are drawn next to: the console's region (Shanghai), so Pacific tracks lie east of Asia. */
export const TRACK_HOME_LONGITUDE = 121.47;

/**
 * Each track as a line through its points (in time order), plus one feature per point. Stored
 * longitudes are −180..180; they are unwrapped here so a track that crosses the date line is drawn
 * on across it (x past 180°E, which OpenLayers draws on the next copy of the world) instead of
 * jumping back across the whole map.
 */
export function trackFeatures(tracks: readonly HazardTrack[]): Feature[] {
  return tracks.flatMap((track) => {
    const points = [...track.points].sort((a, b) => a.time.localeCompare(b.time));
    const ordered: HazardTrack = { ...track, points };
    const lons = unwrapLongitudes(points.map((p) => p.lon), TRACK_HOME_LONGITUDE);
    const places = points.map((p, index) => fromLonLat([lons[index]!, p.lat]));
    const line = new Feature({
      geometry: new LineString(places),
      [SELECTION]: { kind: 'track', record: ordered } satisfies MapSelection,
    });
    line.setId(`track:${track.id}`);
    const dots = places.map((place, index) => {
      const feature = new Feature({
        geometry: new Point(place),
        [SELECTION]: { kind: 'trackPoint', record: ordered, index } satisfies MapSelection,
        [TIME_LABEL]: labelledPoint(index),
      });
      feature.setId(`track:${track.id}:${index}`);
      return feature;
    });
    return [line, ...dots];
  });
}

/** Incidents with a reported position, keyed by id. */
export function incidentFeatures(incidents: readonly Incident[]): Feature[] {
  return incidents.flatMap((incident) => {
    if (!incident.location) return [];
    const feature = new Feature({ geometry: point(incident.location.lon, incident.location.lat), [SELECTION]: { kind: 'incident', record: incident } satisfies MapSelection });
    feature.setId(incident.id);
    return [feature];
  });
}

/** Named areas as polygons (a circle's stored 64-gon), keyed by id. */
export function areaFeatures(areas: readonly NamedArea[]): Feature[] {
  return areas.map((area) => {
    const geometry = new Polygon([area.ring]);
    geometry.transform('EPSG:4326', 'EPSG:3857');
    const feature = new Feature({ geometry, [SELECTION]: { kind: 'area', record: area } satisfies MapSelection });
    feature.setId(area.id);
    return feature;
  });
}
