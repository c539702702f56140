import 'ol/ol.css';
import '../map/mapTools.css';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import { createEmpty, extend, isEmpty } from 'ol/extent.js';
import type Feature from 'ol/Feature.js';
import type BaseLayer from 'ol/layer/Base.js';
import Overlay from 'ol/Overlay.js';
import VectorLayer from 'ol/layer/Vector.js';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import type { StyleFunction } from 'ol/style/Style.js';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { AreaPurpose, type NamedArea } from '../../shared/domain/namedArea.ts';
import type { ConsoleApi } from '../../shared/ipc/contract.ts';
import { describeError, primaryName } from '../i18n/display.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { featureDetails } from '../map/details.ts';
import { areaFeatures, boundaryFeatures, depotFeatures, incidentFeatures, selectionOf, shelterFeatures, teamFeatures, trackFeatures } from '../map/features.ts';
import { ALL_VISIBLE, LAYER_ENTITY, LAYER_IDS, legendModel, MAP_COLOURS, type LayerId, type Visibility } from '../map/model.ts';
import { areaStyleFn, boundaryLabelStyle, boundaryLevelStyle, depotStyleFn, shelterStyleFn, teamStyleFn, trackStyleFn } from '../map/styles.ts';
import { alertFeatures, commandNodeFeatures, isRiskArea, linkFeatures, nodePlaces } from '../map/situationFeatures.ts';
import { alertStyleFn, incidentStyleFn, linkStyleFn, nodeStyleFn, riskStyleFn } from '../map/situationStyles.ts';
import { useSyncLinks } from '../map/useSyncLinks.ts';
import { createBasemapLayer } from '../map/basemapLayer.ts';
import { ImportDialog } from '../map/ImportDialog.tsx';
import { LegendCard } from '../map/LegendCard.tsx';
import { MapSearch, type PlaceHit } from '../map/MapSearch.tsx';
import { formatMeasure, startTool, type DrawnShape, type Measurement, type ToolId } from '../map/mapTools.ts';
import { NamedAreasCard } from '../map/NamedAreasCard.tsx';
import { loadMapState, saveMapState } from '../map/panelState.ts';
import { useConsole } from '../state/useConsole.ts';
import { attachLivePositions, type LivePositions } from '../map/live/livePositions.ts';
import { LiveLegendEntry } from '../map/live/LiveLegendEntry.tsx';
import { useLiveQuery } from '../state/useLiveQuery.ts';

const loadBoundaries = (api: ConsoleApi) => api.map.boundaries({});
const loadDepots = (api: ConsoleApi) => api.resources.listDepots({});
const loadShelters = (api: ConsoleApi) => api.resources.listShelters({});
const loadTeams = (api: ConsoleApi) => api.resources.listTeams({});
const loadTracks = (api: ConsoleApi) => api.hazards.listTracks({});
const loadAreas = (api: ConsoleApi) => api.map.listAreas({});
const loadIncidents = (api: ConsoleApi) => api.incidents.list({});
const loadBasemaps = (api: ConsoleApi) => api.map.listBasemaps({});
const loadAlerts = (api: ConsoleApi) => api.alerts.list({});
const loadNodes = (api: ConsoleApi) => api.nodes.list({});
const loadInfo = (api: ConsoleApi) => api.app.info({});
const TOOLS: readonly ToolId[] = ['drawPolygon', 'drawCircle', 'measureLength', 'measureArea'];

type Layers = Record<LayerId, VectorLayer<VectorSource>>;

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

const FIT_PADDING = [40, 40, 40, 40];

