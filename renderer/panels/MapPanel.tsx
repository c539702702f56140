import 'ol/ol.css';
import '../map/mapTools.css';
import { fromLonLat, toLonLat } from 'ol/proj.js';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AreaPurpose, NamedArea } from '../../shared/domain/namedArea.ts';
import { describeError, primaryName } from '../i18n/display.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { featureDetails } from '../map/details.ts';
import { selectionOf } from '../map/features.ts';
import { ImportDialog } from '../map/ImportDialog.tsx';
import { LegendCard } from '../map/LegendCard.tsx';
import { LiveLegendEntry } from '../map/live/LiveLegendEntry.tsx';
import { MapDetailsCard, MapPopup } from '../map/MapDetailsCard.tsx';
import { MapHint } from '../map/DrawnAreaForm.tsx';
import type { PlaceHit } from '../map/MapSearch.tsx';
import { MapToolbar } from '../map/MapToolbar.tsx';
import { visibilityOf, type MapGivenState } from '../map/mapView.ts';
import { ALL_VISIBLE, legendModel, MAP_COLOURS, type LayerId, type Visibility } from '../map/model.ts';
import { NamedAreasCard } from '../map/NamedAreasCard.tsx';
import { loadMapState, saveMapState } from '../map/panelState.ts';
import { isRiskArea } from '../map/situationFeatures.ts';
import { useBasemapLayer } from '../map/useBasemapLayer.ts';
import { useLayerFeatures, useLayerLooks } from '../map/useLayerFeatures.ts';
import { useMapData } from '../map/useMapData.ts';
import { useMapTool } from '../map/useMapTool.ts';
import { useOlMap, type Selection } from '../map/useOlMap.ts';
import { useConsole } from '../state/useConsole.ts';

export type { ConsoleMapHook } from '../map/useOlMap.ts';

/**
 * 一张图: districts, depots, shelters, teams, incidents and typhoon tracks on an offline map.
 * `given` (a wall cell, an address) sets the view and layers from outside and is not saved;
 * `wall` drops the tools and side cards for a screen read from across the hall.
 */
