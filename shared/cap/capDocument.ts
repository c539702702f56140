import type { Alert } from '../domain/alert.ts';
import { CapError, type CapNote } from './capError.ts';
import { isCapAlert, readCapAlert, type CapReadOptions } from './capRead.ts';
import { CAP_NAMESPACES } from './capFields.ts';
import { childrenNamed, readXml, type XmlElement } from './xmlTree.ts';

const isCapNamespace = (namespace: string) => Object.hasOwn(CAP_NAMESPACES, namespace);

const ATOM = 'http://www.w3.org/2005/Atom';
const EDXL_DE = 'urn:oasis:names:tc:emergency:EDXL:DE:1.0';
const XML_SIGNATURE = 'http://www.w3.org/2000/09/xmldsig#';
const ATOM_FEED = ['author', 'category', 'contributor', 'generator', 'icon', 'id', 'link', 'logo', 'rights', 'subtitle', 'title', 'updated', 'entry'];
const ATOM_ENTRY = ['author', 'category', 'content', 'contributor', 'id', 'link', 'published', 'rights', 'source', 'summary', 'title', 'updated'];
/** Entries or items read from one feed: a national index lists a few hundred; more is a flood. */
const MAX_ENTRIES = 1000;
const EDXL_REQUIRED = ['distributionID', 'senderID', 'dateTimeSent', 'distributionStatus', 'distributionType', 'combinedConfidentiality'];

type AlertReader = (element: XmlElement, path: string) => Alert;

export type { CapNote };

/** What a document holds: its kind, the alerts read from it, and what was left out and why. */
export interface CapDocument {
  kind: 'cap' | 'atom' | 'rss' | 'edxl-de';
  alerts: Alert[];
  notes: CapNote[];
}

/**
 * Reads a CAP message, an Atom or RSS feed of them, or an EDXL-DE envelope. Every alert must
 * pass, or the whole document is refused (a CapError naming the element and the rule). Links
 * to CAP messages are reported, never fetched.
 */
export function readCapDocument(text: string, options: CapReadOptions = {}): CapDocument {
  const root = readXml(text);
  const signatures: CapNote[] = [];
  const shortened: CapNote[] = [];
  const read: AlertReader = (element, path) => {
    const alert = readCapAlert(element, path, { ...options, notes: shortened });
    const signed = childrenNamed(element, 'Signature', XML_SIGNATURE).length;
    if (signed > 0) {
      signatures.push({ element: `${path}.Signature`, en: `is ${signed === 1 ? 'an XML signature' : `${signed} XML signatures`}, not verified: the message was read like an unsigned one`,
        zh: `${signed === 1 ? '是 XML 数字签名' : `有 ${signed} 个 XML 数字签名`}，本系统未验证签名，按未签名预警读取` });
    }
    return alert;
  };
  const document = readRoot(root, read);
  return { ...document, notes: [...document.notes, ...shortened, ...signatures] };
}

function readRoot(root: XmlElement, read: AlertReader): CapDocument {
  if (isCapAlert(root)) return { kind: 'cap', alerts: [read(root, 'alert')], notes: [] };
  if (root.name === 'feed' && root.namespace === ATOM) return readAtom(root, read);
  if (root.name === 'rss') return readRss(root, read);
  if (root.name === 'EDXLDistribution' && root.namespace === EDXL_DE) return readEdxl(root, read);
  throw new CapError(root.name, `is not a CAP alert, an Atom or RSS feed, or an EDXL-DE envelope (namespace '${root.namespace}')`,
    `不是 CAP 预警、Atom/RSS 订阅或 EDXL-DE 信封（命名空间“${root.namespace}”）`);
}