/** 一张图: districts, depots, shelters, teams and typhoon tracks on an offline map (no online tiles). */
export function MapPanel() {
  const { t, locale } = useI18n();
  const boundaries = useLiveQuery(loadBoundaries, [LAYER_ENTITY.boundaries]);
  const depots = useLiveQuery(loadDepots, [LAYER_ENTITY.depots]);
  const shelters = useLiveQuery(loadShelters, [LAYER_ENTITY.shelters]);
  const teams = useLiveQuery(loadTeams, [LAYER_ENTITY.teams]);
  const tracks = useLiveQuery(loadTracks, [LAYER_ENTITY.tracks]);
  const areas = useLiveQuery(loadAreas, [LAYER_ENTITY.areas]);
  const incidents = useLiveQuery(loadIncidents, [LAYER_ENTITY.incidents]);
  const basemaps = useLiveQuery(loadBasemaps, []);
  const alerts = useLiveQuery(loadAlerts, [LAYER_ENTITY.alerts]);
  const nodes = useLiveQuery(loadNodes, [LAYER_ENTITY.nodes]);
  const info = useLiveQuery(loadInfo, []);
  const links = useSyncLinks();
  const { api } = useConsole();
  const [live, setLive] = useState<LivePositions | null>(null);

  const saved = useMemo(() => loadMapState(), []);
  const [visible, setVisible] = useState<Visibility>(saved?.visible ?? ALL_VISIBLE);
  const [basemap, setBasemap] = useState(saved?.basemap ?? '');
  const [tool, setTool] = useState<ToolId | null>(null);
  const [measurement, setMeasurement] = useState<Measurement | null>(null);
  const [drawn, setDrawn] = useState<DrawnShape | null>(null);
  const [areaName, setAreaName] = useState('');
  const [areaPurpose, setAreaPurpose] = useState<AreaPurpose>('general');
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [importing, setImporting] = useState(false);
  // OpenLayers moves an overlay's element into its own container, so React renders into it through a portal.
  const [popupElement] = useState(() => {
    const element = document.createElement('div');
    element.className = 'map-popup';
    element.dataset.testid = 'map-popup';
    return element;
  });
  const overlayRef = useRef<Overlay | null>(null);
  const toolRef = useRef<ToolId | null>(null);
  const basemapLayerRef = useRef<BaseLayer | null>(null);
  const persistRef = useRef<() => void>(() => {});
  const [selected, setSelected] = useState<{ layer: LayerId; id: string } | null>(null);
  const [zoomCode, setZoomCode] = useState('');
  const targetRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<{ map: OlMap; layers: Layers; fitted: boolean; tryFit(): void } | null>(null);
  const localeRef = useRef(locale);
  const selectedRef = useRef<string | undefined>(undefined);
  const labelsRef = useRef<VectorLayer<VectorSource> | null>(null);

  useEffect(() => {
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
      tracks: layer('tracks', trackStyleFn(selectedId), 4),
    };
    // Names over the markers; decluttered, so the small central districts show theirs when zoomed in.
    const labels = new VectorLayer({
      source: layers.boundaries.getSource()!, style: boundaryLabelStyle(() => localeRef.current), zIndex: 4, declutter: true, properties: { id: 'labels' },
    });
    layers.tracks.setZIndex(5);
    // Alert names give way to district names where they meet (same declutter group as the labels); the fill is never hidden.
    layers.alerts.setDeclutter(true);
    // No tile layer unless one is chosen: base maps come only from this console's own /tiles/ route.
    const overlay = new Overlay({ element: popupElement, stopEvent: true, autoPan: false });
    overlayRef.current = overlay;
    const map = new OlMap({
      overlays: [overlay],
      target,
      layers: [...LAYER_IDS.map((id) => layers[id]), labels],
      controls: defaultControls({ attribution: false, rotate: false }).extend([new ScaleLine()]),
      view: new View({ center: saved?.center ?? fromLonLat([121.47, 31.23]), zoom: saved?.zoom ?? 9, minZoom: 2, maxZoom: 17 }),
    });
    const state = {
      // A remembered view is used as it was left, not refitted to the city.
      map, layers, fitted: saved !== null,
      tryFit() {
        const size = map.getSize();
        const extent = layers.boundaries.getSource()?.getExtent();
        if (state.fitted || !size || size[0] === 0 || size[1] === 0 || !extent || isEmpty(extent)) return;
        map.getView().fit(extent, { padding: FIT_PADDING });
        state.fitted = true;
      },
    };
    mapRef.current = state;
    const livePositions = attachLivePositions(map, api);
    setLive(livePositions);
    labelsRef.current = labels;
    const pickable = { hitTolerance: 5, layerFilter: (candidate: unknown) => candidate !== labels };

    map.on('moveend', () => persistRef.current());
    map.on('singleclick', (event) => {
      if (toolRef.current) return;
      let hit: { layer: LayerId; id: string } | null = null;
      map.forEachFeatureAtPixel(event.pixel, (feature, hitLayer) => {
        const id = feature.getId();
        if (id === undefined || !hitLayer) return false;
        hit = { layer: hitLayer.get('id') as LayerId, id: String(id) };
        return true;
      }, pickable);
      setSelected(hit);
      overlay.setPosition(hit ? event.coordinate : undefined);
    });
    map.on('pointermove', (event) => {
      if (event.dragging) return;
      target.style.cursor = map.hasFeatureAtPixel(event.pixel, pickable) ? 'pointer' : '';
    });

    const observer = new ResizeObserver(() => {
      map.updateSize();
      state.tryFit();
    });
    observer.observe(target);

    if (new URLSearchParams(window.location.search).has('e2e')) {
      window.__consoleMap = {
        pixelOf: (lon, lat) => map.getPixelFromCoordinate(fromLonLat([lon, lat])) ?? null,
        featureCount: (id) => layers[id].getSource()?.getFeatures().length ?? 0,
        layerVisible: (id) => layers[id].getVisible(),
        fitted: () => state.fitted,
        select: (id, featureId) => setSelected({ layer: id, id: featureId }),
        view: () => ({ center: toLonLat(map.getView().getCenter() ?? [0, 0]), zoom: map.getView().getZoom() ?? 0 }),
        basemap: () => (basemapLayerRef.current?.get('basemap') as string | undefined) ?? null,
        livePointCount: () => livePositions.store.count,
        livePath: () => livePositions.choice.path,
        liveVisible: () => livePositions.layer.getVisible(),
      };
    }
    return () => {
      observer.disconnect();
      livePositions.dispose();
      map.setTarget(undefined);
      mapRef.current = null;
      labelsRef.current = null;
      delete window.__consoleMap;
    };
  }, []);

  const replace = (id: LayerId, features: Feature[] | undefined) => {
    const current = mapRef.current;
    const source = current?.layers[id].getSource();
    if (!current || !source || !features) return;
    source.clear(true);
    source.addFeatures(features);
    if (id === 'boundaries') current.tryFit();
  };
  useEffect(() => replace('boundaries', boundaries.data && boundaryFeatures(boundaries.data)), [boundaries.data]);
  useEffect(() => replace('depots', depots.data && depotFeatures(depots.data)), [depots.data]);
  useEffect(() => replace('shelters', shelters.data && shelterFeatures(shelters.data)), [shelters.data]);
  useEffect(() => replace('teams', teams.data && teamFeatures(teams.data)), [teams.data]);
  useEffect(() => replace('tracks', tracks.data && trackFeatures(tracks.data)), [tracks.data]);
  useEffect(() => replace('areas', areas.data && areaFeatures(areas.data.filter((area) => !isRiskArea(area)))), [areas.data]);
  useEffect(() => replace('risk', areas.data && areaFeatures(areas.data.filter(isRiskArea))), [areas.data]);
  useEffect(() => replace('alerts', alerts.data && boundaries.data && alertFeatures(alerts.data, boundaries.data)), [alerts.data, boundaries.data]);
  const cityCode = useMemo(() => nodes.data?.find((node) => node.level === 'city')?.code, [nodes.data]);
  const places = useMemo(() => (boundaries.data ? nodePlaces(boundaries.data, cityCode) : undefined), [boundaries.data, cityCode]);
  const localCode = info.data?.nodeCode;
  useEffect(() => replace('nodes', nodes.data && places && commandNodeFeatures(nodes.data, places, localCode)), [nodes.data, places, localCode]);
  const nodeByCode = useMemo(() => new Map((nodes.data ?? []).map((node) => [node.code, node])), [nodes.data]);
  useEffect(() => replace('links', places && linkFeatures(links, localCode, places, nodeByCode)), [links, places, localCode, nodeByCode]);
  useEffect(() => replace('incidents', incidents.data && incidentFeatures(incidents.data)), [incidents.data]);

  // The panel's saved state: view, layers and base map, kept in this browser's localStorage.
  persistRef.current = () => {
    const view = mapRef.current?.map.getView();
    const center = view?.getCenter();
    const zoom = view?.getZoom();
    if (center && zoom !== undefined) saveMapState({ center: [center[0]!, center[1]!], zoom, visible, basemap });
  };
  useEffect(() => persistRef.current(), [visible, basemap]);

  // The chosen base map under every layer; an id no longer registered draws nothing.
  useEffect(() => {
    const map = mapRef.current?.map;
    if (!map) return;
    if (basemapLayerRef.current) map.removeLayer(basemapLayerRef.current);
    basemapLayerRef.current = null;
    const info = basemaps.data?.find((candidate) => candidate.id === basemap);
    if (info) {
      basemapLayerRef.current = createBasemapLayer(info);
      map.addLayer(basemapLayerRef.current);
    }
  }, [basemap, basemaps.data]);

  useEffect(() => {
    toolRef.current = tool;
    const map = mapRef.current?.map;
    if (!map || !tool) return;
    setMeasurement(null);
    overlayRef.current?.setPosition(undefined);
    return startTool(map, tool, {
      drawn: (shape) => {
        setDrawn(shape);
        setAreaName('');
        setAreaPurpose('general');
        setTool(null);
      },
      measured: setMeasurement,
    });
  }, [tool]);

  const saveDrawn = async () => {
    if (!drawn || areaName.trim() === '') return;
    try {
      const area = await api.map.saveArea({ name: areaName.trim(), ...drawn, purpose: areaPurpose });
      setNotice({ ok: true, text: t('map.area.saved', { name: area.name }) });
      setDrawn(null);
    } catch (error) {
      setNotice({ ok: false, text: t('map.area.failed', { reason: error instanceof Error ? error.message : describeError(error, locale) }) });
    }
  };

  const fitTo = (extent: number[] | undefined, maxZoom = 14) => {
    if (extent && !isEmpty(extent)) mapRef.current?.map.getView().fit(extent, { padding: FIT_PADDING, duration: 300, maxZoom });
  };
  const zoomToArea = (area: NamedArea) => fitTo(mapRef.current?.layers[isRiskArea(area) ? 'risk' : 'areas'].getSource()?.getFeatureById(area.id)?.getGeometry()?.getExtent());
  const deleteArea = (area: NamedArea) => {
    api.map.deleteArea({ id: area.id }).catch((error: unknown) => setNotice({ ok: false, text: describeError(error, locale) }));
  };

  const localPlaces = useCallback((query: string): PlaceHit[] => {
    const needle = query.toLowerCase();
    const matches = (name: string, nameEn?: string) => name.toLowerCase().includes(needle) || (nameEn ?? '').toLowerCase().includes(needle);
    return [
      ...(depots.data ?? []).filter((d) => matches(d.name, d.nameEn) || d.id === query).map((d) => ({ key: `depot:${d.id}`, label: primaryName(d, locale), detail: t('map.kind.depot'), point: d.location })),
      ...(shelters.data ?? []).filter((s) => matches(s.name, s.nameEn) || s.id === query).map((s) => ({ key: `shelter:${s.id}`, label: primaryName(s, locale), detail: t('map.kind.shelter'), point: s.location })),
    ].slice(0, 6);
  }, [depots.data, shelters.data, locale, t]);

  const pickPlace = (hit: PlaceHit) => {
    const current = mapRef.current;
    if (!current) return;
    if (hit.point) {
      current.map.getView().animate({ center: fromLonLat([hit.point.lon, hit.point.lat]), zoom: 14, duration: 300 });
      return;
    }
    const code = hit.node?.code ?? '';
    const source = current.layers.boundaries.getSource();
    // A street without its own polygon is shown by its district's.
    const feature = source?.getFeatureById(code) ?? source?.getFeatureById(`${code.slice(0, 6)}000000`);
    fitTo(feature?.getGeometry()?.getExtent());
    if (feature) setSelected({ layer: 'boundaries', id: String(feature.getId()) });
  };

  useEffect(() => {
    const layers = mapRef.current?.layers;
    if (layers) for (const id of LAYER_IDS) layers[id].setVisible(visible[id]);
    labelsRef.current?.setVisible(visible.boundaries);
  }, [visible]);

  useEffect(() => {
    localeRef.current = locale;
    labelsRef.current?.changed();
    mapRef.current?.layers.incidents.changed();
  }, [locale]);

  useEffect(() => {
    selectedRef.current = selected?.id;
    const layers = mapRef.current?.layers;
    if (layers) for (const id of LAYER_IDS) layers[id].changed();
  }, [selected]);

  const districts = useMemo(
    () => (boundaries.data ?? []).filter((b) => b.level === 'district').sort((a, b) => a.code.localeCompare(b.code)),
    [boundaries.data],
  );

  const zoomTo = (code: string) => {
    setZoomCode(code);
    const current = mapRef.current;
    if (!current) return;
    const source = current.layers.boundaries.getSource();
    let extent = createEmpty();
    if (code) {
      const feature = source?.getFeatureById(code);
      const geometry = feature?.getGeometry();
      if (geometry) extent = geometry.getExtent();
    } else {
      const all = source?.getExtent();
      if (all) extent = extend(extent, all);
    }
    if (!isEmpty(extent)) current.map.getView().fit(extent, { padding: FIT_PADDING, duration: 300 });
  };

  const counts: Record<LayerId, number> = {
    boundaries: districts.length,
    depots: depots.data?.length ?? 0,
    shelters: shelters.data?.length ?? 0,
    teams: teams.data?.filter((team) => team.position).length ?? 0,
    tracks: tracks.data?.length ?? 0,
    areas: areas.data?.filter((area) => !isRiskArea(area)).length ?? 0,
    risk: areas.data?.filter(isRiskArea).length ?? 0,
    incidents: incidents.data?.filter((incident) => incident.location).length ?? 0,
    alerts: alerts.data?.filter((alert) => alert.msgType === 'Alert' || alert.msgType === 'Update').length ?? 0,
    nodes: nodes.data?.filter((node) => node.level !== 'street').length ?? 0,
    links: links.length,
  };
  const incidentTypes = useMemo(() => (incidents.data ?? []).filter((incident) => incident.location).map((incident) => incident.type), [incidents.data]);
  const legend = legendModel(visible, counts, tracks.data ?? [], incidentTypes);

  // Looked up from the live data on every render, so the panel shows the latest occupancy.
  const details = useMemo(() => {
    void [boundaries.data, depots.data, shelters.data, teams.data, tracks.data, areas.data, incidents.data, alerts.data, nodes.data, links];
    if (!selected) return null;
    const feature = mapRef.current?.layers[selected.layer].getSource()?.getFeatureById(selected.id);
    const selection = feature ? selectionOf(feature) : undefined;
    return selection ? featureDetails(selection, locale) : null;
  }, [selected, locale, boundaries.data, depots.data, shelters.data, teams.data, tracks.data, areas.data, incidents.data, alerts.data, nodes.data, links]);

  const loadError = [boundaries, depots, shelters, teams, tracks, areas, incidents, alerts, nodes].map((query) => query.error).find((error) => error);

  const hint = tool === 'drawPolygon' ? 'map.tool.drawHint' : tool === 'drawCircle' ? 'map.tool.circleHint' : tool ? 'map.tool.measureHint' : null;
  return (
    <section className="panel" aria-labelledby="map-title" data-testid="panel-map">
      <div className="panel__header">
        <h2 id="map-title" className="panel__title">{t('map.title')}</h2>
        {boundaries.data && (
          <span className="panel__summary" data-testid="map-summary">
            {t('map.summary', { districts: counts.boundaries, depots: counts.depots, shelters: counts.shelters, teams: counts.teams })}
          </span>
        )}
        <div className="panel__toolbar">
          <label className="map-zoom">
            <span className="map-zoom__label">{t('map.zoomTo')}</span>
            <select className="input map-zoom__select" value={zoomCode} data-testid="map-zoom" onChange={(event) => zoomTo(event.target.value)}>
              <option value="">{t('map.zoomAll')}</option>
              {districts.map((district) => (
                <option key={district.code} value={district.code}>{primaryName(district, locale)}</option>
              ))}
            </select>
          </label>
        </div>
      </div>
      {loadError !== undefined && loadError !== null && (
        <div className="panel__notice panel__notice--error" role="alert">{t('error.loadFailed', { reason: describeError(loadError, locale) })}</div>
      )}
      {notice && (
        <div className={`panel__notice${notice.ok ? '' : ' panel__notice--error'}`} role={notice.ok ? 'status' : 'alert'} data-testid="map-notice"
          onClick={() => setNotice(null)}>{notice.text}</div>
      )}
      <div className="map-layout">
        <div className="map-view" style={{ background: MAP_COLOURS.background }}>
          <div ref={targetRef} className="map-view__target" data-testid="map-canvas" />
          <div className="map-tools" data-testid="map-tools">
            <MapSearch localPlaces={localPlaces} onPick={pickPlace} />
            <div className="map-tools__group" role="group">
              {TOOLS.map((id) => (
                <button key={id} type="button" className={`button button--small${tool === id ? ' button--active' : ''}`} aria-pressed={tool === id}
                  data-testid={`map-tool-${id}`} onClick={() => { setDrawn(null); setTool((current) => (current === id ? null : id)); }}>
                  {t(`map.tool.${id}`)}
                </button>
              ))}
            </div>
            <label className="map-zoom">
              <span className="map-zoom__label">{t('map.basemap.label')}</span>
              <select className="input map-tools__select" value={basemap} data-testid="map-basemap" onChange={(event) => setBasemap(event.target.value)}>
                <option value="">{t('map.basemap.none')}</option>
                {(basemaps.data ?? []).map((info) => (
                  <option key={info.id} value={info.id}>{t(info.kind === 'online' ? 'map.basemap.online' : 'map.basemap.mbtiles', { name: info.name })}</option>
                ))}
              </select>
            </label>
            <button type="button" className="button button--small" data-testid="map-import" onClick={() => setImporting(true)}>{t('map.import.button')}</button>
          </div>
          {(hint || drawn) && (
            <div className="map-hint" data-testid="map-hint">
              {hint && <span>{t(hint)}</span>}
              {measurement && (
                <span className="map-hint__value" data-testid="map-measure">
                  {t(measurement.kind === 'length' ? 'map.measure.length' : 'map.measure.area', { value: formatMeasure(measurement.value) })}
                </span>
              )}
              {drawn && (
                <form onSubmit={(event) => { event.preventDefault(); void saveDrawn(); }}>
                  <label htmlFor="map-area-name">{t('map.area.nameLabel')}</label>
                  <input id="map-area-name" className="input" value={areaName} maxLength={120} autoFocus data-testid="map-area-name-input"
                    onChange={(event) => setAreaName(event.target.value)} />
                  <label htmlFor="map-area-purpose">{t('map.area.purposeLabel')}</label>
                  <select id="map-area-purpose" className="input map-tools__select" value={areaPurpose} data-testid="map-area-purpose"
                    onChange={(event) => setAreaPurpose(AreaPurpose.parse(event.target.value))}>
                    {AreaPurpose.options.map((purpose) => <option key={purpose} value={purpose}>{t(`map.purpose.${purpose}`)}</option>)}
                  </select>
                  <button type="submit" className="button button--small" disabled={areaName.trim() === ''} data-testid="map-area-save">{t('map.area.save')}</button>
                  <button type="button" className="button button--small" onClick={() => setDrawn(null)}>{t('map.area.cancel')}</button>
                </form>
              )}
            </div>
          )}
          {details && createPortal(
            <>
              <button type="button" className="map-popup__close" aria-label={t('map.popup.close')}
                onClick={() => { overlayRef.current?.setPosition(undefined); setSelected(null); }}>×</button>
              <div className="map-popup__kind">{details.kind}</div>
              <div className="map-popup__title" data-testid="map-popup-title">{details.title}</div>
            </>,
            popupElement,
          )}
          <div className="map-view__note">{basemap ? (basemaps.data?.find((info) => info.id === basemap)?.attribution ?? '') : t('map.offlineNote')}</div>
        </div>
        <aside className="map-side">
          <section className="map-card map-card--details" aria-labelledby="map-details-title" data-testid="map-details">
            <div className="map-card__head">
              <h3 id="map-details-title" className="map-card__title">{t('map.details')}</h3>
              {details && <button type="button" className="button button--small" onClick={() => { overlayRef.current?.setPosition(undefined); setSelected(null); }}>{t('map.close')}</button>}
            </div>
            {details ? (
              <div className="details" data-testid="map-details-body">
                <div className="details__kind">{details.kind}</div>
                <div className="details__title" data-testid="detail-title">{details.title}</div>
                {details.subtitle && <div className="details__subtitle">{details.subtitle}</div>}
                <dl className="details__rows">
                  {details.rows.map((row) => (
                    <div key={row.label} className="details__row">
                      <dt>{row.label}</dt>
                      <dd data-testid={row.testId}>{row.value}</dd>
                    </div>
                  ))}
                </dl>
              </div>
            ) : (
              <p className="details__hint">{t('map.detailsHint')}</p>
            )}
          </section>
          <NamedAreasCard areas={areas.data ?? []} onZoom={zoomToArea} onDelete={deleteArea} />
          <LegendCard legend={legend} onToggle={(id, on) => setVisible((current) => ({ ...current, [id]: on }))}>
            <LiveLegendEntry live={live} />
          </LegendCard>
        </aside>
      </div>
      {importing && <ImportDialog onClose={() => { setImporting(false); basemaps.reload(); }} />}
    </section>
  );
}
