import { CapError } from './capError.ts';
import { childrenNamed, type XmlElement } from './xmlTree.ts';

/** CAP namespaces the reader knows, by version. */
export const CAP_NAMESPACES: Record<string, '1.0' | '1.1' | '1.2'> = {
  'http://www.incident.com/cap/1.0': '1.0',
  'urn:oasis:names:tc:emergency:cap:1.1': '1.1',
  'urn:oasis:names:tc:emergency:cap:1.2': '1.2',
};
export const CAP12_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

/**
 * Reads the CAP children of one element, checking each against the rules for its name. The
 * path (`info[1].area[2]`) goes into every error so the duty officer can find the element.
 */
export class CapFields {
  constructor(readonly element: XmlElement, readonly path: string, private readonly allowed: readonly string[]) {
    for (const child of element.children) {
      // Elements of other namespaces (an XML signature, a profile's extension) are allowed and ignored.
      if (child.namespace !== element.namespace) continue;
      if (!allowed.includes(child.name)) {
        throw new CapError(this.at(child.name), `is not a CAP element of <${element.name}>`, `不是 <${element.name}> 的 CAP 元素`);
      }
    }
  }

  at(name: string, index?: number): string {
    const own = index === undefined ? name : `${name}[${index + 1}]`;
    return this.path ? `${this.path}.${own}` : own;
  }

  all(name: string): XmlElement[] {
    return childrenNamed(this.element, name, this.element.namespace);
  }

  /** The trimmed text of an element that may appear at most once, or undefined. */
  optional(name: string): string | undefined {
    const found = this.all(name);
    if (found.length > 1) throw new CapError(this.at(name), `appears ${found.length} times; CAP allows it once`, `出现 ${found.length} 次；CAP 只允许一次`);
    if (found.length === 0) return undefined;
    return found[0]!.text.trim();
  }

  /** The trimmed, non-empty text of a required element. */
  required(name: string): string {
    const value = this.optional(name);
    if (value === undefined) throw new CapError(this.at(name), 'is required and missing', '为必填项，但缺失');
    if (value === '') throw new CapError(this.at(name), 'is required and empty', '为必填项，但为空');
    return value;
  }

  /** An optional element's text, treating an empty element as absent. */
  text(name: string, maxLength: number): string | undefined {
    const value = this.optional(name);
    if (value === undefined || value === '') return undefined;
    if (value.length > maxLength) throw new CapError(this.at(name), `is ${value.length} characters; the limit is ${maxLength}`, `长度 ${value.length} 字符，上限 ${maxLength}`);
    return value;
  }

  oneOf<T extends string>(name: string, values: readonly T[], aliases: Record<string, T> = {}): T {
    const optional = this.optional(name);
    if (optional === undefined) throw new CapError(this.at(name), 'is required and missing', '为必填项，但缺失');
    return checkEnum(this.at(name), optional, values, aliases);
  }

  manyOf<T extends string>(name: string, values: readonly T[]): T[] {
    return this.all(name).map((element, index) => checkEnum(this.at(name, index), element.text.trim(), values, {}));
  }

  /** An optional CAP dateTime, as an ISO-8601 UTC timestamp. */
  time(name: string): string | undefined {
    const value = this.text(name, 40);
    return value === undefined ? undefined : capTime(this.at(name), value);
  }

  requiredTime(name: string): string {
    return capTime(this.at(name), this.required(name));
  }
}

function checkEnum<T extends string>(path: string, value: string, values: readonly T[], aliases: Record<string, T>): T {
  if ((values as readonly string[]).includes(value)) return value as T;
  if (Object.hasOwn(aliases, value)) return aliases[value]!;
  const shown = value === '' ? 'empty' : `'${value}'`;
  throw new CapError(path, `${shown} is not one of ${values.join(', ')}`, `${value === '' ? '为空' : `“${value}”`}不是 ${values.join('、')} 之一`);
}

// CAP 1.2 writes UTC as -00:00 and forbids Z; older senders used Z, which is read as UTC too.
// Some senders drop the seconds (08:00+08:00): unambiguous, so read as :00. A time without its
// zone is refused: it could be any of 26 instants. A zone written +0800 (no colon) is read too.
const CAP_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([+-]\d{2}:?\d{2}|Z)$/;

/** A CAP dateTime with its zone, as an ISO-8601 UTC timestamp. */
export function capTime(path: string, value: string): string {
  const date = CAP_TIME.test(value) ? new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new CapError(path, `'${value}' is not a date and time with its zone (e.g. 2026-07-01T08:00:00+08:00)`, `“${value}”不是带时区的日期时间（例如 2026-07-01T08:00:00+08:00）`);
  }
  return date.toISOString();
}

/** An ISO timestamp as CAP 1.2 writes it: whole seconds and a numeric zone (Beijing time, +08:00). */
export function formatCapTime(iso: string): string {
  const beijing = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString();
  return `${beijing.slice(0, 19)}+08:00`;
}

/** CAP identifiers and senders: no spaces, commas or the restricted characters < and &. */
export function checkIdentifier(path: string, value: string): string {
  if (/[\s,<&]/.test(value)) {
    throw new CapError(path, `'${value}' contains a space, comma, < or &, which CAP does not allow`, `“${value}”含有空格、逗号、< 或 &，CAP 不允许`);
  }
  return value;
}

/** A short stable hash (FNV-1a, 64-bit) for ids derived from a CAP sender and identifier. */
export function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const char of text) {
    hash ^= BigInt(char.codePointAt(0)!);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/** The console's id for a CAP message: the same sender and identifier always give the same id. */
export function alertIdFor(sender: string, identifier: string): string {
  return `cap-${fnv1a64(`${sender}\n${identifier}`)}`;
}