function requireOne(parent: XmlElement, name: string, path: string, namespace?: string): string {
  const found = childrenNamed(parent, name, namespace);
  if (found.length === 0) throw new CapError(`${path}.${name}`, 'is required and missing', '为必填项，但缺失');
  if (found.length > 1) throw new CapError(`${path}.${name}`, `appears ${found.length} times; it is allowed once`, `出现 ${found.length} 次；只允许一次`);
  const value = found[0]!.text.trim();
  if (value === '') throw new CapError(`${path}.${name}`, 'is required and empty', '为必填项，但为空');
  return value;
}

function bounded(path: string, found: XmlElement[], what: 'entries' | 'items'): XmlElement[] {
  if (found.length > MAX_ENTRIES) {
    throw new CapError(path, `has ${found.length} ${what}; the console reads at most ${MAX_ENTRIES} from one file`, `有 ${found.length} 个条目；本系统每个文件最多读取 ${MAX_ENTRIES} 个`);
  }
  return found;
}

function linkNote(path: string, href: string, summary = ''): CapNote {
  const shown = href.slice(0, 300);
  return summary
    ? { element: path, en: `links to a CAP message, not fetched (${shown}); the feed summarises it as: ${summary}`, zh: `链接到一条 CAP 预警，未获取（${shown}）；订阅中的摘要：${summary}` }
    : { element: path, en: `links to a CAP message, not fetched (${shown})`, zh: `链接到一条 CAP 预警，未获取（${shown}）` };
}

/**
 * What an index entry says about the message it links to, so the duty officer sees what was
 * not imported: the entry's title and the CAP summary fields (NWS and the OASIS CAP feeds note
 * put `cap:event`, `cap:severity`, `cap:areaDesc`… in each entry).
 */
function entrySummary(entry: XmlElement): string {
  const capText = (name: string) => entry.children.find((child) => child.name === name && isCapNamespace(child.namespace))?.text.trim() ?? '';
  const title = childrenNamed(entry, 'title')[0]?.text.trim() ?? '';
  const parts = [title, ...['event', 'severity', 'urgency', 'certainty', 'expires', 'areaDesc'].map((name) => (capText(name) ? `${name} ${capText(name)}` : ''))];
  const summary = parts.filter(Boolean).join('; ').replace(/\s+/g, ' ');
  return summary.length > 300 ? `${summary.slice(0, 299)}…` : summary;
}

function readAtom(feed: XmlElement, read: AlertReader): CapDocument {
  for (const child of feed.children) {
    if (child.namespace === ATOM && !ATOM_FEED.includes(child.name)) throw new CapError(`feed.${child.name}`, 'is not an Atom feed element', '不是 Atom 订阅的元素');
  }
  for (const name of ['id', 'title', 'updated']) requireOne(feed, name, 'feed', ATOM);
  const entries = bounded('feed', childrenNamed(feed, 'entry', ATOM), 'entries');
  if (entries.length === 0) throw new CapError('feed', 'has no entries (an alert outside an entry is not part of the feed)', '没有条目（条目之外的预警不属于订阅内容）');
  const alerts: Alert[] = [];
  const notes: CapNote[] = [];
  entries.forEach((entry, index) => {
    const path = `feed.entry[${index + 1}]`;
    for (const child of entry.children) {
      if (child.namespace === ATOM && !ATOM_ENTRY.includes(child.name)) throw new CapError(`${path}.${child.name}`, 'is not an Atom entry element', '不是 Atom 条目的元素');
    }
    for (const name of ['id', 'title', 'updated']) requireOne(entry, name, path, ATOM);
    const embedded = childrenNamed(entry, 'content', ATOM).flatMap((content) => content.children.filter(isCapAlert));
    if (embedded.length > 0) {
      embedded.forEach((alert) => alerts.push(read(alert, `${path}.content.alert`)));
      return;
    }
    const links = childrenNamed(entry, 'link', ATOM).filter((link) => (link.attributes.href ?? '').trim() !== '' && link.attributes.rel !== 'self');
    const cap = links.find((link) => link.attributes.type === 'application/cap+xml') ?? links[0];
    if (!cap) throw new CapError(path, 'has neither a CAP message in its content nor a link to one', '既没有内含的 CAP 预警，也没有指向预警的链接');
    notes.push(linkNote(path, cap.attributes.href!.trim(), entrySummary(entry)));
  });
  return { kind: 'atom', alerts, notes };
}

