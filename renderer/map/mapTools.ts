import type OlMap from 'ol/Map.js';
import type Feature from 'ol/Feature.js';
import type Circle from 'ol/geom/Circle.js';
import type LineString from 'ol/geom/LineString.js';
import type Polygon from 'ol/geom/Polygon.js';
import Draw from 'ol/interaction/Draw.js';
import VectorLayer from 'ol/layer/Vector.js';
import { toLonLat } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import { getArea, getDistance, getLength } from 'ol/sphere.js';
import CircleStyle from 'ol/style/Circle.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import Style from 'ol/style/Style.js';
import { MAP_COLOURS } from './model.ts';

export type ToolId = 'drawPolygon' | 'drawCircle' | 'measureLength' | 'measureArea';

/** A finished drawing in WGS84, ready for `map:saveArea`. */
export type DrawnShape =
  | { shape: 'polygon'; ring: [number, number][] }
  | { shape: 'circle'; circle: { center: { lon: number; lat: number }; radiusM: number } };

/** A measurement in kilometres (length) or square kilometres (area), on the sphere ol/sphere uses. */
export interface Measurement { kind: 'length' | 'area'; value: number }

const sketchStyle = [
  new Style({ fill: new Fill({ color: 'rgba(255, 176, 32, 0.18)' }), stroke: new Stroke({ color: MAP_COLOURS.area, width: 2.5, lineDash: [6, 4] }) }),
  new Style({ image: new CircleStyle({ radius: 5, fill: new Fill({ color: MAP_COLOURS.area }), stroke: new Stroke({ color: '#050b14', width: 1.5 }) }) }),
];

const round = (value: number, places = 6) => Math.round(value * 10 ** places) / 10 ** places;

/** A drawn circle's centre and its true (geodesic) radius: Web Mercator metres grow with latitude. */
export function circleOf(geometry: Circle): DrawnShape {
  const [cx, cy] = geometry.getCenter() as [number, number];
  const center = toLonLat([cx, cy]);
  const edge = toLonLat([cx + geometry.getRadius(), cy]);
  return { shape: 'circle', circle: { center: { lon: round(center[0]!), lat: round(center[1]!) }, radiusM: Math.round(getDistance(center, edge)) } };
}

export function polygonOf(geometry: Polygon): DrawnShape {
  const ring = (geometry.getCoordinates()[0] ?? []).map((coordinate) => {
    const [lon, lat] = toLonLat(coordinate);
    return [round(lon!), round(lat!)] as [number, number];
  });
  return { shape: 'polygon', ring };
}

export function measure(kind: Measurement['kind'], geometry: LineString | Polygon): Measurement {
  return kind === 'length' ? { kind, value: getLength(geometry) / 1000 } : { kind, value: getArea(geometry) / 1e6 };
}

/**
 * Starts a drawing or measuring tool on the map; returns the function that stops it and clears
 * its sketch. A drawing reports its shape once finished; a measurement reports as the sketch changes.
 */
export function startTool(map: OlMap, tool: ToolId, on: { drawn?(shape: DrawnShape): void; measured?(value: Measurement): void }): () => void {
  const source = new VectorSource();
  const layer = new VectorLayer({ source, style: sketchStyle, zIndex: 20, properties: { id: 'sketch' } });
  const type = tool === 'drawCircle' ? 'Circle' : tool === 'measureLength' ? 'LineString' : 'Polygon';
  const draw = new Draw({ source, type, style: sketchStyle });
  map.addLayer(layer);
  map.addInteraction(draw);
  const kind: Measurement['kind'] = tool === 'measureLength' ? 'length' : 'area';
  draw.on('drawstart', (event) => {
    source.clear();
    if (tool !== 'measureLength' && tool !== 'measureArea') return;
    const geometry = (event.feature as Feature<LineString | Polygon>).getGeometry()!;
    geometry.on('change', () => on.measured?.(measure(kind, geometry)));
  });
  draw.on('drawend', (event) => {
    const geometry = event.feature.getGeometry();
    if (tool === 'drawCircle') on.drawn?.(circleOf(geometry as Circle));
    else if (tool === 'drawPolygon') on.drawn?.(polygonOf(geometry as Polygon));
    else on.measured?.(measure(kind, geometry as LineString | Polygon));
  });
  return () => {
    map.removeInteraction(draw);
    map.removeLayer(layer);
  };
}

/** Kilometres or square kilometres, with precision that suits the size. */
export function formatMeasure(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}
