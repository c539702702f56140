import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import { isEmpty } from 'ol/extent.js';
import Overlay from 'ol/Overlay.js';
import VectorLayer from 'ol/layer/Vector.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import type { StyleFunction } from 'ol/style/Style.js';
import type BaseLayer from 'ol/layer/Base.js';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Locale } from '../i18n/messages.ts';
import { useConsole } from '../state/useConsole.ts';
import { attachLivePositions, type LivePositions } from './live/livePositions.ts';
import { fitPadding, measureInsets } from './mapView.ts';
import { LAYER_IDS, type LayerId } from './model.ts';
import { alertStyleFn, incidentStyleFn, linkStyleFn, nodeStyleFn, riskStyleFn } from './situationStyles.ts';
import { areaStyleFn, boundaryLabelStyle, boundaryLevelStyle, depotStyleFn, shelterStyleFn, teamStyleFn, trackStyleFn } from './styles.ts';

export type Layers = Record<LayerId, VectorLayer<VectorSource>>;
export interface Selection { layer: LayerId; id: string }

/** Exposed only on `?e2e` pages, for the browser tests' pixel and layer checks. */
export interface ConsoleMapHook {
  pixelOf(lon: number, lat: number): number[] | null;
  featureCount(layer: LayerId): number;
  layerVisible(layer: LayerId): boolean;
  fitted(): boolean;
  /** Selects a feature as a click on it would. */
  select(layer: LayerId, featureId: string): void;
  /** The view's centre (lon, lat) and zoom. */
  view(): { center: number[]; zoom: number };
  /** The base map drawn now, or null; and whether its visible tiles have loaded. */
  basemap(): string | null;
  /** Live positions held by the live layer, its drawing path, and whether it is shown. */
  livePointCount(): number;
  livePath(): 'cpu' | 'webgl';
  liveVisible(): boolean;
}
declare global {
  interface Window { __consoleMap?: ConsoleMapHook }
}

/** The OpenLayers map and what the panel's other hooks act on. */
export interface MapHandle {
  map: OlMap;
  layers: Layers;
  labels: VectorLayer<VectorSource>;
  overlay: Overlay;
  live: LivePositions;
  /** Fits the districts once, when both the map has a size and the boundaries have arrived. */
  tryFit(): void;
  /** Fits an extent clear of the tool bar and hints that sit over the map. */
  fit(extent: number[] | undefined, options?: { maxZoom?: number; duration?: number }): void;
  isFitted(): boolean;
  basemapRef: { current: BaseLayer | null };
}

export interface OlMapOptions {
  target: RefObject<HTMLDivElement | null>;
  popup: HTMLElement;
  /** Where to look first (WGS84); absent, the map fits the districts once they arrive. */
  initialView: { center: [number, number]; zoom: number } | null;
  locale: Locale;
  selected: string | undefined;
  /** While a drawing or measuring tool is on, clicks draw instead of selecting. */
  toolActive: () => boolean;
  onSelect(selection: Selection | null): void;
  onMoveEnd(): void;
}

/** Paddings from the overlays drawn over the map: the tool bar, the hint, the note. */
function paddingFor(target: HTMLElement): number[] {
  const view = target.parentElement;
  if (!view) return fitPadding({ top: 0, bottom: 0 });
  const boxOf = (selector: string) => view.querySelector(selector)?.getBoundingClientRect();
  return fitPadding(measureInsets(view.getBoundingClientRect(), { top: [boxOf('.map-tools')], bottom: [boxOf('.map-hint'), boxOf('.map-view__note')] }));
}

/**
 * Creates the map once: its layers, the popup overlay, live positions, the size watch and the
 * test hook. Callbacks are read through refs, so the map is never rebuilt when they change.
 */
