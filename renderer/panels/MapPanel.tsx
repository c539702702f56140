import 'ol/ol.css';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import ScaleLine from 'ol/control/ScaleLine.js';
import { createEmpty, extend, isEmpty } from 'ol/extent.js';
import type Feature from 'ol/Feature.js';
import VectorLayer from 'ol/layer/Vector.js';
import { fromLonLat } from 'ol/proj.js';
import VectorSource from 'ol/source/Vector.js';
import type { StyleFunction } from 'ol/style/Style.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ConsoleApi } from '../../shared/ipc/contract.ts';
import { describeError, primaryName } from '../i18n/display.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { featureDetails } from '../map/details.ts';
import { boundaryFeatures, depotFeatures, selectionOf, shelterFeatures, teamFeatures, trackFeatures } from '../map/features.ts';
import { ALL_VISIBLE, LAYER_ENTITY, LAYER_IDS, legendModel, MAP_COLOURS, type LayerId, type Visibility } from '../map/model.ts';
import { boundaryLabelStyle, boundaryStyle, depotStyleFn, shelterStyleFn, teamStyleFn, trackStyleFn } from '../map/styles.ts';
import { LegendSwatch } from '../map/LegendSwatch.tsx';
import { useLiveQuery } from '../state/useLiveQuery.ts';

const loadBoundaries = (api: ConsoleApi) => api.map.boundaries({});
const loadDepots = (api: ConsoleApi) => api.resources.listDepots({});
const loadShelters = (api: ConsoleApi) => api.resources.listShelters({});
const loadTeams = (api: ConsoleApi) => api.resources.listTeams({});
const loadTracks = (api: ConsoleApi) => api.hazards.listTracks({});

type Layers = Record<LayerId, VectorLayer<VectorSource>>;

/** Exposed only on `?e2e` pages, for the browser tests' pixel and layer checks. */
export interface ConsoleMapHook {
  pixelOf(lon: number, lat: number): number[] | null;
  featureCount(layer: LayerId): number;
  layerVisible(layer: LayerId): boolean;
  fitted(): boolean;
  /** Selects a feature as a click on it would. */
  select(layer: LayerId, featureId: string): void;
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

