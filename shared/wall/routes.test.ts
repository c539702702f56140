import { describe, expect, it } from 'vitest';
import { formatRoute, mapView, parseRoute, routeProblem, withoutToken } from './routes.ts';

describe('panel addresses', () => {
  it('reads and writes a map with its view and layers', () => {
    const route = parseRoute('#/map?view=121.47,31.23,10.5&layers=incidents,tracks');
    expect(route).toEqual({ panel: 'map', params: { view: '121.47,31.23,10.5', layers: 'incidents,tracks' } });
    expect(formatRoute(route!)).toBe('#/map?layers=incidents,tracks&view=121.47,31.23,10.5');
    expect(parseRoute(formatRoute(route!))).toEqual(route);
  });

  it('reads a board with its district, the sync view and a wall window', () => {
    expect(parseRoute('#/board/stock?district=310101000000')).toEqual({ panel: 'board', board: 'stock', params: { district: '310101000000' } });
    expect(parseRoute('#/sync')).toEqual({ panel: 'sync', params: {} });
    expect(parseRoute('#/wall?hall=city&display=A2&token=abc')).toEqual({ wall: { hall: 'city', display: 'A2' } });
  });

  it('refuses unknown panels, boards, layers and malformed views with the reason', () => {
    expect(parseRoute('#/weather')).toBeNull();
    expect(parseRoute('#/board/boats')).toBeNull();
    expect(parseRoute('#token=abc')).toBeNull();
    expect(routeProblem({ panel: 'weather' as 'map', params: {} })).toMatch(/unknown panel "weather"/);
    expect(routeProblem({ panel: 'board', board: 'boats' as 'stock', params: {} })).toMatch(/unknown board "boats"/);
    expect(routeProblem({ panel: 'map', params: { layers: 'incidents,ufo' } })).toMatch(/unknown map layer\(s\) ufo/);
    expect(routeProblem({ panel: 'map', params: { view: '121,31' } })).toMatch(/longitude,latitude,zoom/);
    expect(mapView('200,31,9')).toBeNull();
  });

  it('keeps the route and drops the access token', () => {
    expect(withoutToken('#/map?view=121,31,9&token=secret')).toBe('#/map?view=121,31,9');
    expect(withoutToken('#token=secret')).toBe('');
  });
});
