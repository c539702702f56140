import type http from 'node:http';
import { writeAlertFeed } from '../../shared/cap/capFeed.ts';
import type { ConsoleCore } from '../core/consoleCore.ts';

export const ALERT_FEED_PATH = '/alerts.atom';

/**
 * Answers `GET /alerts.atom?token=…` with an Atom feed of the issued public alerts, each as an
 * embedded CAP 1.2 message; returns false for any other path. Token-gated like the API: the
 * hub's LAN is not the public, and exercise alerts are in the feed (marked Exercise).
 */
export function serveAlertFeed(core: ConsoleCore, url: URL, request: http.IncomingMessage, response: http.ServerResponse, tokenOk: (given: string) => boolean): boolean {
  if (url.pathname !== ALERT_FEED_PATH) return false;
  if (!tokenOk(url.searchParams.get('token') ?? '')) {
    response.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' }).end('missing or wrong access token');
    return true;
  }
  core.store.query('alerts.byState', { state: 'issued' }).then((alerts) => {
    const feed = writeAlertFeed(alerts.filter((alert) => alert.scope === 'Public'), {
      id: `urn:resilience-console:${core.store.identity.nodeId}:alerts`,
      title: `预警 Alerts · ${core.store.identity.nodeId}`,
      now: new Date().toISOString(),
    });
    response.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
    response.end(request.method === 'HEAD' ? undefined : feed);
  }, (error: unknown) => {
    response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`feed failed: ${(error as Error).message}`);
  });
  return true;
}