  const [visible, setVisible] = useState<Visibility>(ALL_VISIBLE);
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
      boundaries: layer('boundaries', boundaryStyle(selectedId), 0),
      shelters: layer('shelters', shelterStyleFn(selectedId), 1),
      depots: layer('depots', depotStyleFn(selectedId), 2),
      teams: layer('teams', teamStyleFn(selectedId), 3),
      tracks: layer('tracks', trackStyleFn(selectedId), 4),
    };
    // Names over the markers; decluttered, so the small central districts show theirs when zoomed in.
    const labels = new VectorLayer({
      source: layers.boundaries.getSource()!, style: boundaryLabelStyle(() => localeRef.current), zIndex: 4, declutter: true, properties: { id: 'labels' },
    });
    layers.tracks.setZIndex(5);
    // No tile layer at all: the console works with no internet, and the CSP would refuse tiles anyway.
    const map = new OlMap({
      target,
      layers: [...LAYER_IDS.map((id) => layers[id]), labels],
      controls: defaultControls({ attribution: false, rotate: false }).extend([new ScaleLine()]),
      view: new View({ center: fromLonLat([121.47, 31.23]), zoom: 9, minZoom: 5, maxZoom: 17 }),
    });
    const state = {
      map, layers, fitted: false,
      tryFit() {
        const size = map.getSize();
        const extent = layers.boundaries.getSource()?.getExtent();
        if (state.fitted || !size || size[0] === 0 || size[1] === 0 || !extent || isEmpty(extent)) return;
        map.getView().fit(extent, { padding: FIT_PADDING });
        state.fitted = true;
      },
    };
    mapRef.current = state;
    labelsRef.current = labels;
    const pickable = { hitTolerance: 5, layerFilter: (candidate: unknown) => candidate !== labels };

    map.on('singleclick', (event) => {
      let hit: { layer: LayerId; id: string } | null = null;
      map.forEachFeatureAtPixel(event.pixel, (feature, hitLayer) => {
        const id = feature.getId();
        if (id === undefined || !hitLayer) return false;
        hit = { layer: hitLayer.get('id') as LayerId, id: String(id) };
        return true;
      }, pickable);
      setSelected(hit);
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
      };
    }
    return () => {
      observer.disconnect();
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

  useEffect(() => {
    const layers = mapRef.current?.layers;
    if (layers) for (const id of LAYER_IDS) layers[id].setVisible(visible[id]);
    labelsRef.current?.setVisible(visible.boundaries);
  }, [visible]);

  useEffect(() => {
    localeRef.current = locale;
    labelsRef.current?.changed();
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
  };
  const legend = legendModel(visible, counts, tracks.data ?? []);

  // Looked up from the live data on every render, so the panel shows the latest occupancy.
  const details = useMemo(() => {
    void [boundaries.data, depots.data, shelters.data, teams.data, tracks.data];
    if (!selected) return null;
    const feature = mapRef.current?.layers[selected.layer].getSource()?.getFeatureById(selected.id);
    const selection = feature ? selectionOf(feature) : undefined;
    return selection ? featureDetails(selection, locale) : null;
  }, [selected, locale, boundaries.data, depots.data, shelters.data, teams.data, tracks.data]);

  const loadError = [boundaries, depots, shelters, teams, tracks].map((query) => query.error).find((error) => error);

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
      <div className="map-layout">
        <div className="map-view" style={{ background: MAP_COLOURS.background }}>
          <div ref={targetRef} className="map-view__target" data-testid="map-canvas" />
          <div className="map-view__note">{t('map.offlineNote')}</div>
        </div>
        <aside className="map-side">
          <section className="map-card map-card--details" aria-labelledby="map-details-title" data-testid="map-details">
            <div className="map-card__head">
              <h3 id="map-details-title" className="map-card__title">{t('map.details')}</h3>
              {details && <button type="button" className="button button--small" onClick={() => setSelected(null)}>{t('map.close')}</button>}
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
          <section className="map-card" aria-labelledby="map-legend-title" data-testid="map-legend">
            <h3 id="map-legend-title" className="map-card__title">{t('map.layers')}</h3>
            <ul className="legend">
              {legend.map((entry) => (
                <li key={entry.id} className={`legend__entry legend__entry--${entry.id}${entry.visible ? '' : ' legend__entry--off'}`}
                  data-testid={`legend-${entry.id}`} data-visible={String(entry.visible)}>
                  <label className="legend__layer">
                    <input type="checkbox" checked={entry.visible} data-testid={`layer-toggle-${entry.id}`}
                      aria-label={t('map.layerToggle', { layer: t(entry.label) })}
                      onChange={(event) => setVisible((current) => ({ ...current, [entry.id]: event.target.checked }))} />
                    <LegendSwatch swatch={entry.swatch} />
                    <span className="legend__name">{t(entry.label)}</span>
                    <span className="legend__count" data-testid={`legend-count-${entry.id}`}>{entry.count}</span>
                  </label>
                  {entry.visible && entry.items.length > 0 && (
                    <ul className="legend__items">
                      {entry.items.map((item) => (
                        <li key={item.key} className={`legend__item${item.key.startsWith('track-') ? ' legend__item--wide' : ''}`} data-testid={`legend-item-${item.key}`}>
                          <LegendSwatch swatch={item.swatch} />
                          <span>{typeof item.label === 'string' ? t(item.label) : item.label.text}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                  {entry.visible && entry.id === 'tracks' && entry.count === 0 && (
                    <div className="legend__empty">{t('map.noTracks')}</div>
                  )}
                </li>
              ))}
            </ul>
            <div className="legend__note">{t('map.timeNote')}</div>
          </section>
        </aside>
      </div>
    </section>
  );
}