function readRss(rss: XmlElement, read: AlertReader): CapDocument {
  const channels = childrenNamed(rss, 'channel');
  if (channels.length !== 1) throw new CapError('rss.channel', 'must appear exactly once', '必须且只能出现一次');
  const channel = channels[0]!;
  for (const name of ['title', 'link', 'description']) requireOne(channel, name, 'rss.channel');
  const items = bounded('rss.channel', childrenNamed(channel, 'item'), 'items');
  if (items.length === 0) throw new CapError('rss.channel', 'has no items', '没有条目');
  const alerts: Alert[] = [];
  const notes: CapNote[] = [];
  items.forEach((item, index) => {
    const path = `rss.channel.item[${index + 1}]`;
    if (childrenNamed(item, 'title').length === 0 && childrenNamed(item, 'description').length === 0) {
      throw new CapError(path, 'has neither a title nor a description (RSS 2.0 requires one)', '既无标题也无描述（RSS 2.0 至少需要其一）');
    }
    const embedded = item.children.filter(isCapAlert);
    if (embedded.length > 0) {
      embedded.forEach((alert) => alerts.push(read(alert, `${path}.alert`)));
      return;
    }
    const link = childrenNamed(item, 'link')[0]?.text.trim();
    if (!link) throw new CapError(path, 'has neither a CAP message nor a link to one', '既没有内含的 CAP 预警，也没有指向预警的链接');
    notes.push(linkNote(path, link, (childrenNamed(item, 'title')[0]?.text.trim() ?? '').replace(/\s+/g, ' ').slice(0, 300)));
  });
  return { kind: 'rss', alerts, notes };
}

function readEdxl(envelope: XmlElement, read: AlertReader): CapDocument {
  const path = 'EDXLDistribution';
  for (const name of EDXL_REQUIRED) requireOne(envelope, name, path, EDXL_DE);
  const objects = childrenNamed(envelope, 'contentObject', EDXL_DE);
  if (objects.length === 0) throw new CapError(path, 'has no contentObject', '没有 contentObject');
  const alerts: Alert[] = [];
  const notes: CapNote[] = [];
  objects.forEach((object, index) => {
    const objectPath = `${path}.contentObject[${index + 1}]`;
    const xml = childrenNamed(object, 'xmlContent', EDXL_DE);
    const nonXml = childrenNamed(object, 'nonXMLContent', EDXL_DE);
    if (xml.length + nonXml.length !== 1) {
      throw new CapError(objectPath, 'must hold exactly one xmlContent or nonXMLContent', '必须且只能含有一个 xmlContent 或 nonXMLContent');
    }
    if (nonXml.length === 1) {
      notes.push({ element: objectPath, en: 'carries non-XML content, not a CAP message; not read', zh: '内容不是 XML（不是 CAP 预警），未读取' });
      return;
    }
    const embedded = childrenNamed(xml[0]!, 'embeddedXMLContent', EDXL_DE).flatMap((content) => content.children);
    if (embedded.length === 0) throw new CapError(`${objectPath}.xmlContent`, 'has no embeddedXMLContent', '没有 embeddedXMLContent');
    embedded.forEach((element, position) => {
      const elementPath = `${objectPath}.xmlContent.embeddedXMLContent.${element.name}${embedded.length > 1 ? `[${position + 1}]` : ''}`;
      if (isCapAlert(element)) alerts.push(read(element, elementPath));
      else notes.push({ element: elementPath, en: `is <${element.name}>, not a CAP message; not read`, zh: `是 <${element.name}>，不是 CAP 预警，未读取` });
    });
  });
  return { kind: 'edxl-de', alerts, notes };
}