export function MapPanel({ given, wall = false }: { given?: MapGivenState; wall?: boolean }) {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const data = useMapData();
  const { boundaries, depots, shelters, teams, tracks, areas, incidents, basemaps, alerts, nodes, links } = data;

  const [saved] = useState(() => (given ? null : loadMapState()));
  const initialView = given?.center ? { center: given.center, zoom: given.zoom ?? 10 } : saved ? { center: toLonLat(saved.center) as [number, number], zoom: saved.zoom } : null;
  const [visible, setVisible] = useState<Visibility>(() => (given ? visibilityOf(given.layers) : saved?.visible ?? ALL_VISIBLE));
  const [basemap, setBasemap] = useState(() => given?.basemap ?? saved?.basemap ?? '');
  const [selected, setSelected] = useState<Selection | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [importing, setImporting] = useState(false);
  const [zoomCode, setZoomCode] = useState('');
  const targetRef = useRef<HTMLDivElement>(null);
  const toolActiveRef = useRef(false);
  const persistRef = useRef<() => void>(() => {});
  // OpenLayers moves an overlay's element into its own container, so React renders into it through a portal.
  const [popupElement] = useState(() => {
    const element = document.createElement('div');
    element.className = 'map-popup';
    element.dataset.testid = 'map-popup';
    return element;
  });

  const handle = useOlMap({
    target: targetRef, popup: popupElement, initialView, locale, selected: selected?.id,
    toolActive: () => toolActiveRef.current, onSelect: setSelected, onMoveEnd: () => persistRef.current(),
  });
  const tools = useMapTool(handle);
  useEffect(() => { toolActiveRef.current = tools.active; }, [tools.active]);
  useLayerFeatures(handle, data);
  useLayerLooks(handle, visible, locale, selected?.id);
  useBasemapLayer(handle, basemap, basemaps.data);

  // A new state given from outside (the wall switched preset) moves the view and the layers.
  const givenKey = given ? JSON.stringify(given) : '';
  useEffect(() => {
    if (!handle || !given) return;
    setVisible(visibilityOf(given.layers));
    setBasemap(given.basemap ?? '');
    if (given.center) handle.map.getView().animate({ center: fromLonLat(given.center), zoom: given.zoom ?? handle.map.getView().getZoom(), duration: 0 });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- givenKey stands for `given`'s content
  }, [handle, givenKey]);

  // The desk panel's state (view, layers, base map) is kept in this browser; a given one is not.
  persistRef.current = () => {
    const view = handle?.map.getView();
    const center = view?.getCenter();
    const zoom = view?.getZoom();
    if (!given && center && zoom !== undefined) saveMapState({ center: [center[0]!, center[1]!], zoom, visible, basemap });
  };
  useEffect(() => persistRef.current(), [visible, basemap]);

  const closeSelection = () => {
    handle?.overlay.setPosition(undefined);
    setSelected(null);
  };

  const saveDrawn = async (name: string, purpose: AreaPurpose): Promise<boolean> => {
    if (!tools.drawn) return false;
    try {
      const area = await api.map.saveArea({ name, ...tools.drawn, purpose });
      setNotice({ ok: true, text: t('map.area.saved', { name: area.name }) });
      tools.clearDrawn();
      return true;
    } catch (error) {
      setNotice({ ok: false, text: t('map.area.failed', { reason: error instanceof Error ? error.message : describeError(error, locale) }) });
      return false;
    }
  };

  const featureExtent = (layer: LayerId, id: string) => handle?.layers[layer].getSource()?.getFeatureById(id)?.getGeometry()?.getExtent();
  const zoomToArea = (area: NamedArea) => handle?.fit(featureExtent(isRiskArea(area) ? 'risk' : 'areas', area.id), { maxZoom: 14 });
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
    if (!handle) return;
    if (hit.point) {
      handle.map.getView().animate({ center: fromLonLat([hit.point.lon, hit.point.lat]), zoom: 14, duration: 300 });
      return;
    }
    const code = hit.node?.code ?? '';
    const source = handle.layers.boundaries.getSource();
    const own = source?.getFeatureById(code);
    const districtCode = `${code.slice(0, 6)}000000`;
    // A street without its own outline is shown by its district's, and the officer is told so.
    const feature = own ?? source?.getFeatureById(districtCode);
    handle.fit(feature?.getGeometry()?.getExtent());
    if (!feature) return;
    setSelected({ layer: 'boundaries', id: String(feature.getId()) });
    if (!own && hit.node) {
      const district = nodes.data?.find((node) => node.code === districtCode);
      setNotice({ ok: true, text: t('map.search.streetByDistrict', { street: hit.label, district: district ? primaryName(district, locale) : districtCode }) });
    }
  };

  const districts = useMemo(
    () => (boundaries.data ?? []).filter((b) => b.level === 'district').sort((a, b) => a.code.localeCompare(b.code)),
    [boundaries.data],
  );
  const zoomTo = (code: string) => {
    setZoomCode(code);
    const source = handle?.layers.boundaries.getSource();
    handle?.fit((code ? source?.getFeatureById(code)?.getGeometry()?.getExtent() : source?.getExtent()) ?? undefined);
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
    const feature = handle?.layers[selected.layer].getSource()?.getFeatureById(selected.id);
    const selection = feature ? selectionOf(feature) : undefined;
    return selection ? featureDetails(selection, locale) : null;
  }, [handle, selected, locale, boundaries.data, depots.data, shelters.data, teams.data, tracks.data, areas.data, incidents.data, alerts.data, nodes.data, links]);

  return (
    <section className={`panel${wall ? ' panel--wall' : ''}`} aria-labelledby="map-title" data-testid="panel-map">
      <div className="panel__header">
        <h2 id="map-title" className="panel__title">{t('map.title')}</h2>
        {boundaries.data && (
          <span className="panel__summary" data-testid="map-summary">
            {t('map.summary', { districts: counts.boundaries, depots: counts.depots, shelters: counts.shelters, teams: counts.teams })}
          </span>
        )}
        {!wall && (
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
        )}
      </div>
      <div className={`map-layout${wall ? ' map-layout--wall' : ''}`}>
        <div className="map-view" style={{ background: MAP_COLOURS.background }}>
          <div ref={targetRef} className="map-view__target" data-testid="map-canvas" />
          {!wall && (
            <MapToolbar tool={tools.tool} onTool={tools.choose} basemap={basemap} basemaps={basemaps.data} onBasemap={setBasemap}
              onImport={() => setImporting(true)} localPlaces={localPlaces} onPick={pickPlace} />
          )}
          {/* Notices float over the map: pushing it down would move the view under the officer's hand. */}
          <div className="map-notices">
            {data.loadError !== undefined && data.loadError !== null && (
              <div className="panel__notice panel__notice--error" role="alert">{t('error.loadFailed', { reason: describeError(data.loadError, locale) })}</div>
            )}
            {notice && (
              <div className={`panel__notice${notice.ok ? '' : ' panel__notice--error'}`} role={notice.ok ? 'status' : 'alert'} data-testid="map-notice"
                onClick={() => setNotice(null)}>{notice.text}</div>
            )}
          </div>
          <MapHint tool={tools.tool} measurement={tools.measurement} drawn={tools.drawn} onSave={saveDrawn} onCancel={tools.clearDrawn} />
          <MapPopup details={details} element={popupElement} onClose={closeSelection} />
          <div className="map-view__note">{basemap ? (basemaps.data?.find((info) => info.id === basemap)?.attribution ?? '') : t('map.offlineNote')}</div>
        </div>
        <aside className="map-side">
          {!wall && <MapDetailsCard details={details} onClose={closeSelection} />}
          {!wall && <NamedAreasCard areas={areas.data ?? []} onZoom={zoomToArea} onDelete={deleteArea} />}
          <LegendCard legend={legend} onToggle={(id, on) => setVisible((current) => ({ ...current, [id]: on }))}>
            <LiveLegendEntry live={handle?.live ?? null} />
          </LegendCard>
        </aside>
      </div>
      {importing && <ImportDialog onClose={() => { setImporting(false); basemaps.reload(); }} />}
    </section>
  );
}
