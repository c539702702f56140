import 'ol/ol.css';
import './areaDrawMap.css';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import { isEmpty } from 'ol/extent.js';
import Feature from 'ol/Feature.js';
import type BaseLayer from 'ol/layer/Base.js';
import VectorLayer from 'ol/layer/Vector.js';
import { fromLonLat } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Alert, AlertArea } from '../../shared/domain/alert.ts';
import type { ConsoleApi } from '../../shared/ipc/contract.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { useLiveQuery } from '../state/useLiveQuery.ts';
import { alertAreaGeometry } from './alertAreaGeometry.ts';
import { createBasemapLayer } from './basemapLayer.ts';
import { drawnAreaStyle, LABEL } from './areaDrawStyle.ts';
import { boundaryFeatures } from './features.ts';
import { startTool, type DrawnShape } from './mapTools.ts';
import { loadMapState } from './panelState.ts';
import { boundaryLabelStyle, boundaryLevelStyle } from './styles.ts';

/** One area of the draft to show, with the short label (its number in the list) drawn inside it. */
export interface PreviewArea { area: AlertArea; label?: string }
type DrawTool = 'drawPolygon' | 'drawCircle';

/** Exposed only on `?e2e` pages, for the browser tests to find where a place is on the composer's map. */
export interface AreaMapHook {
  pixelOf(lon: number, lat: number): number[] | null;
  areaCount(): number;
  fitted(): boolean;
}
declare global {
  interface Window { __areaMap?: AreaMapHook }
}

const loadBoundaries = (api: ConsoleApi) => api.map.boundaries({});
const loadBasemaps = (api: ConsoleApi) => api.map.listBasemaps({});

/**
 * A small map of the alert's areas inside the composer: the situation map's districts and base
 * map, every area of the draft (drawn, by code, named) in the severity's colour, and the same
 * drawing tools as the situation map. A finished drawing is handed to `onDrawn`; Esc cancels.
 */
