import type { ConsoleApi } from '../../shared/ipc/contract.ts';
import { useLiveQuery } from '../state/useLiveQuery.ts';
import { LAYER_ENTITY } from './model.ts';
import { useSyncLinks } from './useSyncLinks.ts';

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

/** Everything the situation map draws, each kept current by the store's change events. */
export function useMapData() {
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
  const loadError = [boundaries, depots, shelters, teams, tracks, areas, incidents, alerts, nodes].map((query) => query.error).find((error) => error);
  return { boundaries, depots, shelters, teams, tracks, areas, incidents, basemaps, alerts, nodes, info, links, loadError };
}

export type MapData = ReturnType<typeof useMapData>;
