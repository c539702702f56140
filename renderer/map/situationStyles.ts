import type { FeatureLike } from 'ol/Feature.js';
import LineString from 'ol/geom/LineString.js';
import type MultiPolygon from 'ol/geom/MultiPolygon.js';
import Point from 'ol/geom/Point.js';
import Polygon from 'ol/geom/Polygon.js';
import CircleStyle from 'ol/style/Circle.js';
import Fill from 'ol/style/Fill.js';
import RegularShape from 'ol/style/RegularShape.js';
import Stroke from 'ol/style/Stroke.js';
import Style, { type StyleFunction } from 'ol/style/Style.js';
import Text from 'ol/style/Text.js';
import { translate, type Locale } from '../i18n/messages.ts';
import { largestPolygon, selectionOf } from './features.ts';
import { INCIDENT_GLYPH_COLOURS, INCIDENT_LEVEL_COLOURS, LINK_COLOURS, NODE_COLOURS, RISK_COLOUR, SEVERITY_COLOURS, withAlpha } from './model.ts';

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
const HALO = new Stroke({ color: 'rgba(5, 11, 20, 0.9)', width: 4 });
const OUTLINE = new Stroke({ color: '#050b14', width: 1.5 });

/**
 * Node symbols sit this many pixels above their place, so the district's name (drawn at the
 * same point) stays readable under them; links are lifted by the same amount to meet them.
 */
export const NODE_LIFT_PX = 20;

const nodeShape = (level: 'city' | 'district') => (level === 'city'
  ? new RegularShape({ points: 5, radius: 14, radius2: 6, fill: new Fill({ color: NODE_COLOURS.city }), stroke: OUTLINE, displacement: [0, NODE_LIFT_PX] })
  : new RegularShape({ points: 6, radius: 8, fill: new Fill({ color: NODE_COLOURS.district }), stroke: OUTLINE, displacement: [0, NODE_LIFT_PX] }));
const NODE_SHAPES = { city: new Style({ image: nodeShape('city'), zIndex: 2 }), district: new Style({ image: nodeShape('district'), zIndex: 1 }) };
const nodeRing = (radius: number, colour: string, width: number) =>
  new Style({ image: new CircleStyle({ radius, stroke: new Stroke({ color: colour, width }), displacement: [0, NODE_LIFT_PX] }), zIndex: 3 });

/**
 * Command nodes: the city a gold star, districts cyan hexagons; this console's own node ringed
 * white (the legend says so; a name beside it would sit on the neighbours' names in the centre).
 */
export function nodeStyleFn(selectedId: () => string | undefined): StyleFunction {
  return (feature) => {
    const selection = selectionOf(feature);
    if (selection?.kind !== 'node') return undefined;
    const level = selection.record.level === 'city' ? 'city' : 'district';
    const radius = level === 'city' ? 14 : 9;
    const styles = [NODE_SHAPES[level]];
    if (selection.local) {
      styles.unshift(nodeRing(radius + 5, NODE_COLOURS.local, 3));
    }
    if (feature.getId() === selectedId()) styles.unshift(nodeRing(radius + 9, '#ffffff', 2));
    return styles;
  };
}

/** Links by state (green, amber, red, grey), dashed on narrow channels, lifted to meet the node symbols. */
export function linkStyleFn(selectedId: () => string | undefined): StyleFunction {
  return (feature, resolution) => {
    const selection = selectionOf(feature);
    const line = feature.getGeometry();
    if (selection?.kind !== 'link' || !(line instanceof LineString)) return undefined;
    const lifted = line.clone();
    lifted.translate(0, NODE_LIFT_PX * resolution);
    const narrow = selection.record.channel === 'beidou' || selection.record.channel === 'satphone';
    const selected = feature.getId() === selectedId();
    return [
      new Style({ geometry: lifted, stroke: new Stroke({ color: 'rgba(5, 11, 20, 0.85)', width: selected ? 9 : 7 }) }),
      new Style({
        geometry: lifted,
        stroke: new Stroke({ color: LINK_COLOURS[selection.record.state], width: selected ? 5 : 3.5, lineDash: narrow ? [10, 8] : undefined, lineCap: 'round' }),
      }),
    ];
  };
}

/** Where an area's name goes: inside its largest polygon. */
function labelPoint(geometry: unknown): Point | undefined {
  if (geometry instanceof Polygon) return geometry.getInteriorPoint();
  const main = largestPolygon(geometry as MultiPolygon);
  return main ? new Point(main.getInteriorPoint().getCoordinates().slice(0, 2)) : undefined;
}

