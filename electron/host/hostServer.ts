import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { isEventName } from '../../shared/ipc/contract.ts';
import { dispatch } from '../../shared/ipc/dispatch.ts';
import { AUDITED_REFUSALS } from '../../shared/ipc/errors.ts';
import type { ConsoleCore } from '../core/consoleCore.ts';
import { resolveStaticFile } from './staticFiles.ts';
import { serveTile } from './tileRoute.ts';
import { handleHallControl } from './hallControl.ts';

export interface HostOptions {
  core: ConsoleCore;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port: number;
  host?: string;
  /** Access token for the API; a random one when absent. */
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

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Serves the browser console: the built renderer over HTTP and the ConsoleApi over a
 * WebSocket at /api, on 127.0.0.1 by default. Every call is validated by the shared contract.
 */
export async function startHost(options: HostOptions): Promise<Host> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(16).toString('hex');
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: true, nodeId: options.core.store.identity.nodeId }));
      return;
    }
    if (handleHallControl(options.core, token, request, response)) return;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (serveTile(options.core.tiles, url, request, response, (given) => sameToken(given, token))) return;
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
      if (!sameToken(url.searchParams.get('token') ?? '', token)) {
        void options.core.store.audit(`ws ${peer}`, 'connection refused', { reason: 'token' });
        ws.close(CLOSE_UNAUTHORIZED, 'missing or wrong access token');
        return;
      }
      serveClient(ws, options.core, `ws ${peer}`);
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

function serveClient(ws: WebSocket, core: ConsoleCore, peer: string): void {
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
      const reply = await dispatch(core.handlers, message.method, message.input);
      if (!reply.ok && AUDITED_REFUSALS.has(reply.error.code)) {
        void core.store.audit(peer, 'call refused', { method: String(message.method).slice(0, 80), code: reply.error.code, message: reply.error.message.slice(0, 500) });
      }
      send({ id: message.id, reply });
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
