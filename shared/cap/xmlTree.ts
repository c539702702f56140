import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { CapError } from './capError.ts';

/** An XML element with its namespace resolved: what the CAP, Atom, RSS and EDXL readers walk. */
export interface XmlElement {
  /** Local name, without prefix. */
  name: string;
  /** Namespace URI ('' when none). */
  namespace: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (concatenated text and CDATA nodes). */
  text: string;
}

/**
 * Limits on what the reader accepts: far above any real CAP message (a national bulletin with a
 * couple of hundred districts per hazard and language runs to some 15,000 elements), far below harm.
 */
export const XML_LIMITS = { maxBytes: 2 * 1024 * 1024, maxElements: 50_000, maxDepth: 40, maxAttributes: 100, maxAttributeLength: 4096 } as const;

const XINCLUDE = 'http://www.w3.org/2001/XInclude';
// XML 1.0 allows tab, newline, carriage return and the characters from U+0020 on, except lone
// surrogates and U+FFFE/U+FFFF: a NUL or other control character means a binary or damaged file.
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decodes the five XML entities and character references in one pass, so `&amp;#39;` stays the
 * text `&#39;`. Nothing else is an entity: a document cannot declare any (see readXml).
 */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, body: string) => {
    if (body.startsWith('#x')) return safeCodePoint(Number.parseInt(body.slice(2), 16), whole);
    if (body.startsWith('#')) return safeCodePoint(Number.parseInt(body.slice(1), 10), whole);
    return XML_ENTITIES[body] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

const PARSER = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
  processEntities: true,
  // One more than the reader's own limit, so the reader's message (naming the limit) is the one shown.
  maxNestedTags: XML_LIMITS.maxDepth + 1,
  entityDecoder: {
    decode: decodeEntities,
    // A document's own entities are never used: any DOCTYPE is refused before parsing.
    setExternalEntities: () => undefined,
    addInputEntities: () => undefined,
    reset: () => undefined,
    setXmlVersion: () => undefined,
  },
});

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/**
 * Reads an XML document into a tree, refusing what CAP never needs: any DOCTYPE or ENTITY
 * declaration (the XXE and billion-laughs attacks live there), documents over 2 MB, and
 * trees too large or too deep. Nothing is ever fetched: external entities, XInclude and
 * schema locations are plain text to this reader.
 */
export function readXml(text: string): XmlElement {
  if (text.length > XML_LIMITS.maxBytes) {
    throw new CapError('document', `is ${(text.length / 1048576).toFixed(1)} MB; the limit is 2 MB`, `文件 ${(text.length / 1048576).toFixed(1)} MB，超过 2 MB 上限`);
  }
  // Whitespace before the declaration is not XML, but feeds written by scripts often start with a
  // blank line; it carries nothing, so it is dropped rather than refused.
  const body = text.replace(/^\uFEFF/, '').replace(/^\s+(?=<\?xml\s)/, '');
  refuseCompressed(body);
  refuseNonXmlCharacters(body);
  for (const declaration of ['<!DOCTYPE', '<!ENTITY']) {
    if (body.toUpperCase().includes(declaration)) {
      throw new CapError('document', `contains a ${declaration.slice(2)} declaration; CAP never needs one and it is refused (external entities are never resolved)`,
        `含有 ${declaration.slice(2)} 声明；CAP 不需要此声明，一律拒绝（从不解析外部实体）`);
    }
  }
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw notWellFormed(valid.err);
  let nodes: OrderedNode[];
  try {
    nodes = PARSER.parse(body) as OrderedNode[];
  } catch (error) {
    // The validator passed, so the parser can only stop at its own bounds (nesting).
    if (/nested/i.test((error as Error).message)) throw new CapError('document', `nests deeper than ${XML_LIMITS.maxDepth} levels`, `嵌套超过 ${XML_LIMITS.maxDepth} 层`);
    throw new CapError('document', `could not be read as XML: ${(error as Error).message}`, `无法作为 XML 读取：${(error as Error).message}`);
  }
  let count = 0;
  const convert = (node: OrderedNode, scope: Record<string, string>, depth: number): XmlElement | null => {
    const tag = Object.keys(node).find((key) => key !== ':@');
    if (tag === undefined || tag === '#text') return null;
    count += 1;
    if (count > XML_LIMITS.maxElements) throw new CapError('document', `has more than ${XML_LIMITS.maxElements} elements`, `元素超过 ${XML_LIMITS.maxElements} 个`);
    if (depth > XML_LIMITS.maxDepth) throw new CapError('document', `nests deeper than ${XML_LIMITS.maxDepth} levels`, `嵌套超过 ${XML_LIMITS.maxDepth} 层`);
    const attributes: Record<string, string> = {};
    const declared = Object.entries(node[':@'] ?? {});
    if (declared.length > XML_LIMITS.maxAttributes) {
      throw new CapError(`<${tag}>`, `has ${declared.length} attributes; the limit is ${XML_LIMITS.maxAttributes} (CAP elements carry none but namespace declarations)`,
        `有 ${declared.length} 个属性，上限 ${XML_LIMITS.maxAttributes}（CAP 元素除命名空间声明外没有属性）`);
    }
    // An element that declares namespaces gets a scope inheriting its parent's (a prototype
    // chain at most 40 deep); copying the scope into every element would let thousands of
    // declarations on the root cost millions of copies (measured: 283 s before this).
    const declares = declared.some(([key]) => key === 'xmlns' || key.startsWith('xmlns:'));
    const namespaces: Record<string, string> = declares ? Object.create(scope) as Record<string, string> : scope;
    for (const [key, value] of declared) {
      if (String(value).length > XML_LIMITS.maxAttributeLength) {
        throw new CapError(`<${tag}>`, `has an attribute '${key.slice(0, 40)}' of ${String(value).length} characters; the limit is ${XML_LIMITS.maxAttributeLength} (CAP uses no long attributes)`,
          `的属性“${key.slice(0, 40)}”长 ${String(value).length} 字符，上限 ${XML_LIMITS.maxAttributeLength}（CAP 不使用长属性）`);
      }
      const attributeValue = decodeEntities(String(value));
      if (key === 'xmlns') namespaces[''] = attributeValue.trim();
      else if (key.startsWith('xmlns:')) namespaces[key.slice(6)] = attributeValue.trim();
      else attributes[key.includes(':') ? key.slice(key.indexOf(':') + 1) : key] = attributeValue;
    }
    const colon = tag.indexOf(':');
    const prefix = colon >= 0 ? tag.slice(0, colon) : '';
    const element: XmlElement = { name: colon >= 0 ? tag.slice(colon + 1) : tag, namespace: namespaces[prefix] ?? '', attributes, children: [], text: '' };
    if (element.namespace === XINCLUDE) {
      throw new CapError(`<${tag}>`, 'is an XInclude instruction; CAP never uses XInclude and nothing a document points to is ever fetched', '是 XInclude 指令；CAP 不使用 XInclude，本系统从不获取文件指向的内容');
    }
    const content = node[tag];
    for (const child of Array.isArray(content) ? (content as OrderedNode[]) : []) {
      if ('#text' in child) element.text += String(child['#text']);
      else {
        const converted = convert(child, namespaces, depth + 1);
        if (converted) element.children.push(converted);
      }
    }
    return element;
  };
  const rootScope = Object.create(null) as Record<string, string>;
  const roots = nodes.map((node) => convert(node, rootScope, 0)).filter((element): element is XmlElement => element !== null);
  if (roots.length === 0) throw new CapError('document', 'has no root element', '没有根元素');
  if (roots.length > 1) throw new CapError('document', `has ${roots.length} root elements; an XML document has exactly one`, `有 ${roots.length} 个根元素；XML 文件只能有一个`);
  return roots[0]!;
}

