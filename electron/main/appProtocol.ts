import fs from 'node:fs/promises';
import path from 'node:path';
import { parseTilePath, type TileAddress } from '../core/map/tiles.ts';
import type { TileBody } from '../core/map/mbtiles.ts';
import { resolveAppPath, SECURITY_BASELINE } from './securityBaseline.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
  '.pbf': 'application/x-protobuf',
};

export interface AppProtocolOptions {
  /** The built renderer folder (Forge's Vite plugin: .vite/renderer/main_window). */
  rootDir: string;
  /** The CSP sent with every response; the baseline's unless map-tile origins were added. */
  contentSecurityPolicy?: string;
  readFile?: (file: string) => Promise<Uint8Array>;
  /** Base-map tiles for `app://…/tiles/{id}/{z}/{x}/{y}` (the core's TileService, once the core is open). */
  tiles?: () => { tile(address: TileAddress): Promise<TileBody | null> } | null;
}

/**
 * The app:// protocol handler: serves files of the built renderer with the CSP header, refusing
 * anything resolveAppPath refuses (403) and answering 404 for missing files. Plain fetch API
 * Request/Response, so it runs under Node in tests.
 */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const readFile = options.readFile ?? ((file: string) => fs.readFile(file));
  const csp = options.contentSecurityPolicy ?? SECURITY_BASELINE.contentSecurityPolicy;
  const headers = (extra: Record<string, string>) => ({
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    ...extra,
  });
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: headers({ allow: 'GET, HEAD' }) });
    }
    const address = options.tiles ? parseTilePath(new URL(request.url).pathname) : null;
    if (address) {
      const tile = await options.tiles?.()?.tile(address);
      if (!tile) return new Response('no tile here', { status: 404, headers: headers({ 'content-type': 'text/plain' }) });
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(tile.data), { status: 200, headers: headers({ 'content-type': tile.contentType }) });
    }
    const file = resolveAppPath(request.url, options.rootDir);
    if (!file) return new Response('refused', { status: 403, headers: headers({ 'content-type': 'text/plain' }) });
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      return new Response('not found', { status: 404, headers: headers({ 'content-type': 'text/plain' }) });
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    // A fresh ArrayBuffer-backed copy: Response wants ArrayBuffer, Node's Buffer may share a pool.
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: headers({ 'content-type': type }) });
  };
}
