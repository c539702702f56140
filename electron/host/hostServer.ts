import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { isEventName } from '../../shared/ipc/contract.ts';
import type { ConsoleCore } from '../core/consoleCore.ts';
import { resolveStaticFile } from './staticFiles.ts';
import { serveTile } from './tileRoute.ts';
import { serveAlertFeed } from './atomFeed.ts';

export interface HostOptions {
  core: ConsoleCore;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port: number;
  host?: string;
  /**
   * The administrator's access token (made the console's first administrator when no user has it
   * yet); a random one when absent. Other users sign in with their own tokens (`users add`).
   */
  token?: string;
}

export interface Host {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Close code for a missing or wrong token, so the browser can say why instead of retrying. */
export const CLOSE_UNAUTHORIZED = 4401;
const MAX_MESSAGE_BYTES = 1 << 20;
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
  + "connect-src 'self' ws: wss:; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Serves the browser console: the built renderer over HTTP and the ConsoleApi over a
 * WebSocket at /api, on 127.0.0.1 by default. Every call is validated by the shared contract.
 */
export async function startHost(options: HostOptions): Promise<Host> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(16).toString('hex');
  options.core.users.ensureAdministrator(token);
  const signedIn = (given: string) => options.core.users.authenticate(given) !== null;
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: true, nodeId: options.core.store.identity.nodeId }));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (serveTile(options.core.tiles, url, request, response, signedIn)) return;
    if (serveAlertFeed(options.core, url, request, response, signedIn)) return;
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
    else fs.createReadStream(found.file).pipe(response);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (request, socket, head) => {
    // Sync links (children of this node) authenticate with their node keys, not the API token.
    if (options.core.sync.handleUpgrade(request, socket, head)) return;
    const url = new URL(request.url ?? '/', 'http://localhost');
    const origin = request.headers.origin;
    // A browser page from another origin must not drive the console (cross-site WebSocket hijacking).
    const peer = `${request.socket.remoteAddress ?? '?'}:${request.socket.remotePort ?? '?'}`;
    if (url.pathname !== '/api' || (origin !== undefined && origin !== `http://${request.headers.host}`)) {
      void options.core.store.audit(`ws ${peer}`, 'connection refused', { reason: url.pathname !== '/api' ? 'path' : 'origin', path: url.pathname, origin: origin ?? null });
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const given = url.searchParams.get('token') ?? '';
      if (!options.core.users.authenticate(given)) {
        void options.core.store.audit(`ws ${peer}`, 'connection refused', { reason: 'token' });
        ws.close(CLOSE_UNAUTHORIZED, 'missing or wrong access token');
        return;
      }
      serveClient(ws, options.core, given, `ws ${peer}`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}/#token=${token}`,
    port,
    token,
    async close() {
      for (const client of wss.clients) client.terminate();
      options.core.sync.dropChildren();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** One browser console: every call is made as the user its token signs in as, checked again per call (a role change or a disabled user takes effect at once). */
function serveClient(ws: WebSocket, core: ConsoleCore, token: string, peer: string): void {
  const subscriptions = new Map<string, () => void>();
  const send = (message: unknown) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  ws.on('message', async (data, isBinary) => {
    let message: { id?: unknown; method?: unknown; input?: unknown; subscribe?: unknown; unsubscribe?: unknown };
    try {
      if (isBinary) throw new Error('binary');
      message = JSON.parse(data.toString());
      if (typeof message !== 'object' || message === null) throw new Error('not an object');
    } catch {
      void core.store.audit(peer, 'message refused', { reason: 'not a JSON object' });
      send({ error: { code: 'INVALID_ARGUMENT', message: 'messages must be JSON objects' } });
      return;
    }
    if (typeof message.id === 'number') {
      const caller = core.users.authenticate(token);
      if (!caller) {
        send({ id: message.id, reply: { ok: false, error: { code: 'FORBIDDEN', message: 'this access token no longer signs in: ask the administrator for a new address' } } });
        ws.close(CLOSE_UNAUTHORIZED, 'access token withdrawn');
        return;
      }
      send({ id: message.id, reply: await core.call(caller, message.method, message.input, peer) });
    } else if (isEventName(message.subscribe)) {
      const event = message.subscribe;
      if (!subscriptions.has(event)) subscriptions.set(event, core.subscribe(event, (payload) => send({ event, payload })));
    } else if (isEventName(message.unsubscribe)) {
      subscriptions.get(message.unsubscribe)?.();
      subscriptions.delete(message.unsubscribe);
    } else {
      send({ error: { code: 'INVALID_ARGUMENT', message: 'expected {id, method, input}, {subscribe} or {unsubscribe}' } });
    }
  });
  ws.on('close', () => {
    for (const unsubscribe of subscriptions.values()) unsubscribe();
    subscriptions.clear();
  });
}
