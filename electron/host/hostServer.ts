import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Caller } from '../../shared/ipc/roles.ts';
import type { ConsoleCore } from '../core/consoleCore.ts';
import { RefusalAudit } from '../core/audit/refusalAudit.ts';
import { CLOSE_UNAUTHORIZED } from '../../shared/ipc/envelope.ts';
import { serveApiClient, type ApiClient } from './apiSocket.ts';
import { createOriginPolicy, type OriginPolicy } from './originPolicy.ts';
import { RequestMemory } from './requestMemory.ts';
import { resolveStaticFile } from './staticFiles.ts';
import { serveTile } from './tileRoute.ts';
import { serveAlertFeed } from './atomFeed.ts';
import { handleHallControl } from './hallControl.ts';

export interface HostOptions {
  core: ConsoleCore;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port: number;
  host?: string;
  /** Access token for the API: fixed, or read each time (a token file an administrator may rotate). Random when absent. */
  token?: string | (() => string);
  /** Further browser origins allowed to open the console (`--allow-origin`), e.g. `http://hall-pc:5170`. */
  allowOrigins?: readonly string[];
  /** Where answered writes are remembered across a restart (the data folder's `recent-requests.json`); memory only when absent. */
  requestMemoryFile?: string;
  /** PEM certificate and key: serve HTTPS and wss:// (sync children connect with the organisation's CA). */
  tls?: { cert: string; key: string };
}

export interface Host {
  url: string;
  port: number;
  /** The token the service was started with (it may be rotated later). */
  token: string;
  close(): Promise<void>;
}

/**
 * A route another module adds to the service (hall control, feeds): it answers by returning
 * true. Hooks run after the Host check and before static files.
 */
export type HostRoute = (url: URL, request: http.IncomingMessage, response: http.ServerResponse) => boolean;

export { CLOSE_UNAUTHORIZED };
const MAX_MESSAGE_BYTES = 1 << 20;
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
  + "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Answers a raw upgrade socket with an HTTP status and closes it. */
function refuseUpgrade(socket: Duplex, status: string): void {
  if (socket.writable) socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

/**
 * Serves the browser console: the built renderer over HTTP and the ConsoleApi over a
 * WebSocket at /api, on 127.0.0.1 by default. Every call is validated by the shared contract;
 * a bad client loses its own socket, never the service.
 */
export async function startHost(options: HostOptions, routes: readonly HostRoute[] = []): Promise<Host> {
  const host = options.host ?? '127.0.0.1';
  const fixed = options.token ?? randomBytes(16).toString('hex');
  const currentToken = typeof fixed === 'function' ? fixed : () => fixed;
  const refusals = new RefusalAudit((actor, action, detail) => options.core.store.audit(actor, action, detail));
  const memory = new RequestMemory(options.requestMemoryFile ? { file: options.requestMemoryFile } : {});
  // A rotated token also ends idle consoles (which would otherwise keep receiving events) within seconds.
  const clients = new Set<ApiClient>();
  const rotationCheck = setInterval(() => {
    for (const client of clients) if (!client.tokenCurrent()) client.ws.close(CLOSE_UNAUTHORIZED, 'the access token was rotated');
  }, 2000);
  rotationCheck.unref();
  let policy: OriginPolicy | null = null;
  /**
   * Who a token signs in as: the console's access token (the data folder's, which an administrator
   * may rotate) is its administrator; every other user has a token of their own (`users add`).
   */
  const signIn = (given: string): Caller | null => {
    if (!given) return null;
    if (sameToken(given, currentToken())) return options.core.users.consoleAdministrator();
    return options.core.users.authenticate(given);
  };
  const signedIn = (given: string) => signIn(given) !== null;

  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }) : http.createServer();
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: true, nodeId: options.core.store.identity.nodeId }));
      return;
    }
    const allowed = policy?.allows(request.headers.host, request.headers.origin);
    if (!allowed?.ok) {
      const source = request.socket.remoteAddress ?? '?';
      refusals.refuse(source, `http ${source}`, 'request refused', { reason: allowed?.reason ?? 'host', host: String(request.headers.host ?? '').slice(0, 200) });
      response.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' })
        .end('This console answers only at the address it was started for (see --allow-origin).');
      return;
    }
    if (handleHallControl(options.core, signIn, request, response)) return;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (serveTile(options.core.tiles, url, request, response, signedIn)) return;
    if (serveAlertFeed(options.core, url, request, response, signedIn)) return;
    for (const route of routes) if (route(url, request, response)) return;
    const found = resolveStaticFile(options.staticDir, url.pathname);
    if (!found) {
      const built = fs.existsSync(options.staticDir);
      response.writeHead(built ? 404 : 503, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(built ? 'Not found' : 'The console screens are not built yet: run `npm run build:renderer`, then start again.');
      return;
    }
    response.writeHead(200, {
      'content-type': found.type,
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': found.type.startsWith('text/html') ? 'no-store' : 'public, max-age=3600',
    });
    if (request.method === 'HEAD') response.end();
    else fs.createReadStream(found.file).on('error', () => response.destroy()).pipe(response);
  });
  // A malformed request line or a reset socket costs that connection only.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  wss.on('error', () => undefined);
  server.on('upgrade', (request, socket, head) => {
    // Every socket's errors are handled: a reset or a broken frame must never reach the process.
    socket.on('error', () => socket.destroy());
    // Sync links (children of this node) authenticate with their node keys, not the API token.
    if (options.core.sync.handleUpgrade(request, socket, head)) return;
    const url = new URL(request.url ?? '/', 'http://localhost');
    const source = request.socket.remoteAddress ?? '?';
    const actor = `ws ${source}:${request.socket.remotePort ?? '?'}`;
    const origin = request.headers.origin;
    // A page from another origin, or one reached through a rebound DNS name, must not drive the console.
    const allowed = url.pathname !== '/api' ? { ok: false as const, reason: 'path' as const } : policy?.allows(request.headers.host, origin);
    if (!allowed?.ok) {
      const reason = allowed?.reason ?? 'host';
      refusals.refuse(source, actor, 'connection refused', {
        reason, path: url.pathname.slice(0, 200), origin: origin?.slice(0, 200) ?? null, host: String(request.headers.host ?? '').slice(0, 200),
      });
      refuseUpgrade(socket, '403 Forbidden');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      ws.on('error', () => ws.terminate());
      const given = url.searchParams.get('token') ?? '';
      if (!signedIn(given)) {
        refusals.refuse(source, actor, 'connection refused', { reason: 'token' });
        ws.close(CLOSE_UNAUTHORIZED, 'missing or wrong access token');
        return;
      }
      // Checked again at every call: a rotated token, a role change or a disabled user applies at once.
      const client: ApiClient = { ws, actor, source, token: given, caller: () => signIn(given), tokenCurrent: () => signedIn(given) };
      clients.add(client);
      ws.on('close', () => clients.delete(client));
      serveApiClient(client, options.core, refusals, memory);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  policy = createOriginPolicy(host, port, options.allowOrigins ?? []);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const token = currentToken();
  return {
    url: `${options.tls ? 'https' : 'http'}://${urlHost}:${port}/#token=${token}`,
    port,
    token,
    async close() {
      for (const client of wss.clients) client.terminate();
      options.core.sync.dropChildren();
      clearInterval(rotationCheck);
      refusals.close();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
