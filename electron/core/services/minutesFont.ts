import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';

/**
 * The console's bundled CJK font. @fontsource splits Noto Sans SC by Unicode range; its
 * "chinese-simplified" file covers the 8,000-odd characters of common simplified Chinese plus
 * Latin letters, digits and CJK punctuation, so one file serves a whole minutes document.
 */
export function bundledFontPath(): string {
  return createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff');
}

let cached: { path: string; font: Buffer } | null = null;

/**
 * The font as a plain SFNT (OpenType) buffer, unpacked from WOFF once per process. fontkit reads
 * WOFF too, but inflates tables again on every glyph lookup: a page of Chinese then took seconds.
 */
export function bundledFont(path = bundledFontPath()): Buffer {
  if (cached?.path === path) return cached.font;
  const font = woffToSfnt(readFileSync(path));
  cached = { path, font };
  return font;
}

/** WOFF 1.0 (W3C) → SFNT: the same tables, inflated, behind an ordinary table directory. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error('not a WOFF font');
  const flavor = woff.readUInt32BE(4);
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, index) => {
    const at = 44 + index * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compressed = woff.readUInt32BE(at + 8);
    const length = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compressed);
    return { tag: woff.readUInt32BE(at), checksum: woff.readUInt32BE(at + 16), data: compressed < length ? inflateSync(raw) : raw };
  });
  const search = 2 ** Math.floor(Math.log2(count));
  const header = Buffer.alloc(12 + count * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(search * 16, 6);
  header.writeUInt16BE(Math.log2(search), 8);
  header.writeUInt16BE(count * 16 - search * 16, 10);
  let offset = header.length;
  const bodies: Buffer[] = [];
  tables.forEach((table, index) => {
    const at = 12 + index * 16;
    header.writeUInt32BE(table.tag, at);
    header.writeUInt32BE(table.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(table.data.length, at + 12);
    const padded = Buffer.alloc((table.data.length + 3) & ~3);
    table.data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}
