import { describe, expect, it } from 'vitest';
import { MAP_STATE_KEY } from '../../map/panelState.ts';
import { currentMapView } from './mapView.ts';

const storageWith = (value: unknown) => ({ getItem: (key: string) => (key === MAP_STATE_KEY ? JSON.stringify(value) : null) });

describe('the map view frozen into evidence', () => {
  it('turns the saved web-mercator centre back into longitude and latitude, with the layers that were on', () => {
    // 121.47°E 31.23°N in web-mercator metres.
    const view = currentMapView(storageWith({ center: [13522061.7, 3662118.5], zoom: 10.3, visible: { incidents: true, alerts: false }, basemap: '' }));
    expect(view?.center[0]).toBeCloseTo(121.47, 2);
    expect(view?.center[1]).toBeCloseTo(31.23, 2);
    expect(view?.zoom).toBe(10.3);
    expect(view?.layers).toContain('incidents');
    expect(view?.layers).not.toContain('alerts');
  });

  it('is null when the map was never opened', () => {
    expect(currentMapView({ getItem: () => null })).toBeNull();
  });
});
