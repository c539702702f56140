import {
  Alert, ALERT_CHANNELS, CAP_CATEGORIES, CAP_CERTAINTIES, CAP_MSG_TYPES, CAP_RESPONSE_TYPES, CAP_SCOPES, CAP_SEVERITIES, CAP_STATUSES, CAP_URGENCIES,
  type AlertArea, type AlertChannel, type AlertReference, type AlertText,
} from '../domain/alert.ts';
import { dedupeAreas, PointBudget, readArea } from './capArea.ts';
import { CapError, type CapNote } from './capError.ts';
import { plainText } from './capText.ts';
import { channelsOf } from './channels.ts';
import { alertIdFor, CAP_NAMESPACES, CapFields, capTime, checkIdentifier } from './capFields.ts';
import type { XmlElement } from './xmlTree.ts';

export { CPEAS_GEOCODE, cpeasCode } from './capArea.ts';

const ALERT_ELEMENTS = ['identifier', 'sender', 'password', 'sent', 'status', 'msgType', 'source', 'scope', 'restriction', 'addresses', 'code', 'note', 'references', 'incidents', 'info'];
const INFO_ELEMENTS = ['language', 'category', 'event', 'responseType', 'urgency', 'severity', 'certainty', 'audience', 'eventCode', 'effective', 'onset', 'expires', 'senderName', 'headline', 'description', 'instruction', 'web', 'contact', 'parameter', 'resource', 'area'];
/** Info blocks kept per alert: a national bulletin carries several hazards, each in two or three languages. */
const MAX_INFO_BLOCKS = 16;

/** The reader's context: the console's clock and where to say what it shortened or closed. */
export interface CapReadOptions {
  /** The console's clock: a message cannot have been sent in the future. */
  now?: Date;
  /** Notes on what was kept in part (a text over the console's limit) or mended (a ring closed by rounding). */
  notes?: CapNote[];
}

/** Longest text read at all; longer texts are refused. Between the console's limit and this, texts are shortened. */
const READ_LIMIT = 100_000;
/** Real senders keep long-lived events' whole chain of references; the console keeps the latest. */
const MAX_REFERENCES = 50;

/** How far a sender's clock may run ahead of ours (a zone written wrongly is at most 14 h off). */
const FUTURE_TOLERANCE_MS = 24 * 3600_000;

/** True if the element is a CAP alert of a version the reader knows. */
export function isCapAlert(element: XmlElement): boolean {
  return element.name === 'alert' && Object.hasOwn(CAP_NAMESPACES, element.namespace);
}

/**
 * Maps one CAP 1.0/1.1/1.2 `<alert>` to the console's alert, checking every element against
 * the CAP rules. `path` prefixes element names in errors (e.g. `entry[2].content.alert`).
 * The XML signature of a signed message is not verified: it is read like an unsigned one.
 */