/** Alert areas filled in their CAP severity's colour, the event named once per area. */
export function alertStyleFn(selectedId: () => string | undefined): StyleFunction {
  return (feature) => {
    const selection = selectionOf(feature);
    if (selection?.kind !== 'alert') return undefined;
    const colour = SEVERITY_COLOURS[selection.record.severity];
    const selected = feature.getId() === selectedId();
    return [
      new Style({
        fill: new Fill({ color: withAlpha(colour, selected ? 0.4 : 0.22) }),
        stroke: new Stroke({ color: selected ? '#ffffff' : colour, width: selected ? 3 : 2.5, lineDash: [12, 6] }),
      }),
      new Style({
        geometry: labelPoint(feature.getGeometry()),
        // Below the district's name at the same point.
        text: new Text({
          text: `⚠ ${selection.record.event}`, font: `700 15px ${FONT}`, fill: new Fill({ color: colour }), stroke: HALO, offsetY: 22, overflow: true,
        }),
        zIndex: 2,
      }),
    ];
  };
}

let hatch: CanvasPattern | string | undefined;
/** Diagonal red lines, drawn once; a flat tint where a canvas is not available. */
function hatchFill(): CanvasPattern | string {
  if (hatch !== undefined) return hatch;
  const canvas = document.createElement('canvas');
  canvas.width = 12;
  canvas.height = 12;
  const context = canvas.getContext('2d');
  if (!context) return (hatch = withAlpha(RISK_COLOUR, 0.25));
  context.fillStyle = withAlpha(RISK_COLOUR, 0.1);
  context.fillRect(0, 0, 12, 12);
  context.strokeStyle = withAlpha(RISK_COLOUR, 0.75);
  context.lineWidth = 2;
  context.beginPath();
  // Three strokes so the lines join across tile edges.
  for (const offset of [-12, 0, 12]) {
    context.moveTo(offset, 12);
    context.lineTo(offset + 12, 0);
  }
  context.stroke();
  return (hatch = context.createPattern(canvas, 'repeat') ?? withAlpha(RISK_COLOUR, 0.25));
}

/** Risk areas: red hatching, a red outline and the area's name. */
export function riskStyleFn(selectedId: () => string | undefined): StyleFunction {
  return (feature: FeatureLike) => {
    const selection = selectionOf(feature);
    if (selection?.kind !== 'area') return undefined;
    const selected = feature.getId() === selectedId();
    return new Style({
      fill: new Fill({ color: hatchFill() }),
      stroke: new Stroke({ color: selected ? '#ffffff' : RISK_COLOUR, width: selected ? 3.5 : 2.5 }),
      text: new Text({ text: selection.record.name, font: `700 14px ${FONT}`, fill: new Fill({ color: '#ffc2c2' }), stroke: HALO, overflow: true }),
    });
  };
}

const incidentCache = new Map<string, Style>();
/**
 * Incidents: a disc in the response level's colour (I red … IV blue) carrying a one-character
 * glyph of its type, so type and level read together at a glance.
 */
export function incidentStyleFn(selectedId: () => string | undefined, locale: () => Locale): StyleFunction {
  return (feature) => {
    const selection = selectionOf(feature);
    if (selection?.kind !== 'incident') return undefined;
    const { level, type } = selection.record;
    const key = `${level}:${type}:${locale()}`;
    let style = incidentCache.get(key);
    if (!style) {
      const glyph = translate(locale(), `map.incidentGlyph.${type}`);
      style = new Style({
        image: new CircleStyle({ radius: 13, fill: new Fill({ color: INCIDENT_LEVEL_COLOURS[level] }), stroke: new Stroke({ color: '#ffffff', width: 2 }) }),
        text: new Text({
          text: glyph, font: `800 ${glyph.length > 1 ? 11 : 15}px ${FONT}`, fill: new Fill({ color: INCIDENT_GLYPH_COLOURS[level] }), offsetY: 1,
        }),
        zIndex: 2,
      });
      incidentCache.set(key, style);
    }
    return feature.getId() === selectedId()
      ? [new Style({ image: new CircleStyle({ radius: 18, stroke: new Stroke({ color: '#ffffff', width: 2.5 }) }) }), style]
      : style;
  };
}
