import { CapError } from './capError.ts';
import { compressedError, XML_LIMITS } from './xmlTree.ts';

/**
 * Turning a CAP file's bytes into text the way an XML processor does: a byte-order mark wins,
 * then the UTF-16 signature of `<?`, then the encoding the XML declaration names, else UTF-8.
 * Real feeds arrive as UTF-8 with and without a BOM, UTF-16 from Windows tools, ISO-8859-1 from
 * older European senders and GB2312/GBK from Chinese ones. Bytes that are not valid in the
 * encoding are refused, never replaced, so a wrongly declared file cannot import as mojibake.
 */

interface Decoder { readonly encoding: string; decode(bytes: Uint8Array): string }
type DecoderConstructor = new (label: string, options?: { fatal?: boolean }) => Decoder;
// TextDecoder (WHATWG Encoding) is in Node and every browser; shared/ compiles without DOM types.
const TextDecoderClass = (globalThis as unknown as { TextDecoder: DecoderConstructor }).TextDecoder;

/** What the WHATWG Encoding standard maps some labels to: not encodings a file can be read in. */
const NOT_READABLE = new Set(['replacement', 'x-user-defined']);
const DECLARATION = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']{0,60})["']/;

/** The label of the encoding a BOM or the first bytes announce, and how many bytes of BOM to skip. */
function announced(bytes: Uint8Array): { label: string; skip: number } | null {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { label: 'utf-32le', skip: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { label: 'utf-32be', skip: 4 };
  if (a === 0xef && b === 0xbb && c === 0xbf) return { label: 'utf-8', skip: 3 };
  if (a === 0xff && b === 0xfe) return { label: 'utf-16le', skip: 2 };
  if (a === 0xfe && b === 0xff) return { label: 'utf-16be', skip: 2 };
  // "<" as one UTF-16 unit: XML requires a BOM for UTF-16, but some Windows tools write none.
  if (a === 0x3c && b === 0 && c !== undefined && c !== 0 && d === 0) return { label: 'utf-16le', skip: 0 };
  if (a === 0 && b === 0x3c && c === 0 && d !== undefined && d !== 0) return { label: 'utf-16be', skip: 0 };
  return null;
}

function unreadable(label: string): CapError {
  return new CapError('document', `declares the encoding '${label}', which this console cannot read; save the file as UTF-8 (or UTF-16, ISO-8859-1, GBK, GB18030, Big5, Shift_JIS) and import it again`,
    `声明的编码“${label}”本系统无法读取；请另存为 UTF-8（或 UTF-16、ISO-8859-1、GBK、GB18030、Big5、Shift_JIS）后重新导入`);
}

function decoderFor(label: string): Decoder {
  let decoder: Decoder;
  try {
    decoder = new TextDecoderClass(label, { fatal: true });
  } catch {
    throw unreadable(label);
  }
  if (NOT_READABLE.has(decoder.encoding)) throw unreadable(label);
  return decoder;
}

/** A CAP file's bytes as text, or a CapError naming the encoding and what is wrong with it. */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new CapError('document', 'is empty', '为空文件');
  if (bytes.length > XML_LIMITS.maxBytes) {
    throw new CapError('document', `is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is 2 MB`, `文件 ${(bytes.length / 1048576).toFixed(1)} MB，超过 2 MB 上限`);
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) throw compressedError('gzip');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4) throw compressedError('ZIP');
  const signature = announced(bytes);
  if (signature?.label.startsWith('utf-32')) throw unreadable('UTF-32');
  let label = signature?.label;
  if (!label) {
    // The declaration is ASCII in every encoding a declaration may name without a BOM.
    const head = String.fromCharCode(...bytes.subarray(0, 200));
    label = DECLARATION.exec(head)?.[1]?.trim() || 'utf-8';
  }
  const decoder = decoderFor(label);
  if (!signature && decoder.encoding.startsWith('utf-16')) {
    throw new CapError('document', `declares the encoding '${label}' but is not written in UTF-16 (it starts with single-byte text and has no byte-order mark)`,
      `声明编码为“${label}”，但内容不是 UTF-16（以单字节文本开头且没有字节顺序标记）`);
  }
  try {
    return decoder.decode(bytes.subarray(signature?.skip ?? 0));
  } catch {
    const name = decoder.encoding.toUpperCase();
    throw new CapError('document', `is not valid ${name} text (it has bytes ${name} does not define); check the encoding its XML declaration names`,
      `不是有效的 ${name} 文本（含有 ${name} 未定义的字节）；请检查 XML 声明中的编码`);
  }
}