export function useOlMap(options: OlMapOptions): MapHandle | null {
  const { api } = useConsole();
  const [handle, setHandle] = useState<MapHandle | null>(null);
  const latest = useRef(options);
  const localeRef = useRef(options.locale);
  const selectedRef = useRef(options.selected);
  useEffect(() => {
    latest.current = options;
    localeRef.current = options.locale;
    selectedRef.current = options.selected;
  });
  // Read once: the map is built for the first view; later views are applied by the caller.
  const initialRef = useRef(options.initialView);

  useEffect(() => {
    const { target: targetRef, popup } = latest.current;
    const target = targetRef.current;
    if (!target) return;
    const selectedId = () => selectedRef.current;
    const layer = (id: LayerId, style: StyleFunction, zIndex: number) =>
      new VectorLayer({ source: new VectorSource(), style, zIndex, properties: { id }, updateWhileInteracting: false });
    const layers: Layers = {
      boundaries: layer('boundaries', boundaryLevelStyle(selectedId), 0),
      // Alerts and risk areas over the districts but under the drawn areas and every marker.
      alerts: layer('alerts', alertStyleFn(selectedId), 0.4),
      risk: layer('risk', riskStyleFn(selectedId), 0.6),
      areas: layer('areas', areaStyleFn(selectedId), 1),
      shelters: layer('shelters', shelterStyleFn(selectedId), 1),
      depots: layer('depots', depotStyleFn(selectedId), 2),
      teams: layer('teams', teamStyleFn(selectedId), 3),
      links: layer('links', linkStyleFn(selectedId), 3.4),
      nodes: layer('nodes', nodeStyleFn(selectedId), 3.6),
      incidents: layer('incidents', incidentStyleFn(selectedId, () => localeRef.current), 4),
      tracks: layer('tracks', trackStyleFn(selectedId), 5),
    };
    // Names over the markers; decluttered, so the small central districts show theirs when zoomed in.
    const labels = new VectorLayer({
      source: layers.boundaries.getSource()!, style: boundaryLabelStyle(() => localeRef.current), zIndex: 4, declutter: true, properties: { id: 'labels' },
    });
    // Alert names give way to district names where they meet (same declutter group as the labels); the fill is never hidden.
    layers.alerts.setDeclutter(true);
    // Anchored by OpenLayers itself (bottom-centre, above the point): a CSS transform would move the
    // popup's picture but leave its box, which swallowed clicks where nothing could be seen.
    const overlay = new Overlay({ element: popup, stopEvent: true, autoPan: false, positioning: 'bottom-center', offset: [0, -14] });
    const initial = initialRef.current;
    // No tile layer unless one is chosen: base maps come only from this console's own /tiles/ route.
    const map = new OlMap({
      overlays: [overlay],
      target,
      layers: [...LAYER_IDS.map((id) => layers[id]), labels],
      controls: defaultControls({ attribution: false, rotate: false }).extend([new ScaleLine()]),
      view: new View({ center: fromLonLat(initial?.center ?? [121.47, 31.23]), zoom: initial?.zoom ?? 9, minZoom: 2, maxZoom: 17 }),
    });
    // A view given or remembered is used as it was, not refitted to the city.
    let fitted = initial !== null;
    const fit: MapHandle['fit'] = (extent, fitOptions = {}) => {
      if (!extent || isEmpty(extent)) return;
      map.getView().fit(extent, { padding: paddingFor(target), duration: fitOptions.duration ?? 300, ...(fitOptions.maxZoom ? { maxZoom: fitOptions.maxZoom } : {}) });
    };
    const tryFit = () => {
      const size = map.getSize();
      const extent = layers.boundaries.getSource()?.getExtent();
      if (fitted || !size || size[0] === 0 || size[1] === 0 || !extent || isEmpty(extent)) return;
      fit(extent, { duration: 0 });
      fitted = true;
    };
    const live = attachLivePositions(map, api);
    const basemapRef: { current: BaseLayer | null } = { current: null };
    const pickable = { hitTolerance: 5, layerFilter: (candidate: unknown) => candidate !== labels };

    map.on('moveend', () => latest.current.onMoveEnd());
    map.on('singleclick', (event) => {
      if (latest.current.toolActive()) return;
      let hit: Selection | null = null;
      map.forEachFeatureAtPixel(event.pixel, (feature, hitLayer) => {
        const id = feature.getId();
        if (id === undefined || !hitLayer) return false;
        hit = { layer: hitLayer.get('id') as LayerId, id: String(id) };
        return true;
      }, pickable);
      latest.current.onSelect(hit);
      overlay.setPosition(hit ? event.coordinate : undefined);
    });
    map.on('pointermove', (event) => {
      if (event.dragging) return;
      target.style.cursor = map.hasFeatureAtPixel(event.pixel, pickable) ? 'pointer' : '';
    });
    const observer = new ResizeObserver(() => {
      map.updateSize();
      tryFit();
    });
    observer.observe(target);

    if (new URLSearchParams(window.location.search).has('e2e')) {
      window.__consoleMap = {
        pixelOf: (lon, lat) => map.getPixelFromCoordinate(fromLonLat([lon, lat])) ?? null,
        featureCount: (id) => layers[id].getSource()?.getFeatures().length ?? 0,
        layerVisible: (id) => layers[id].getVisible(),
        fitted: () => fitted,
        select: (id, featureId) => latest.current.onSelect({ layer: id, id: featureId }),
        view: () => ({ center: toLonLat(map.getView().getCenter() ?? [0, 0]), zoom: map.getView().getZoom() ?? 0 }),
        basemap: () => (basemapRef.current?.get('basemap') as string | undefined) ?? null,
        livePointCount: () => live.store.count,
        livePath: () => live.choice.path,
        liveVisible: () => live.layer.getVisible(),
      };
    }
    setHandle({ map, layers, labels, overlay, live, tryFit, fit, isFitted: () => fitted, basemapRef });
    return () => {
      observer.disconnect();
      live.dispose();
      map.setTarget(undefined);
      setHandle(null);
      delete window.__consoleMap;
    };
  }, [api]);

  return handle;
}
