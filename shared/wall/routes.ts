/**
 * Addresses of panels: every panel opens on its own from a hash route that carries its state,
 * e.g. `#/map?view=121.47,31.23,10&layers=incidents,tracks`, `#/board/stock?district=310101000000`,
 * `#/sync`. Wall cells and popped-out operator windows are such addresses.
 */

/** Panels a route (and so a wall cell) may show. */
export const PANEL_NAMES = ['tree', 'incidents', 'map', 'board', 'sync', 'network', 'alerts', 'tasks', 'consultation'] as const;
export type PanelName = (typeof PANEL_NAMES)[number];

/** The resource boards, as `#/board/<name>`. */
export const BOARD_NAMES = ['stock', 'teams', 'equipment', 'volunteers', 'shelters', 'allocations', 'needs'] as const;
export type BoardName = (typeof BOARD_NAMES)[number];

/** Map layers a route may name (the renderer's layer ids). */
export const MAP_LAYER_NAMES = ['boundaries', 'alerts', 'risk', 'areas', 'shelters', 'depots', 'teams', 'links', 'nodes', 'incidents', 'tracks'] as const;

/** A panel and its state. `params` are the panel's own (map view, layers, district…). */
export interface PanelRoute {
  panel: PanelName;
  /** The board of `#/board/<name>`. */
  board?: BoardName;
  params: Record<string, string>;
}

/** The wall window route: which hall and which display of its wall this window is. */
export interface WallRoute { wall: { hall: string; display: string } }

export type Route = PanelRoute | WallRoute;

/** Why a route cannot be shown (English; the UI and the CLI show it as the reason), or null. */
export function routeProblem(route: PanelRoute): string | null {
  if (!(PANEL_NAMES as readonly string[]).includes(route.panel)) return `unknown panel "${route.panel}" (known: ${PANEL_NAMES.join(', ')})`;
  if (route.panel === 'board' && !(BOARD_NAMES as readonly string[]).includes(route.board ?? '')) {
    return `unknown board "${route.board ?? ''}" (known: ${BOARD_NAMES.join(', ')})`;
  }
  if (route.panel !== 'board' && route.board !== undefined) return `only the board panel takes a board name, not ${route.panel}`;
  const { view, layers, district } = route.params;
  if (view !== undefined && mapView(view) === null) return `map view "${view}" must be "longitude,latitude,zoom"`;
  if (layers !== undefined) {
    const unknown = layers.split(',').filter((layer) => layer !== '' && !(MAP_LAYER_NAMES as readonly string[]).includes(layer));
    if (unknown.length > 0) return `unknown map layer(s) ${unknown.join(', ')}`;
  }
  if (district !== undefined && !/^\d{12}$/.test(district)) return `district "${district}" must be a 12-digit code`;
  return null;
}

/** `lon,lat,zoom` as numbers, or null when it is not one. */
export function mapView(text: string): { center: [number, number]; zoom: number } | null {
  const parts = text.split(',').map(Number);
  if (parts.length !== 3 || parts.some((part) => !Number.isFinite(part))) return null;
  const [lon, lat, zoom] = parts as [number, number, number];
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90 || zoom < 0 || zoom > 22) return null;
  return { center: [lon, lat], zoom };
}

/** A hash or path split into its panel, board and parameters, unchecked; null when it is not shaped like one. */
function splitRoute(hash: string): { head: string; sub: string | undefined; params: Record<string, string> } | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!text.startsWith('/')) return null;
  const [path = '', query = ''] = text.split('?', 2);
  const params: Record<string, string> = {};
  for (const [key, value] of queryPairs(query)) if (key !== 'token') params[key] = value;
  const [head = '', sub, ...rest] = path.slice(1).split('/');
  return rest.length > 0 ? null : { head, sub, params };
}

/** Reads a hash (`#/map?…`); the access token, if present, is no part of the route. Null for none or an unreadable one. */
export function parseRoute(hash: string): Route | null {
  const split = splitRoute(hash);
  if (!split) return null;
  const { head, sub, params } = split;
  if (head === 'wall') {
    if (!params.hall || !params.display || sub !== undefined) return null;
    return { wall: { hall: params.hall, display: params.display } };
  }
  const route: PanelRoute = { panel: head as PanelName, ...(sub !== undefined ? { board: sub as BoardName } : {}), params };
  return routeProblem(route) === null ? route : null;
}

/** Why an address cannot be a wall cell's panel (English), or null when it can. */
export function addressProblem(address: string): string | null {
  const split = splitRoute(address);
  if (!split) return `"${address}" is not a panel address such as /map or /board/stock`;
  if (split.head === 'wall') return 'a wall window cannot be shown inside a wall cell';
  return routeProblem({ panel: split.head as PanelName, ...(split.sub !== undefined ? { board: split.sub as BoardName } : {}), params: split.params });
}

/** The hash for a route; parameters in a stable order so equal states give equal addresses. */
export function formatRoute(route: Route): string {
  if ('wall' in route) return `#/wall?hall=${encode(route.wall.hall)}&display=${encode(route.wall.display)}`;
  const query = Object.keys(route.params).sort().map((key) => `${encode(key)}=${encode(route.params[key]!)}`).join('&');
  return `#/${route.panel}${route.board ? `/${route.board}` : ''}${query ? `?${query}` : ''}`;
}

/** A hash without its `token=` parameter, for keeping the route once the token has been read. */
export function withoutToken(hash: string): string {
  const route = parseRoute(hash);
  return route ? formatRoute(route) : '';
}

/** `a=1&b=2` as pairs; `+` is a space as in forms; a broken escape keeps its text. */
function queryPairs(query: string): [string, string][] {
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text.replaceAll('+', ' '));
    } catch {
      return text;
    }
  };
  return query.split('&').filter((pair) => pair !== '').map((pair) => {
    const at = pair.indexOf('=');
    return at < 0 ? [decode(pair), ''] : [decode(pair.slice(0, at)), decode(pair.slice(at + 1))];
  });
}

/** Escapes a parameter but keeps commas readable (`view=121.47,31.23,10`). */
const encode = (text: string) => encodeURIComponent(text).replaceAll('%2C', ',');
