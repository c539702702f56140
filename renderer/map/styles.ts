import type { FeatureLike } from 'ol/Feature.js';
import type Point from 'ol/geom/Point.js';
import CircleStyle from 'ol/style/Circle.js';
import Fill from 'ol/style/Fill.js';
import RegularShape from 'ol/style/RegularShape.js';
import Stroke from 'ol/style/Stroke.js';
import Style from 'ol/style/Style.js';
import Text from 'ol/style/Text.js';
import type { StyleFunction } from 'ol/style/Style.js';
import { shelterCapacity } from '../../shared/domain/resources.ts';
import { primaryName } from '../i18n/display.ts';
import type { Locale } from '../i18n/messages.ts';
import { LABEL_POINT, selectionOf, TIME_LABEL } from './features.ts';
import { categoryColour, MAP_COLOURS, occupancyColour, occupancyRatio, shelterRadius, trackTimeLabel } from './model.ts';

/** System fonts only: the console never fetches a web font. */
const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
const HALO = new Stroke({ color: 'rgba(5, 11, 20, 0.9)', width: 4 });
const OUTLINE = new Stroke({ color: '#050b14', width: 1.5 });

const districtArea = new Style({
  fill: new Fill({ color: MAP_COLOURS.districtFill }),
  stroke: new Stroke({ color: MAP_COLOURS.districtStroke, width: 1.5 }),
});
const selectedArea = new Style({ stroke: new Stroke({ color: '#ffffff', width: 3 }), zIndex: 1 });

/** District fill and outline; the selected district gets a white outline. */
export function boundaryStyle(selectedId: () => string | undefined): StyleFunction {
  return (feature: FeatureLike) => (feature.getId() === selectedId() ? [districtArea, selectedArea] : districtArea);
}

/**
 * District names in the current language at each label anchor: drawn by a layer of their
 * own above the markers, so a shelter never hides a district's name.
 */
export function boundaryLabelStyle(locale: () => Locale): StyleFunction {
  return (feature: FeatureLike) => {
    const selection = selectionOf(feature);
    if (selection?.kind !== 'district') return undefined;
    return new Style({
      geometry: feature.get(LABEL_POINT) as Point | undefined,
      text: new Text({
        text: primaryName(selection.record, locale()),
        font: `700 16px ${FONT}`,
        fill: new Fill({ color: MAP_COLOURS.districtLabel }),
        stroke: HALO,
      }),
    });
  };
}

const depotStyle = new Style({
  image: new RegularShape({ points: 4, radius: 8, angle: Math.PI / 4, fill: new Fill({ color: MAP_COLOURS.depot }), stroke: OUTLINE }),
});
const teamStyle = new Style({
  image: new RegularShape({ points: 3, radius: 9, fill: new Fill({ color: MAP_COLOURS.team }), stroke: OUTLINE }),
});

const ring = (radius: number) => new Style({ image: new CircleStyle({ radius: radius + 4, stroke: new Stroke({ color: '#ffffff', width: 2.5 }) }) });

export function depotStyleFn(selectedId: () => string | undefined): StyleFunction {
  return (feature) => (feature.getId() === selectedId() ? [ring(8), depotStyle] : depotStyle);
}

export function teamStyleFn(selectedId: () => string | undefined): StyleFunction {
  return (feature) => (feature.getId() === selectedId() ? [ring(9), teamStyle] : teamStyle);
}

const shelterCache = new Map<string, Style>();
/** Shelters: a circle sized by capacity, coloured by occupancy ÷ capacity. */
export function shelterStyleFn(selectedId: () => string | undefined): StyleFunction {
  return (feature) => {
    const selection = selectionOf(feature);
    if (selection?.kind !== 'shelter') return undefined;
    const radius = shelterRadius(shelterCapacity(selection.record));
    const colour = occupancyColour(occupancyRatio(selection.record));
    const key = `${radius}:${colour}`;
    let style = shelterCache.get(key);
    if (!style) {
      style = new Style({ image: new CircleStyle({ radius, fill: new Fill({ color: colour }), stroke: OUTLINE }) });
      shelterCache.set(key, style);
    }
    return feature.getId() === selectedId() ? [ring(radius), style] : style;
  };
}

const trackLine = [
  new Style({ stroke: new Stroke({ color: 'rgba(5, 11, 20, 0.8)', width: 5 }) }),
  new Style({ stroke: new Stroke({ color: MAP_COLOURS.trackLine, width: 2, lineDash: [8, 6] }) }),
];

/** Tracks: a dashed line, each point a dot in its CMA category colour, every other point labelled with its time. */
export function trackStyleFn(selectedId: () => string | undefined): StyleFunction {
  return (feature) => {
    const selection = selectionOf(feature);
    if (selection?.kind === 'track') return trackLine;
    if (selection?.kind !== 'trackPoint') return undefined;
    const point = selection.record.points[selection.index]!;
    const styles = [new Style({
      image: new CircleStyle({ radius: 6, fill: new Fill({ color: categoryColour(point.category) }), stroke: OUTLINE }),
      text: feature.get(TIME_LABEL) === true ? new Text({
        text: trackTimeLabel(point.time),
        font: `600 14px ${FONT}`,
        textAlign: 'left',
        offsetX: 10,
        fill: new Fill({ color: '#ffffff' }),
        stroke: HALO,
      }) : undefined,
      zIndex: 3,
    })];
    if (feature.getId() === selectedId()) styles.unshift(ring(6));
    return styles;
  };
}

const streetArea = new Style({ stroke: new Stroke({ color: MAP_COLOURS.streetStroke, width: 0.8 }) });

/** Districts filled and outlined; imported street boundaries as thin lines on top; the selected one outlined white. */
export function boundaryLevelStyle(selectedId: () => string | undefined): StyleFunction {
  const district = boundaryStyle(selectedId);
  return (feature: FeatureLike, resolution: number) => {
    const selection = selectionOf(feature);
    if (selection?.kind === 'district' && selection.record.level === 'street') {
      return feature.getId() === selectedId() ? [streetArea, selectedArea] : streetArea;
    }
    return district(feature, resolution);
  };
}

/** Named areas: amber outline, faint fill, name in the middle. */
export function areaStyleFn(selectedId: () => string | undefined): StyleFunction {
  return (feature) => {
    const selection = selectionOf(feature);
    if (selection?.kind !== 'area') return undefined;
    const selected = feature.getId() === selectedId();
    return new Style({
      fill: new Fill({ color: 'rgba(255, 176, 32, 0.16)' }),
      stroke: new Stroke({ color: selected ? '#ffffff' : MAP_COLOURS.area, width: selected ? 3 : 2 }),
      text: new Text({ text: selection.record.name, font: `600 14px ${FONT}`, fill: new Fill({ color: '#ffe2a8' }), stroke: HALO, overflow: true }),
    });
  };
}
