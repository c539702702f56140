import type { Alert } from '../domain/alert.ts';
import { buildXml, capAlertNode, leaf } from './capWrite.ts';

const ATOM = 'http://www.w3.org/2005/Atom';

/**
 * An Atom feed of alerts for downstream systems: one entry per alert, its CAP 1.2 message
 * embedded in the entry's content (the layout Google's CAP library and NWS use).
 */
export function writeAlertFeed(alerts: readonly Alert[], feed: { id: string; title: string; now: string }): string {
  const updated = alerts.reduce((latest, alert) => (alert.sent > latest ? alert.sent : latest), alerts.length ? alerts[0]!.sent : feed.now);
  return buildXml({
    feed: [
      ...leaf('id', feed.id),
      ...leaf('title', feed.title),
      ...leaf('updated', updated),
      ...alerts.map((alert) => ({
        entry: [
          ...leaf('id', `urn:resilience-console:alert:${alert.id}`),
          ...leaf('title', alert.texts?.[0]?.headline ?? alert.event),
          ...leaf('updated', alert.sent),
          { content: [capAlertNode(alert)], ':@': { type: 'text/xml' } },
        ],
      })),
    ],
    ':@': { xmlns: ATOM },
  });
}
