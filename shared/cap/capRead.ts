import {
  Alert, ALERT_CHANNELS, CAP_CATEGORIES, CAP_CERTAINTIES, CAP_MSG_TYPES, CAP_RESPONSE_TYPES, CAP_SCOPES, CAP_SEVERITIES, CAP_STATUSES, CAP_URGENCIES,
  type AlertArea, type AlertChannel, type AlertReference, type AlertText,
} from '../domain/alert.ts';
import { CapError } from './capError.ts';
import { channelsOf } from './channels.ts';
import { alertIdFor, CAP_NAMESPACES, CapFields, capTime, checkIdentifier } from './capFields.ts';
import type { XmlElement } from './xmlTree.ts';

/** The geocode scheme China's national early-warning system uses for administrative codes. */
export const CPEAS_GEOCODE = 'CPEAS Geographic Code';

const ALERT_ELEMENTS = ['identifier', 'sender', 'password', 'sent', 'status', 'msgType', 'source', 'scope', 'restriction', 'addresses', 'code', 'note', 'references', 'incidents', 'info'];
const INFO_ELEMENTS = ['language', 'category', 'event', 'responseType', 'urgency', 'severity', 'certainty', 'audience', 'eventCode', 'effective', 'onset', 'expires', 'senderName', 'headline', 'description', 'instruction', 'web', 'contact', 'parameter', 'resource', 'area'];
const AREA_ELEMENTS = ['areaDesc', 'polygon', 'circle', 'geocode', 'altitude', 'ceiling'];
const MAX_INFO_BLOCKS = 8;

/** True if the element is a CAP alert of a version the reader knows. */
export function isCapAlert(element: XmlElement): boolean {
  return element.name === 'alert' && Object.hasOwn(CAP_NAMESPACES, element.namespace);
}

/**
 * Maps one CAP 1.0/1.1/1.2 `<alert>` to the console's alert, checking every element against
 * the CAP rules. `path` prefixes element names in errors (e.g. `entry[2].content.alert`).
 * The XML signature of a signed message is not verified: it is read like an unsigned one.
 */
export function readCapAlert(element: XmlElement, path = 'alert'): Alert {
  if (!isCapAlert(element)) {
    throw new CapError(path, `is <${element.name}> in namespace '${element.namespace}', not a CAP 1.0, 1.1 or 1.2 alert`, `是命名空间“${element.namespace}”中的 <${element.name}>，不是 CAP 1.0/1.1/1.2 预警`);
  }
  const version = CAP_NAMESPACES[element.namespace]!;
  const fields = new CapFields(element, path, ALERT_ELEMENTS);
  const identifier = checkIdentifier(fields.at('identifier'), fields.required('identifier'));
  const sender = checkIdentifier(fields.at('sender'), fields.required('sender'));
  const sent = fields.requiredTime('sent');
  const status = fields.oneOf('status', CAP_STATUSES);
  const msgType = fields.oneOf('msgType', CAP_MSG_TYPES);
  const scope = fields.oneOf('scope', CAP_SCOPES);
  const references = readReferences(fields);
  const infoElements = fields.all('info');
  if (infoElements.length > MAX_INFO_BLOCKS) {
    throw new CapError(fields.at('info'), `has ${infoElements.length} blocks; the console keeps at most ${MAX_INFO_BLOCKS} languages`, `共 ${infoElements.length} 个信息块；本系统最多保存 ${MAX_INFO_BLOCKS} 种语言`);
  }
  const infos = infoElements.map((info, index) => readInfo(info, fields.at('info', index), version));
  const first = infos[0];
  const texts: AlertText[] = infos.map((info) => ({ ...info.text, ...(first && info.event !== first.event ? { event: info.event } : {}) }));
  const candidate = {
    id: alertIdFor(sender, identifier),
    identifier,
    sender,
    sent,
    status,
    msgType,
    scope,
    event: first?.event ?? '(no info)',
    severity: first?.severity ?? 'Unknown',
    urgency: first?.urgency ?? 'Unknown',
    certainty: first?.certainty ?? 'Unknown',
    languages: [...new Set(texts.map((text) => text.language))].slice(0, 20),
    groups: first?.groups ?? [],
    texts,
    areas: dedupeAreas(infos.flatMap((info) => info.areas)),
    ...(infos.some((info) => info.channels.length) ? { channels: ALERT_CHANNELS.filter((channel) => infos.some((info) => info.channels.includes(channel))) } : {}),
    ...(first && first.categories.length ? { categories: first.categories } : {}),
    ...(first && first.responseTypes.length ? { responseTypes: first.responseTypes } : {}),
    ...(first?.onset ? { onset: first.onset } : {}),
    ...(first?.effective ? { effective: first.effective } : {}),
    ...(first?.expires ? { expires: first.expires } : {}),
    ...(references.length ? { references } : {}),
    ...optionalText(fields, 'source', 200),
    ...optionalText(fields, 'note', 1000),
    exercise: status === 'Exercise',
  };
  if (candidate.languages.length === 0) candidate.languages = ['en-US'];
  const parsed = Alert.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CapError(`${path}.${issue.path.join('.')}`, issue.message, `不符合本系统预警格式：${issue.message}`);
  }
  return parsed.data;
}

