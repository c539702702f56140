import { describe, expect, it } from 'vitest';
import { ALL_VISIBLE } from './model.ts';
import { loadMapState, MAP_STATE_KEY, saveMapState } from './panelState.ts';

const memory = () => {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => { items.set(key, value); } };
};

describe('map panel state', () => {
  it('round-trips the view, layers and base map', () => {
    const storage = memory();
    saveMapState({ center: [13520000, 3660000], zoom: 11.5, visible: { ...ALL_VISIBLE, depots: false }, basemap: 'shanghai' }, storage);
    expect(loadMapState(storage)).toEqual({ center: [13520000, 3660000], zoom: 11.5, visible: { ...ALL_VISIBLE, depots: false }, basemap: 'shanghai' });
  });

  it('ignores a damaged entry and fills layers it does not know', () => {
    const storage = memory();
    storage.setItem(MAP_STATE_KEY, '{not json');
    expect(loadMapState(storage)).toBeNull();
    storage.setItem(MAP_STATE_KEY, JSON.stringify({ center: [1, 2], zoom: 9, visible: { teams: false } }));
    expect(loadMapState(storage)).toEqual({ center: [1, 2], zoom: 9, visible: { ...ALL_VISIBLE, teams: false }, basemap: '' });
  });
});
