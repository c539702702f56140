import { XMLBuilder } from 'fast-xml-parser';
import type { Alert, AlertArea, AlertText } from '../domain/alert.ts';
import { CAP12_NAMESPACE, formatCapTime } from './capFields.ts';
import { CPEAS_GEOCODE } from './capRead.ts';
import { CHANNEL_PARAMETER } from './channels.ts';

export type Node = Record<string, unknown>;

const BUILDER = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', format: true, indentBy: '  ', suppressEmptyNode: false, processEntities: true });

export function leaf(name: string, value: string | undefined): Node[] {
  return value === undefined ? [] : [{ [name]: [{ '#text': value }] }];
}

function point([lon, lat]: [number, number]): string {
  return `${lat},${lon}`;
}

function areaNodes(area: AlertArea): Node {
  const polygons = [...(area.polygon ? [area.polygon] : []), ...(area.morePolygons ?? [])];
  return {
    area: [
      ...leaf('areaDesc', area.description),
      ...polygons.flatMap((ring) => leaf('polygon', ring.map(point).join(' '))),
      ...(area.circles ?? []).flatMap((circle) => leaf('circle', `${point([circle.lon, circle.lat])} ${circle.radiusKm}`)),
      ...area.codes.map((code) => ({ geocode: [...leaf('valueName', CPEAS_GEOCODE), ...leaf('value', code)] })),
      ...(area.geocodes ?? []).map((geocode) => ({ geocode: [...leaf('valueName', geocode.valueName), ...leaf('value', geocode.value)] })),
    ],
  };
}

function infoNodes(alert: Alert, text: AlertText): Node {
  const time = (value: string | undefined) => (value === undefined ? undefined : formatCapTime(value));
  return {
    info: [
      ...leaf('language', text.language),
      ...(alert.categories?.length ? alert.categories : ['Other']).flatMap((category) => leaf('category', category)),
      ...leaf('event', text.event ?? alert.event),
      ...(alert.responseTypes ?? []).flatMap((type) => leaf('responseType', type)),
      ...leaf('urgency', alert.urgency),
      ...leaf('severity', alert.severity),
      ...leaf('certainty', alert.certainty),
      ...leaf('audience', alert.groups.length ? alert.groups.join(', ') : undefined),
      ...leaf('effective', time(alert.effective)),
      ...leaf('onset', time(alert.onset)),
      ...leaf('expires', time(alert.expires)),
      ...leaf('senderName', text.senderName),
      ...leaf('headline', text.headline),
      ...leaf('description', text.description),
      ...leaf('instruction', text.instruction),
      ...leaf('web', text.web),
      ...leaf('contact', text.contact),
      ...(alert.channels ?? []).map((channel) => ({ parameter: [...leaf('valueName', CHANNEL_PARAMETER), ...leaf('value', channel)] })),
      ...alert.areas.map(areaNodes),
    ],
  };
}

/** The `<alert>` element of an alert, in fast-xml-parser's ordered form (for embedding in a feed). */
export function capAlertNode(alert: Alert): Node {
  const references = alert.references?.map((reference) => `${reference.sender},${reference.identifier},${formatCapTime(reference.sent)}`).join(' ');
  return {
    alert: [
      ...leaf('identifier', alert.identifier ?? alert.id),
      ...leaf('sender', alert.sender),
      ...leaf('sent', formatCapTime(alert.sent)),
      ...leaf('status', alert.status),
      ...leaf('msgType', alert.msgType),
      ...leaf('source', alert.source),
      ...leaf('scope', alert.scope),
      ...leaf('note', alert.note),
      ...leaf('references', references),
      ...(alert.texts ?? []).map((text) => infoNodes(alert, text)),
    ],
    ':@': { xmlns: CAP12_NAMESPACE },
  };
}

/** Builds an XML document from ordered nodes, with its declaration. */
export function buildXml(root: Node): string {
  return BUILDER.build([{ '?xml': [{ '#text': '' }], ':@': { version: '1.0', encoding: 'UTF-8' } }, root]) as string;
}

/**
 * Writes an alert as a CAP 1.2 message, elements in the schema's order, times in Beijing time.
 * Every info block (one per language) carries the alert's areas.
 */
export function writeCap12(alert: Alert): string {
  return buildXml(capAlertNode(alert));
}