function optionalText(fields: CapFields, name: 'source' | 'note', max: number): Record<string, string> {
  const value = fields.text(name, max);
  return value === undefined ? {} : { [name]: value };
}

/** CAP references: whitespace-separated `sender,identifier,sent` triples. */
function readReferences(fields: CapFields): AlertReference[] {
  const raw = fields.optional('references');
  if (raw === undefined) return [];
  const path = fields.at('references');
  if (raw === '') throw new CapError(path, 'is empty; give at least one sender,identifier,sent or leave the element out', '为空；至少给出一条“发布者,标识,时间”，或删去此元素');
  return raw.split(/\s+/).map((triple, index) => {
    const parts = triple.split(',');
    if (parts.length !== 3 || parts.some((part) => part === '')) {
      throw new CapError(`${path}[${index + 1}]`, `'${triple}' is not sender,identifier,sent`, `“${triple}”不是“发布者,标识,时间”`);
    }
    return { sender: parts[0]!, identifier: parts[1]!, sent: capTime(`${path}[${index + 1}]`, parts[2]!) };
  });
}

interface InfoBlock {
  text: AlertText;
  event: string;
  severity: Alert['severity'];
  urgency: Alert['urgency'];
  certainty: Alert['certainty'];
  categories: Alert['categories'] & object;
  responseTypes: Alert['responseTypes'] & object;
  groups: string[];
  onset?: string;
  effective?: string;
  expires?: string;
  areas: AlertArea[];
  channels: AlertChannel[];
}

/** An info block's parameters (valueName, value); one missing either half is passed over, as nothing but channels reads them. */
function readParameters(fields: CapFields): { valueName: string; value: string }[] {
  return fields.all('parameter').flatMap((parameter, index) => {
    const pair = new CapFields(parameter, fields.at('parameter', index), ['valueName', 'value']);
    const valueName = pair.text('valueName', 200);
    const value = pair.text('value', 2000);
    return valueName && value ? [{ valueName, value }] : [];
  });
}

function readInfo(element: XmlElement, path: string, version: string): InfoBlock {
  const fields = new CapFields(element, path, INFO_ELEMENTS);
  const categories = fields.manyOf('category', CAP_CATEGORIES);
  if (categories.length === 0) throw new CapError(fields.at('category'), 'is required and missing', '为必填项，但缺失');
  const event = fields.required('event');
  if (event.length > 200) throw new CapError(fields.at('event'), `is ${event.length} characters; the limit is 200`, `长度 ${event.length} 字符，上限 200`);
  const audience = fields.text('audience', 2000);
  const headline = fields.text('headline', 400);
  const senderName = fields.text('senderName', 200);
  const description = fields.text('description', 8000);
  const instruction = fields.text('instruction', 4000);
  const web = fields.text('web', 500);
  const contact = fields.text('contact', 500);
  const language = fields.text('language', 10) ?? 'en-US';
  return {
    event,
    categories,
    responseTypes: fields.manyOf('responseType', CAP_RESPONSE_TYPES),
    // CAP 1.0 had a fifth certainty, "Very Likely", which CAP 1.1 folded into Likely.
    certainty: fields.oneOf('certainty', CAP_CERTAINTIES, version === '1.0' ? { 'Very Likely': 'Likely' } : {}),
    urgency: fields.oneOf('urgency', CAP_URGENCIES),
    severity: fields.oneOf('severity', CAP_SEVERITIES),
    groups: audience ? audience.split(/[,;，；]/).map((group) => group.trim().slice(0, 60)).filter(Boolean).slice(0, 20) : [],
    ...(fields.time('onset') ? { onset: fields.time('onset') } : {}),
    ...(fields.time('effective') ? { effective: fields.time('effective') } : {}),
    ...(fields.time('expires') ? { expires: fields.time('expires') } : {}),
    text: {
      language,
      headline: headline ?? event,
      ...(senderName ? { senderName } : {}),
      ...(description ? { description } : {}),
      ...(instruction ? { instruction } : {}),
      ...(web ? { web } : {}),
      ...(contact ? { contact } : {}),
    },
    areas: fields.all('area').map((area, index) => readArea(area, fields.at('area', index))),
    channels: channelsOf(readParameters(fields)),
  };
}

