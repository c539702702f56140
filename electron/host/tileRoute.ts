import type http from 'node:http';
import { TILE_ROUTE_PREFIX } from '../../shared/map/basemap.ts';
import { parseTilePath, type TileService } from '../core/map/tiles.ts';

/**
 * Answers `GET /tiles/{id}/{z}/{x}/{y}?token=…` from the core's tile service; returns false for
 * any other path. Token-gated like the API, since a basemap can be licensed data.
 */
export function serveTile(tiles: TileService, url: URL, request: http.IncomingMessage, response: http.ServerResponse, tokenOk: (given: string) => boolean): boolean {
  if (!url.pathname.startsWith(TILE_ROUTE_PREFIX)) return false;
  if (!tokenOk(url.searchParams.get('token') ?? '')) {
    response.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' }).end('missing or wrong access token');
    return true;
  }
  const address = parseTilePath(url.pathname);
  if (!address) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('no such tile address');
    return true;
  }
  tiles.tile(address).then((tile) => {
    if (!tile) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end('no tile here');
      return;
    }
    response.writeHead(200, {
      'content-type': tile.contentType,
      'content-length': String(tile.data.length),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=300',
    });
    response.end(request.method === 'HEAD' ? undefined : tile.data);
  }, () => {
    // No detail to the client: an error here could name files on the machine running the core.
    if (!response.headersSent) response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end('tile not available now');
  });
  return true;
}