/**
 * The validator's finding in the duty officer's words. A file cut short (a truncated download)
 * is reported as the elements left open, not as the validator's internal list.
 */
function notWellFormed(error: { msg: string; line: number }): CapError {
  let open: string[] | null = null;
  const list = /^Invalid '(\[[\s\S]*\])' found\.$/.exec(error.msg)?.[1];
  if (list) {
    try {
      open = (JSON.parse(list) as unknown[]).map(String);
    } catch {
      open = null;
    }
  }
  const unclosed = /^Unclosed tag '([^']*)'\.$/.exec(error.msg)?.[1];
  if (unclosed !== undefined) open = [unclosed];
  if (open && open.length > 0) {
    const shown = `${open.length > 5 ? '… > ' : ''}${open.slice(-5).map((name) => `<${name}>`).join(' > ')}`;
    return new CapError('document', `ends before ${open.length === 1 ? 'its element is' : `${open.length} elements are`} closed (${shown}): the file is cut short or damaged`,
      `在 ${open.length} 个元素闭合前就结束了（${shown}）：文件不完整或已损坏`);
  }
  return new CapError(`line ${error.line}`, `is not well-formed XML: ${error.msg}`, `不是格式正确的 XML：${error.msg}`);
}

/** A compressed file is named as such: compressed files are never opened (no zip or gzip bombs). */
export function compressedError(kind: 'gzip' | 'ZIP'): CapError {
  return new CapError('document', `is a ${kind}-compressed file, not XML; compressed files are not opened: unpack it and import the XML file inside`,
    `是 ${kind} 压缩文件，不是 XML；本系统不打开压缩文件，请解压后导入其中的 XML 文件`);
}

/** A gzip or ZIP file read as text: say what it is rather than report its first byte as bad XML. */
function refuseCompressed(body: string): void {
  // gzip starts 1F 8B; read as UTF-8 the 8B becomes U+FFFD. ZIP starts "PK" 03 04.
  const gzip = body.charCodeAt(0) === 0x1f && (body.charCodeAt(1) === 0x8b || body.charCodeAt(1) === 0xfffd);
  if (gzip) throw compressedError('gzip');
  if (body.startsWith('PK\u0003\u0004')) throw compressedError('ZIP');
}

function refuseNonXmlCharacters(body: string): void {
  const found = NOT_XML_CHARACTER.exec(body);
  if (!found) return;
  const before = body.slice(0, found.index);
  const line = before.split('\n').length;
  const column = found.index - before.lastIndexOf('\n');
  const code = `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  throw new CapError(`line ${line}`, `has the character ${code} at column ${column}, which XML does not allow (a binary or damaged file?)`,
    `第 ${column} 列有字符 ${code}，XML 不允许此字符（文件是二进制或已损坏？）`);
}

/** The children of an element with this local name (any namespace unless given). */
export function childrenNamed(element: XmlElement, name: string, namespace?: string): XmlElement[] {
  return element.children.filter((child) => child.name === name && (namespace === undefined || child.namespace === namespace));
}