export function AreaDrawMap({ areas, severity, onDrawn }: { areas: readonly PreviewArea[]; severity: Alert['severity']; onDrawn(shape: DrawnShape): void }) {
  const { t, locale } = useI18n();
  const boundaries = useLiveQuery(loadBoundaries, ['boundary']);
  const basemaps = useLiveQuery(loadBasemaps, []);
  const targetRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<{ map: OlMap; boundaries: VectorSource; areas: VectorSource; labels: VectorLayer<VectorSource>; fit(): void } | null>(null);
  const [tool, setTool] = useState<DrawTool | null>(null);
  const localeRef = useRef(locale);
  const severityRef = useRef(severity);
  const onDrawnRef = useRef(onDrawn);
  useEffect(() => {
    localeRef.current = locale;
    severityRef.current = severity;
    onDrawnRef.current = onDrawn;
  });
  // The base map the officer chose on the situation map, if any: tiles come only from this console's host.
  const [basemapId] = useState(() => loadMapState()?.basemap ?? '');

  useEffect(() => {
    const target = targetRef.current;
    if (!target) return;
    const boundarySource = new VectorSource();
    const areaSource = new VectorSource();
    const labels = new VectorLayer({ source: boundarySource, style: boundaryLabelStyle(() => localeRef.current), zIndex: 2, declutter: true });
    const instance = new OlMap({
      target,
      layers: [
        new VectorLayer({ source: boundarySource, style: boundaryLevelStyle(() => undefined), zIndex: 0 }),
        // Over the district names: a drawn area's number must stay readable where a name falls on it.
        new VectorLayer({ source: areaSource, style: drawnAreaStyle(() => severityRef.current), zIndex: 3 }),
        labels,
      ],
      controls: defaultControls({ attribution: false, rotate: false }).extend([new ScaleLine()]),
      view: new View({ center: fromLonLat([121.47, 31.23]), zoom: 8, minZoom: 4, maxZoom: 17 }),
    });
    // Fits once, when the map has a size and the districts have come: to the draft's own shapes if it has any.
    let fitted = false;
    const fit = () => {
      const size = instance.getSize();
      const districts = boundarySource.getExtent();
      const extent = areaSource.getFeatures().some((feature) => feature.get(LABEL)) ? areaSource.getExtent() : districts;
      if (fitted || !size || size[0] === 0 || size[1] === 0 || !districts || isEmpty(districts) || !extent) return;
      instance.getView().fit(extent, { padding: [12, 12, 12, 12], maxZoom: 13 });
      fitted = true;
    };
    const observer = new ResizeObserver(() => {
      instance.updateSize();
      fit();
    });
    observer.observe(target);
    if (new URLSearchParams(window.location.search).has('e2e')) {
      window.__areaMap = {
        pixelOf: (lon, lat) => instance.getPixelFromCoordinate(fromLonLat([lon, lat])) ?? null,
        areaCount: () => areaSource.getFeatures().length,
        fitted: () => fitted,
      };
    }
    setMap({ map: instance, boundaries: boundarySource, areas: areaSource, labels, fit });
    return () => {
      observer.disconnect();
      instance.setTarget(undefined);
      setMap(null);
      delete window.__areaMap;
    };
  }, []);

  useEffect(() => {
    if (!map || !boundaries.data) return;
    map.boundaries.clear(true);
    map.boundaries.addFeatures(boundaryFeatures(boundaries.data));
    map.fit();
  }, [map, boundaries.data]);

  const byCode = useMemo(() => new Map((boundaries.data ?? []).map((boundary) => [boundary.code, boundary])), [boundaries.data]);
  useEffect(() => {
    if (!map) return;
    map.areas.clear(true);
    map.areas.addFeatures(areas.flatMap(({ area, label }) => {
      const geometry = alertAreaGeometry(area, byCode);
      return geometry ? [new Feature({ geometry, [LABEL]: label })] : [];
    }));
    map.fit();
  }, [map, areas, byCode]);

  useEffect(() => {
    map?.labels.changed();
    map?.areas.changed();
  }, [map, locale, severity]);

  useEffect(() => {
    const info = basemaps.data?.find((candidate) => candidate.id === basemapId);
    if (!map || !info) return;
    const layer: BaseLayer = createBasemapLayer(info);
    map.map.addLayer(layer);
    return () => { map.map.removeLayer(layer); };
  }, [map, basemaps.data, basemapId]);

  useEffect(() => {
    if (!map || !tool) return;
    const stop = startTool(map.map, tool, {
      drawn: (shape) => {
        setTool(null);
        onDrawnRef.current(shape);
      },
    });
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setTool(null);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      stop();
    };
  }, [map, tool]);

  const toolButton = (id: DrawTool, label: 'alertAreas.drawPolygon' | 'alertAreas.drawCircle') => (
    <button type="button" className={`button button--small${tool === id ? ' button--active' : ''}`} aria-pressed={tool === id}
      data-testid={`alert-area-${id}`} onClick={() => setTool((current) => (current === id ? null : id))}>{t(label)}</button>
  );

  return (
    <div className="area-draw-map">
      <div className="area-draw-map__tools">
        {toolButton('drawPolygon', 'alertAreas.drawPolygon')}
        {toolButton('drawCircle', 'alertAreas.drawCircle')}
        {tool && <button type="button" className="button button--small" data-testid="alert-area-stop" onClick={() => setTool(null)}>{t('alertAreas.stop')}</button>}
      </div>
      {tool && (
        <p className="area-draw-map__hint" role="status" data-testid="alert-area-hint">
          {t(tool === 'drawPolygon' ? 'alertAreas.polygonHint' : 'alertAreas.circleHint')}
        </p>
      )}
      <div ref={targetRef} className={`area-draw-map__canvas${tool ? ' area-draw-map__canvas--drawing' : ''}`} role="application"
        aria-label={t('alertAreas.mapLabel')} data-testid="alert-area-map" />
    </div>
  );
}