export function readCapAlert(element: XmlElement, path = 'alert', options: CapReadOptions = {}): Alert {
  if (!isCapAlert(element)) {
    throw new CapError(path, `is <${element.name}> in namespace '${element.namespace}', not a CAP 1.0, 1.1 or 1.2 alert`, `是命名空间“${element.namespace}”中的 <${element.name}>，不是 CAP 1.0/1.1/1.2 预警`);
  }
  const version = CAP_NAMESPACES[element.namespace]!;
  const fields = new CapFields(element, path, ALERT_ELEMENTS);
  const identifier = checkIdentifier(fields.at('identifier'), fields.required('identifier'));
  const sender = checkIdentifier(fields.at('sender'), fields.required('sender'));
  const sent = fields.requiredTime('sent');
  const now = options.now ?? new Date();
  if (Date.parse(sent) > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new CapError(fields.at('sent'), `is ${sent}, more than a day after this console's clock (${now.toISOString()}); a message cannot be sent in the future (check the sender's clock and zone)`,
      `为 ${sent}，比本机时钟（${now.toISOString()}）晚一天以上；预警不可能在未来发出（请检查发布方的时钟和时区）`);
  }
  const status = fields.oneOf('status', CAP_STATUSES);
  const msgType = fields.oneOf('msgType', CAP_MSG_TYPES);
  const scope = fields.oneOf('scope', CAP_SCOPES);
  const references = readReferences(fields);
  const infoElements = fields.all('info');
  if (infoElements.length > MAX_INFO_BLOCKS) {
    throw new CapError(fields.at('info'), `appears ${infoElements.length} times; the console keeps at most ${MAX_INFO_BLOCKS} info blocks (hazards × languages) per alert`,
      `出现 ${infoElements.length} 次；每条预警最多保存 ${MAX_INFO_BLOCKS} 个信息块（灾种 × 语言）`);
  }
  const budget = new PointBudget();
  const context: InfoContext = { version, budget, notes: options.notes ?? [] };
  const infos = primaryFirst(infoElements.map((info, index) => readInfo(info, fields.at('info', index), context)));
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

/**
 * The info blocks with the one the duty officer reads first at the front: Chinese, then English,
 * then the sender's order; within a language the most severe hazard first. The alert's event,
 * severity and times come from it, so a Belgian warning in Dutch, French, German and English
 * shows as "Yellow Wind Warning", and a bulletin of frost (Moderate) and smog (Severe) as smog.
 */
function primaryFirst(infos: InfoBlock[]): InfoBlock[] {
  const language = (info: InfoBlock) => (/^zh-CN$/i.test(info.text.language) ? 0 : /^zh\b/i.test(info.text.language) ? 1 : /^en\b/i.test(info.text.language) ? 2 : 3);
  const severity = (info: InfoBlock) => CAP_SEVERITIES.indexOf(info.severity);
  return infos.map((info, index) => ({ info, index }))
    .sort((a, b) => language(a.info) - language(b.info) || severity(a.info) - severity(b.info) || a.index - b.index)
    .map(({ info }) => info);
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
  const references = raw.split(/\s+/).map((triple, index) => {
    const parts = triple.split(',');
    if (parts.length !== 3 || parts.some((part) => part === '')) {
      throw new CapError(`${path}[${index + 1}]`, `'${triple}' is not sender,identifier,sent`, `“${triple}”不是“发布者,标识,时间”`);
    }
    return { sender: parts[0]!, identifier: parts[1]!, sent: capTime(`${path}[${index + 1}]`, parts[2]!) };
  });
  return references.slice(-MAX_REFERENCES);
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

interface InfoContext { version: string; budget: PointBudget; notes: CapNote[] }

/**
 * A text kept even when it is longer than the console stores: a hurricane statement's description
 * can run past 8,000 characters, and refusing the warning for it would be worse than shortening it.
 */
function longText(fields: CapFields, name: string, max: number, notes: CapNote[]): string | undefined {
  const value = plainText(fields.text(name, READ_LIMIT));
  if (value === undefined || value.length <= max) return value;
  notes.push({ element: fields.at(name), en: `is ${value.length} characters; the first ${max - 1} were kept`, zh: `长 ${value.length} 字符，保留前 ${max - 1} 字符` });
  return `${value.slice(0, max - 1)}…`;
}

function readInfo(element: XmlElement, path: string, { version, budget, notes }: InfoContext): InfoBlock {
  const fields = new CapFields(element, path, INFO_ELEMENTS);
  const categories = fields.manyOf('category', CAP_CATEGORIES);
  if (categories.length === 0) throw new CapError(fields.at('category'), 'is required and missing', '为必填项，但缺失');
  const event = fields.required('event');
  if (event.length > 200) throw new CapError(fields.at('event'), `is ${event.length} characters; the limit is 200`, `长度 ${event.length} 字符，上限 200`);
  const audience = fields.text('audience', 2000);
  const headline = longText(fields, 'headline', 400, notes);
  const senderName = longText(fields, 'senderName', 200, notes);
  const description = longText(fields, 'description', 8000, notes);
  const instruction = longText(fields, 'instruction', 4000, notes);
  const web = fields.text('web', 500);
  const contact = longText(fields, 'contact', 500, notes);
  const language = fields.text('language', 10) ?? 'en-US';
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(language)) {
    throw new CapError(fields.at('language'), `'${language}' is not a language code (RFC 3066, e.g. zh-CN, en-US)`, `“${language}”不是语言代码（RFC 3066，例如 zh-CN、en-US）`);
  }
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
    areas: fields.all('area').map((area, index) => readArea(area, fields.at('area', index), version, budget, notes)),
    channels: channelsOf(readParameters(fields)),
  };
}
