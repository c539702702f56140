import { describe, expect, it } from 'vitest';
import { readCapDocument } from './capDocument.ts';
import type { CapError } from './capError.ts';
import { writeCap12 } from './capWrite.ts';
import { refusalOf } from './refusalOf.ts';

const CAP12 = 'urn:oasis:names:tc:emergency:cap:1.2';

function message(info: string, head = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="${CAP12}">
  <identifier>310000-20260701-0001</identifier><sender>shanghai-emergency</sender><sent>2026-07-01T08:00:00+08:00</sent>
  <status>Exercise</status><msgType>Alert</msgType><scope>Public</scope>${head}
  <info><language>zh-CN</language><category>Met</category><event>台风</event>${info}</info>
</alert>`;
}

const GOOD_INFO = '<urgency>Expected</urgency><severity>Severe</severity><certainty>Likely</certainty><headline>台风橙色预警</headline>';

const refusal = (text: string): CapError => refusalOf(() => readCapDocument(text));

describe('reading CAP', () => {
  it('names the element and the rule of a bad enumeration', () => {
    const error = refusal(message('<urgency>Soon</urgency><severity>Severe</severity><certainty>Likely</certainty>'));
    expect(error.message).toBe("alert.info[1].urgency: 'Soon' is not one of Immediate, Expected, Future, Past, Unknown");
    expect(error.bilingual()).toContain('不是');
  });

  it('names a missing required element, a repeated one and an element CAP does not have', () => {
    expect(refusal(message('<severity>Severe</severity><certainty>Likely</certainty>')).message).toBe('alert.info[1].urgency: is required and missing');
    expect(refusal(message(GOOD_INFO, '<note>a</note><note>b</note>')).message).toBe('alert.note: appears 2 times; CAP allows it once');
    expect(refusal(message(GOOD_INFO, '<priority>1</priority>')).message).toBe('alert.priority: is not a CAP element of <alert>');
    expect(refusal(message(GOOD_INFO).replace('<language>zh-CN</language>', '<language>中文</language>')).message).toBe("alert.info[1].language: '中文' is not a language code (RFC 3066, e.g. zh-CN, en-US)");
    expect(refusal(message(`${GOOD_INFO}<area><areaDesc>x</areaDesc><polygon>31,121 31.1,121 31.1,121.1</polygon></area>`)).message)
      .toBe('alert.info[1].area[1].polygon[1]: has 3 points; a CAP polygon needs at least 4');
    expect(refusal(message(GOOD_INFO).replace('2026-07-01T08:00:00+08:00', '2026-07-01 08:00')).message).toMatch(/^alert\.sent: '2026-07-01 08:00' is not a date and time with its zone/);
  });

  it('refuses any DOCTYPE or ENTITY declaration, naming it, before anything is parsed', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><alert xmlns="${CAP12}">&lol2;</alert>`;
    expect(refusal(laughs).message).toMatch(/^document: contains a DOCTYPE declaration/);
    expect(refusal(`<!ENTITY x SYSTEM "file:///etc/passwd"><alert xmlns="${CAP12}"/>`).message).toMatch(/ENTITY declaration/);
    // An undeclared entity is not expanded into anything: the text keeps it as written or the document is refused.
    const undeclared = message(GOOD_INFO.replace('台风橙色预警', '台风&xxe;'));
    expect(() => readCapDocument(undeclared)).not.toThrow(/passwd/);
  });

  it('bounds the size and the number of elements', () => {
    expect(refusal(`<a>${' '.repeat(2 * 1024 * 1024 + 1)}</a>`).message).toMatch(/^document: is 2\.0 MB; the limit is 2 MB/);
    expect(refusal(`<a>${'<b/>'.repeat(50_001)}</a>`).message).toBe('document: has more than 50000 elements');
    expect(refusal('<alert><info></alert>').message).toMatch(/is not well-formed XML/);
  });

  it('reads CPEAS codes of 6, 9 and 12 digits as 12-digit codes and refuses other lengths', () => {
    const area = (value: string) => `${GOOD_INFO}<area><areaDesc>浦东</areaDesc><geocode><valueName>CPEAS Geographic Code</valueName><value>${value}</value></geocode></area>`;
    expect(readCapDocument(message(area('310115'))).alerts[0]!.areas[0]!.codes).toEqual(['310115000000']);
    expect(readCapDocument(message(area('310115004'))).alerts[0]!.areas[0]!.codes).toEqual(['310115004000']);
    expect(readCapDocument(message(area('310115004001'))).alerts[0]!.areas[0]!.codes).toEqual(['310115004001']);
    expect(refusal(message(area('3101'))).message).toBe("alert.info[1].area[1].geocode[1].value: '3101' is not a 6-, 9- or 12-digit CPEAS Geographic Code");
  });

  it('carries Exercise end to end: status, the exercise mark, and back out in the XML', () => {
    const alert = readCapDocument(message(GOOD_INFO)).alerts[0]!;
    expect(alert.status).toBe('Exercise');
    expect(alert.exercise).toBe(true);
    expect(writeCap12(alert)).toContain('<status>Exercise</status>');
  });

  it('reads Z, -00:00, +08:00 and times without seconds as the same instant; refuses a time without its zone', () => {
    const sentAs = (sent: string) => readCapDocument(message(GOOD_INFO).replace('2026-07-01T08:00:00+08:00', sent)).alerts[0]!.sent;
    expect(sentAs('2026-07-01T00:00:00Z')).toBe('2026-07-01T00:00:00.000Z');
    expect(sentAs('2026-07-01T00:00:00-00:00')).toBe('2026-07-01T00:00:00.000Z');
    expect(sentAs('2026-07-01T08:00+08:00')).toBe('2026-07-01T00:00:00.000Z');
    expect(sentAs('2026-07-01T08:00:00+0800')).toBe('2026-07-01T00:00:00.000Z');
    expect(refusal(message(GOOD_INFO).replace('2026-07-01T08:00:00+08:00', '2026-07-01T08:00:00')).message).toMatch(/^alert\.sent: '2026-07-01T08:00:00' is not a date and time with its zone/);
  });

  it('refuses a message sent more than a day after the console clock, and takes one a few hours ahead', () => {
    const now = new Date('2026-07-01T00:00:00Z');
    const at = (sent: string) => message(GOOD_INFO).replace('2026-07-01T08:00:00+08:00', sent);
    expect(readCapDocument(at('2026-07-01T20:00:00+08:00'), { now }).alerts).toHaveLength(1);
    let error: unknown;
    try { readCapDocument(at('2099-01-01T00:00:00-00:00'), { now }); } catch (caught) { error = caught; }
    expect((error as CapError).message).toMatch(/^alert\.sent: is 2099-01-01T00:00:00\.000Z, more than a day after this console's clock \(2026-07-01T00:00:00\.000Z\)/);
  });

  it('notes an XML signature as not verified and ignores elements of other namespaces', () => {
    const signed = message(GOOD_INFO, `<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo/><SignatureValue>AAAA</SignatureValue></Signature>
      <ext:priority xmlns:ext="urn:example:extension">1</ext:priority>`);
    const document = readCapDocument(signed);
    expect(document.alerts).toHaveLength(1);
    expect(document.notes).toEqual([{ element: 'alert.Signature', en: 'is an XML signature, not verified: the message was read like an unsigned one', zh: expect.stringContaining('未验证') }]);
  });

  it('keeps a long description in part with a note, the latest 50 references, and an area of 150 geocodes', () => {
    const long = 'Storm surge. '.repeat(1000);
    const triples = Array.from({ length: 60 }, (_, index) => `nws,id-${index},2026-06-30T${String(index % 24).padStart(2, '0')}:00:00-00:00`).join(' ');
    const geocodes = Array.from({ length: 150 }, (_, index) => `<geocode><valueName>UGC</valueName><value>CAZ${String(index).padStart(3, '0')}</value></geocode>`).join('');
    const document = readCapDocument(message(`${GOOD_INFO}<description>${long}</description><area><areaDesc>California</areaDesc>${geocodes}</area>`, `<references>${triples}</references>`));
    const alert = document.alerts[0]!;
    expect(alert.texts![0]!.description).toHaveLength(8000);
    expect(alert.texts![0]!.description!.endsWith('…')).toBe(true);
    expect(document.notes).toEqual([{ element: 'alert.info[1].description', en: 'is 12999 characters; the first 7999 were kept', zh: '长 12999 字符，保留前 7999 字符' }]);
    expect(alert.references!.map((reference) => reference.identifier)).toEqual(Array.from({ length: 50 }, (_, index) => `id-${index + 10}`));
    expect(alert.areas[0]!.geocodes).toHaveLength(150);
  });
});
