import { loadMapState } from '../../map/panelState.ts';

const EARTH_RADIUS = 6378137;

/**
 * The situation map's view as the duty officer last left it (the map panel keeps it in local
 * storage, in web-mercator metres), for freezing into an evidence snapshot; null when the map
 * has not been opened here, and the core then uses the whole city.
 */
export function currentMapView(storage?: Pick<Storage, 'getItem'>): { center: [number, number]; zoom: number; layers: string[] } | null {
  const state = typeof localStorage === 'undefined' && !storage ? null : loadMapState(storage ?? localStorage);
  if (!state) return null;
  const [x, y] = state.center;
  const lon = (x / EARTH_RADIUS) * (180 / Math.PI);
  const lat = (2 * Math.atan(Math.exp(y / EARTH_RADIUS)) - Math.PI / 2) * (180 / Math.PI);
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) return null;
  return {
    center: [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5],
    zoom: Math.round(Math.min(24, Math.max(0, state.zoom)) * 100) / 100,
    layers: Object.entries(state.visible).filter(([, on]) => on).map(([id]) => id),
  };
}
