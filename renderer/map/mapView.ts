import { ALL_VISIBLE, LAYER_IDS, type LayerId, type Visibility } from './model.ts';

/** Space kept clear around a fitted extent, in CSS pixels. */
export const EDGE_PADDING = 40;

/** What covers the map's edges: the tool bar along the top, hints and notes along the bottom. */
export interface MapInsets { top: number; bottom: number }

/**
 * Padding for `view.fit` ([top, right, bottom, left]): the tool bar and the hint sit over the
 * map, so an extent fitted with a flat margin would slide under them (黄浦区 was cut off).
 */
export function fitPadding(insets: MapInsets): number[] {
  const top = Math.max(0, insets.top) + EDGE_PADDING / 2;
  const bottom = Math.max(0, insets.bottom) + EDGE_PADDING / 2;
  return [Math.max(EDGE_PADDING, top), EDGE_PADDING, Math.max(EDGE_PADDING, bottom), EDGE_PADDING];
}

/** How far the map's overlays reach into it, measured from their boxes. */
export function measureInsets(map: DOMRect, overlays: { top: (DOMRect | undefined)[]; bottom: (DOMRect | undefined)[] }): MapInsets {
  const top = Math.max(0, ...overlays.top.filter((box): box is DOMRect => !!box && box.height > 0).map((box) => box.bottom - map.top));
  const bottom = Math.max(0, ...overlays.bottom.filter((box): box is DOMRect => !!box && box.height > 0).map((box) => map.bottom - box.top));
  return { top: Math.min(top, map.height / 3), bottom: Math.min(bottom, map.height / 3) };
}

/** The map's state as given from outside (a wall cell, an address): WGS84 centre, zoom, layers shown, base map. */
export interface MapGivenState {
  center?: [number, number];
  zoom?: number;
  /** Layers to show; the others are hidden. Absent: all. */
  layers?: readonly string[];
  basemap?: string;
}

/** Visibility for a given list of layer names; unknown names are ignored, an empty or absent list shows all. */
export function visibilityOf(layers: readonly string[] | undefined): Visibility {
  if (!layers || layers.length === 0) return { ...ALL_VISIBLE };
  const chosen = new Set(layers);
  return Object.fromEntries(LAYER_IDS.map((id) => [id, chosen.has(id)])) as Visibility;
}

export const isLayerId = (value: string): value is LayerId => (LAYER_IDS as readonly string[]).includes(value);
