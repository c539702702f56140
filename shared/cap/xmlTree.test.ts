import { describe, expect, it } from 'vitest';
import type { CapError } from './capError.ts';
import { readXml, XML_LIMITS } from './xmlTree.ts';
import { refusalOf } from './refusalOf.ts';

const CAP12 = 'urn:oasis:names:tc:emergency:cap:1.2';

const refusal = (text: string): CapError => refusalOf(() => readXml(text));

describe('the XML reader refuses what is not a plain XML document, naming where and why', () => {
  it('a NUL or other control character: the line, the column and the character', () => {
    const error = refusal(`<alert xmlns="${CAP12}">\n  <identifier>a\u0000b</identifier>\n</alert>`);
    expect(error.message).toBe('line 2: has the character U+0000 at column 16, which XML does not allow (a binary or damaged file?)');
    expect(error.bilingual()).toContain('不允许');
    expect(refusal('<a>\u0007</a>').message).toMatch(/U\+0007/);
    // Tab, newline and carriage return are XML characters.
    expect(readXml('<a>\tx\r\n</a>').text).toMatch(/^\tx\r?\n$/);
  });

  it('a gzip or ZIP body read as text is named as such, not as bad XML', () => {
    expect(refusal('\u001f\u008b\u0008\u0000rest').message).toMatch(/^document: is a gzip-compressed file, not XML/);
    expect(refusal('\u001f\ufffd\u0008\u0000rest').message).toMatch(/^document: is a gzip-compressed file/);
    expect(refusal('PK\u0003\u0004\u0014\u0000').message).toMatch(/^document: is a ZIP-compressed file/);
  });

  it('nesting deeper than the limit, even 100,000 levels, is refused quickly without exhausting the stack', () => {
    const started = Date.now();
    expect(refusal(`<a>${'<b>'.repeat(100_000)}${'</b>'.repeat(100_000)}</a>`).message).toBe(`document: nests deeper than ${XML_LIMITS.maxDepth} levels`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(refusal(`<a>${'<b>'.repeat(XML_LIMITS.maxDepth + 1)}${'</b>'.repeat(XML_LIMITS.maxDepth + 1)}</a>`).message).toMatch(/nests deeper/);
    expect(readXml(`<a>${'<b>'.repeat(XML_LIMITS.maxDepth)}${'</b>'.repeat(XML_LIMITS.maxDepth)}</a>`).name).toBe('a');
  });

  it('an attribute of a megabyte is refused, naming the element and the attribute', () => {
    expect(refusal(`<alert xmlns="${CAP12}" data="${'x'.repeat(1024 * 1024)}"/>`).message)
      .toBe('<alert>: has an attribute \'data\' of 1048576 characters; the limit is 4096 (CAP uses no long attributes)');
  });

  it('XInclude is refused: nothing a document points to is fetched', () => {
    const error = refusal(`<alert xmlns="${CAP12}" xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file:///etc/passwd" parse="text"/></alert>`);
    expect(error.message).toMatch(/^<xi:include>: is an XInclude instruction/);
  });

  it('keeps CDATA as text, resolves prefixes and redeclared default namespaces', () => {
    const root = readXml(`<p:alert xmlns:p="${CAP12}" xmlns="http://www.w3.org/1999/xhtml"><p:note><![CDATA[a <b> & c]]></p:note><info xmlns="${CAP12}"><event>x</event></info><div/></p:alert>`);
    expect(root).toMatchObject({ name: 'alert', namespace: CAP12 });
    expect(root.children.map((child) => [child.name, child.namespace])).toEqual([['note', CAP12], ['info', CAP12], ['div', 'http://www.w3.org/1999/xhtml']]);
    expect(root.children[0]!.text).toBe('a <b> & c');
    expect(root.children[1]!.children[0]).toMatchObject({ name: 'event', namespace: CAP12, text: 'x' });
  });
});

describe('a file cut short or with two roots', () => {
  it('names the elements left open rather than the validator internals', () => {
    expect(refusal('<alert><info><area><geocode><valueName>CPEAS').message)
      .toBe('document: ends before 5 elements are closed (<alert> > <info> > <area> > <geocode> > <valueName>): the file is cut short or damaged');
    expect(refusal('<alert><info></info>').message).toBe('document: ends before its element is closed (<alert>): the file is cut short or damaged');
    expect(refusal('<a></a><b/>').message).toBe('document: has 2 root elements; an XML document has exactly one');
    // A blank line before the declaration (scripts that write feeds) is dropped, not refused.
    expect(readXml('\n  <?xml version="1.0" encoding="UTF-8"?>\n<a/>').name).toBe('a');
  });
});

describe('namespace and attribute floods', () => {
  it('40,000 namespace declarations on the root over 19,000 elements are refused quickly (they cost 283 s before)', () => {
    const started = Date.now();
    const flood = `<alert xmlns="${CAP12}" ${Array.from({ length: 40_000 }, (_, index) => `xmlns:p${index}="urn:p"`).join(' ')}>${'<x/>'.repeat(19_000)}</alert>`;
    expect(refusal(flood).message).toBe('<alert>: has 40001 attributes; the limit is 100 (CAP elements carry none but namespace declarations)');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('99 declarations on each of a thousand elements still read quickly', () => {
    const declarations = Array.from({ length: 99 }, (_, index) => `xmlns:p${index}="u${index}"`).join(' ');
    const started = Date.now();
    const root = readXml(`<a xmlns="${CAP12}">${`<b ${declarations}><p7:c/></b>`.repeat(1000)}</a>`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(root.children).toHaveLength(1000);
    expect(root.children[999]!.children[0]).toMatchObject({ name: 'c', namespace: 'u7' });
    // The scope of one element does not leak to its siblings or its parent.
    expect(readXml(`<a><b xmlns:q="urn:q"/><q:c xmlns:q="urn:other"/><d/></a>`).children.map((child) => child.namespace)).toEqual(['', 'urn:other', '']);
  });
});