function readArea(element: XmlElement, path: string): AlertArea {
  const fields = new CapFields(element, path, AREA_ELEMENTS);
  const description = fields.required('areaDesc');
  const polygons = fields.all('polygon').map((polygon, index) => readPolygon(fields.at('polygon', index), polygon.text.trim()));
  const circles = fields.all('circle').map((circle, index) => readCircle(fields.at('circle', index), circle.text.trim()));
  const codes: string[] = [];
  const geocodes: { valueName: string; value: string }[] = [];
  fields.all('geocode').forEach((geocode, index) => {
    const pair = new CapFields(geocode, fields.at('geocode', index), ['valueName', 'value']);
    const valueName = pair.required('valueName');
    const value = pair.required('value');
    if (valueName === CPEAS_GEOCODE) codes.push(cpeasCode(pair.at('value'), value));
    else geocodes.push({ valueName, value });
  });
  return {
    description: description.slice(0, 400),
    codes: [...new Set(codes)],
    ...(polygons[0] ? { polygon: polygons[0] } : {}),
    ...(polygons.length > 1 ? { morePolygons: polygons.slice(1) } : {}),
    ...(circles.length ? { circles } : {}),
    ...(geocodes.length ? { geocodes } : {}),
  };
}

/** A CPEAS code (6-digit county, 9-digit township or 12-digit village level) as the 12-digit code. */
export function cpeasCode(path: string, value: string): string {
  if (!/^(\d{6}|\d{9}|\d{12})$/.test(value)) {
    throw new CapError(path, `'${value}' is not a 6-, 9- or 12-digit ${CPEAS_GEOCODE}`, `“${value}”不是 6、9 或 12 位行政区划代码`);
  }
  return value.padEnd(12, '0');
}

function readPoint(path: string, pair: string): [number, number] {
  const parts = pair.split(',');
  const lat = Number(parts[0]);
  const lon = Number(parts[1]);
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '' || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    throw new CapError(path, `'${pair}' is not a WGS 84 latitude,longitude pair`, `“${pair}”不是 WGS 84 纬度,经度`);
  }
  return [lon, lat];
}

function readPolygon(path: string, text: string): [number, number][] {
  const points = text.split(/\s+/).filter(Boolean).map((pair) => readPoint(path, pair));
  if (points.length < 4) throw new CapError(path, `has ${points.length} points; a CAP polygon needs at least 4`, `只有 ${points.length} 个点；CAP 多边形至少 4 个点`);
  const [firstLon, firstLat] = points[0]!;
  const [lastLon, lastLat] = points[points.length - 1]!;
  if (firstLon !== lastLon || firstLat !== lastLat) throw new CapError(path, 'does not end where it starts; a CAP polygon must be closed', '首尾点不同；CAP 多边形必须闭合');
  return points;
}

function readCircle(path: string, text: string): { lon: number; lat: number; radiusKm: number } {
  const [pair, radius, extra] = text.split(/\s+/);
  const radiusKm = Number(radius);
  if (!pair || radius === undefined || extra !== undefined || !Number.isFinite(radiusKm) || radiusKm < 0) {
    throw new CapError(path, `'${text}' is not latitude,longitude radius (km)`, `“${text}”不是“纬度,经度 半径（公里）”`);
  }
  const [lon, lat] = readPoint(path, pair);
  return { lon, lat, radiusKm };
}

/** Areas repeated in each language's info block are kept once (by where they are, not what they are called). */
function dedupeAreas(areas: AlertArea[]): AlertArea[] {
  const seen = new Set<string>();
  return areas.filter((area) => {
    const { description: _description, ...where } = area;
    const key = JSON.stringify(where) === '{"codes":[]}' ? `name:${area.description}` : JSON.stringify(where);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
