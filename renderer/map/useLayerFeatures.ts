import type Feature from 'ol/Feature.js';
import { useEffect, useMemo } from 'react';
import type { Locale } from '../i18n/messages.ts';
import { areaFeatures, boundaryFeatures, depotFeatures, incidentFeatures, shelterFeatures, teamFeatures, trackFeatures } from './features.ts';
import { LAYER_IDS, type LayerId, type Visibility } from './model.ts';
import { alertFeatures, commandNodeFeatures, isRiskArea, linkFeatures, nodePlaces } from './situationFeatures.ts';
import type { MapData } from './useMapData.ts';
import type { MapHandle } from './useOlMap.ts';

/** Replaces a layer's features; the first boundaries to arrive fit the view to the city. */
function replace(handle: MapHandle | null, id: LayerId, features: Feature[] | undefined): void {
  const source = handle?.layers[id].getSource();
  if (!handle || !source || !features) return;
  source.clear(true);
  source.addFeatures(features);
  if (id === 'boundaries') handle.tryFit();
}

/** Keeps every layer's features in step with the live data, one effect per layer so only the changed one redraws. */
export function useLayerFeatures(handle: MapHandle | null, data: MapData): void {
  const { boundaries, depots, shelters, teams, tracks, areas, incidents, alerts, nodes, info, links } = data;
  useEffect(() => replace(handle, 'boundaries', boundaries.data && boundaryFeatures(boundaries.data)), [handle, boundaries.data]);
  useEffect(() => replace(handle, 'depots', depots.data && depotFeatures(depots.data)), [handle, depots.data]);
  useEffect(() => replace(handle, 'shelters', shelters.data && shelterFeatures(shelters.data)), [handle, shelters.data]);
  useEffect(() => replace(handle, 'teams', teams.data && teamFeatures(teams.data)), [handle, teams.data]);
  useEffect(() => replace(handle, 'tracks', tracks.data && trackFeatures(tracks.data)), [handle, tracks.data]);
  useEffect(() => {
    replace(handle, 'areas', areas.data && areaFeatures(areas.data.filter((area) => !isRiskArea(area))));
    replace(handle, 'risk', areas.data && areaFeatures(areas.data.filter(isRiskArea)));
  }, [handle, areas.data]);
  useEffect(() => replace(handle, 'alerts', alerts.data && boundaries.data && alertFeatures(alerts.data, boundaries.data)), [handle, alerts.data, boundaries.data]);
  const cityCode = useMemo(() => nodes.data?.find((node) => node.level === 'city')?.code, [nodes.data]);
  const places = useMemo(() => (boundaries.data ? nodePlaces(boundaries.data, cityCode) : undefined), [boundaries.data, cityCode]);
  const localCode = info.data?.nodeCode;
  useEffect(() => replace(handle, 'nodes', nodes.data && places && commandNodeFeatures(nodes.data, places, localCode)), [handle, nodes.data, places, localCode]);
  const nodeByCode = useMemo(() => new Map((nodes.data ?? []).map((node) => [node.code, node])), [nodes.data]);
  useEffect(() => replace(handle, 'links', places && linkFeatures(links, localCode, places, nodeByCode)), [handle, links, places, localCode, nodeByCode]);
  useEffect(() => replace(handle, 'incidents', incidents.data && incidentFeatures(incidents.data)), [handle, incidents.data]);
}

/** Shows the chosen layers, restyles for the language and the selection. */
export function useLayerLooks(handle: MapHandle | null, visible: Visibility, locale: Locale, selected: string | undefined): void {
  useEffect(() => {
    if (!handle) return;
    for (const id of LAYER_IDS) handle.layers[id].setVisible(visible[id]);
    handle.labels.setVisible(visible.boundaries);
  }, [handle, visible]);
  useEffect(() => {
    handle?.labels.changed();
    handle?.layers.incidents.changed();
  }, [handle, locale]);
  useEffect(() => {
    if (handle) for (const id of LAYER_IDS) handle.layers[id].changed();
  }, [handle, selected]);
}
