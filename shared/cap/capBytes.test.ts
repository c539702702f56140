import { describe, expect, it } from 'vitest';
import { decodeXmlBytes } from './capBytes.ts';
import type { CapError } from './capError.ts';
import { refusalOf } from './refusalOf.ts';

// shared/ compiles without Node or DOM types: the test builds its bytes from code units.
const utf8 = (text: string): number[] => [...new (globalThis as unknown as { TextEncoder: new () => { encode(text: string): Uint8Array } }).TextEncoder().encode(text)];
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((char) => char.charCodeAt(0)) : part)));
const utf16 = (text: string, endian: 'le' | 'be'): number[] =>
  [...text].flatMap((char) => (char.charCodeAt(0) > 0xffff ? [] : endian === 'le' ? [char.charCodeAt(0) & 0xff, char.charCodeAt(0) >> 8] : [char.charCodeAt(0) >> 8, char.charCodeAt(0) & 0xff]));

const refusal = (input: Uint8Array): CapError => refusalOf(() => decodeXmlBytes(input), 'the bytes');

describe('decoding a CAP file by its byte-order mark and XML declaration', () => {
  const xml = '<?xml version="1.0" encoding="UTF-16"?><event>暴雨</event>';

  it('UTF-8 with and without a BOM; the BOM is not part of the text', () => {
    expect(decodeXmlBytes(bytes([0xef, 0xbb, 0xbf], utf8('<a>é</a>')))).toBe('<a>é</a>');
    expect(decodeXmlBytes(bytes(utf8('<a>暴雨</a>')))).toBe('<a>暴雨</a>');
  });

  it('UTF-16 little- and big-endian, with a BOM and by the signature of "<?" without one', () => {
    expect(decodeXmlBytes(bytes([0xff, 0xfe], utf16(xml, 'le')))).toBe(xml);
    expect(decodeXmlBytes(bytes([0xfe, 0xff], utf16(xml, 'be')))).toBe(xml);
    expect(decodeXmlBytes(bytes(utf16(xml, 'le')))).toBe(xml);
    expect(decodeXmlBytes(bytes(utf16(xml, 'be')))).toBe(xml);
    expect(decodeXmlBytes(bytes(utf16('<alert>暴雨</alert>', 'le')))).toBe('<alert>暴雨</alert>');
    expect(decodeXmlBytes(bytes(utf16('<alert>暴雨</alert>', 'be')))).toBe('<alert>暴雨</alert>');
  });

  it('ISO-8859-1, GB2312 and GBK as the declaration names them', () => {
    expect(decodeXmlBytes(bytes('<?xml version="1.0" encoding="ISO-8859-1"?><a>Sal', [0xe9], 'sie</a>'))).toContain('<a>Salésie</a>');
    expect(decodeXmlBytes(bytes("<?xml version='1.0' encoding='GB2312'?><a>", [0xb1, 0xa9, 0xd3, 0xea], '</a>'))).toContain('<a>暴雨</a>');
    expect(decodeXmlBytes(bytes('<?xml version="1.0" encoding="gbk"?><a>', [0xb1, 0xa9, 0xd3, 0xea], '</a>'))).toContain('<a>暴雨</a>');
  });

  it('refuses an encoding it cannot read, naming it, and bytes the named encoding does not define', () => {
    expect(refusal(bytes('<?xml version="1.0" encoding="EBCDIC-CP-US"?><a/>')).message).toMatch(/^document: declares the encoding 'EBCDIC-CP-US', which this console cannot read/);
    expect(refusal(bytes('<?xml version="1.0" encoding="ISO-2022-KR"?><a/>')).message).toMatch(/'ISO-2022-KR', which this console cannot read/);
    expect(refusal(bytes([0xff, 0xfe, 0, 0], '<')).message).toMatch(/'UTF-32', which this console cannot read/);
    // GBK bytes in a file that says nothing: UTF-8 is assumed, and the bytes are not UTF-8.
    expect(refusal(bytes('<a>', [0xb1, 0xa9, 0xd3, 0xea], '</a>')).message).toMatch(/^document: is not valid UTF-8 text/);
    expect(refusal(bytes('<?xml version="1.0" encoding="UTF-16"?><a/>')).message).toMatch(/declares the encoding 'UTF-16' but is not written in UTF-16/);
  });

  it('refuses an empty file, a compressed one and one over 2 MB before decoding', () => {
    expect(refusal(new Uint8Array(0)).message).toBe('document: is empty');
    expect(refusal(bytes([0x1f, 0x8b, 8, 0, 0, 0])).message).toMatch(/^document: is a gzip-compressed file/);
    expect(refusal(bytes('PK', [3, 4, 20, 0])).message).toMatch(/^document: is a ZIP-compressed file/);
    expect(refusal(new Uint8Array(2 * 1024 * 1024 + 1).fill(0x20)).message).toBe('document: is 2.0 MB; the limit is 2 MB');
  });
});
