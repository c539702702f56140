import { ALL_VISIBLE, LAYER_IDS, type Visibility } from './model.ts';

/** What the map panel remembers between openings: where it looked, which layers were on, which base map. */
export interface MapPanelState {
  center: [number, number];
  zoom: number;
  visible: Visibility;
  basemap: string;
}

export const MAP_STATE_KEY = 'resilience-console.map-panel.v1';

/** The saved state, or null when there is none or it cannot be read (then the map fits the city). */
export function loadMapState(storage: Pick<Storage, 'getItem'> = localStorage): MapPanelState | null {
  try {
    const raw = JSON.parse(storage.getItem(MAP_STATE_KEY) ?? 'null') as Partial<MapPanelState> | null;
    if (!raw || !Array.isArray(raw.center) || raw.center.length !== 2 || !raw.center.every(Number.isFinite) || !Number.isFinite(raw.zoom)) return null;
    const visible = { ...ALL_VISIBLE };
    for (const id of LAYER_IDS) if (typeof raw.visible?.[id] === 'boolean') visible[id] = raw.visible[id];
    return { center: raw.center as [number, number], zoom: raw.zoom as number, visible, basemap: typeof raw.basemap === 'string' ? raw.basemap : '' };
  } catch {
    return null;
  }
}

export function saveMapState(state: MapPanelState, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(MAP_STATE_KEY, JSON.stringify(state));
  } catch {
    // Storage full or blocked: the panel still works, it just will not remember.
  }
}
