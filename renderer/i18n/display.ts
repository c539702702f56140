import type { CommandNode } from '../../shared/domain/commandNode.ts';
import type { ConsoleErrorCode } from '../../shared/ipc/errors.ts';
import { translate, zhCN, type Locale, type MessageKey } from './messages.ts';

/** The name to show first: Chinese in zh-CN, English (falling back to Chinese) in en. */
export function primaryName(node: Pick<CommandNode, 'name' | 'nameEn'>, locale: Locale): string {
  return locale === 'en' ? node.nameEn ?? node.name : node.name;
}

/**
 * The other language's name for the secondary column; empty when there is none, so a node
 * without an English name does not show its Chinese name twice in the English interface.
 */
export function secondaryName(node: Pick<CommandNode, 'name' | 'nameEn'>, locale: Locale): string {
  if (locale === 'en') return node.nameEn ? node.name : '';
  return node.nameEn ?? '';
}

const TIME_ZONE = 'Asia/Shanghai';

/**
 * An ISO time as the hall reads it: Beijing time whatever the PC's zone, `2025-11-28 20:30:05`
 * (`11-28 20:30:05` when short). Command halls coordinate by Beijing time; a PC left on UTC
 * must not shift every report.
 */
export function formatTime(iso: string | null | undefined, locale: Locale, style: 'full' | 'short' = 'full'): string {
  if (!iso) return translate(locale, 'link.never');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const time = `${part('hour')}:${part('minute')}:${part('second')}`;
  return style === 'short' ? `${part('month')}-${part('day')} ${time}` : `${part('year')}-${part('month')}-${part('day')} ${time}`;
}

const ERROR_KEYS: Record<ConsoleErrorCode, MessageKey> = {
  INVALID_ARGUMENT: 'error.INVALID_ARGUMENT',
  NOT_FOUND: 'error.NOT_FOUND',
  CONFLICT: 'error.CONFLICT',
  FORBIDDEN: 'error.FORBIDDEN',
  UNKNOWN_METHOD: 'error.UNKNOWN_METHOD',
  STORE_UNAVAILABLE: 'error.STORE_UNAVAILABLE',
  DISCONNECTED: 'error.DISCONNECTED',
  INTERNAL: 'error.INTERNAL',
};

/** Values that name a coded state are said in words (an allocation's status). */
const STATUS_VALUES = new Set(['from', 'to']);

/** The service's reason (a key and its values) in the user's language, or null when the console has no words for it. */
export function describeReason(error: unknown, locale: Locale): string | null {
  const reason = typeof error === 'object' && error !== null ? (error as { reason?: { key?: unknown; values?: unknown } }).reason : undefined;
  if (!reason || typeof reason.key !== 'string') return null;
  const key = `stock.reason.${reason.key}`;
  if (!Object.hasOwn(zhCN, key)) return null;
  const values = (typeof reason.values === 'object' && reason.values !== null ? reason.values : {}) as Record<string, string | number>;
  const worded = Object.fromEntries(Object.entries(values).map(([name, value]) => {
    const status = `resources.allocationStatus.${String(value)}`;
    if (STATUS_VALUES.has(name) && Object.hasOwn(zhCN, status)) return [name, translate(locale, status as MessageKey)];
    return [name, typeof value === 'number' ? value.toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN') : value];
  }));
  return translate(locale, key as MessageKey, worded);
}

/** A failed call in words for the duty officer: never a stack trace, one language, the reason when the service gave one. */
export function describeError(error: unknown, locale: Locale): string {
  const reasoned = describeReason(error, locale);
  if (reasoned) return reasoned;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const key = typeof code === 'string' && Object.hasOwn(ERROR_KEYS, code) ? ERROR_KEYS[code as ConsoleErrorCode] : 'error.INTERNAL';
  return translate(locale, key);
}

/** The error's code when it is a ConsoleError-like value. */
export function errorCode(error: unknown): ConsoleErrorCode | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && Object.hasOwn(ERROR_KEYS, code) ? code as ConsoleErrorCode : undefined;
}

/** English for the Chinese measure words the catalogue uses, singular and plural; an unknown unit is shown as it is. */
const UNITS_EN: Record<string, { one: string; other: string }> = {
  箱: { one: 'box', other: 'boxes' }, 床: { one: 'quilt', other: 'quilts' }, 张: { one: 'piece', other: 'pieces' },
  顶: { one: 'tent', other: 'tents' }, 件: { one: 'piece', other: 'pieces' }, 艘: { one: 'boat', other: 'boats' },
  只: { one: 'piece', other: 'pieces' }, 台: { one: 'unit', other: 'units' }, 盏: { one: 'lamp', other: 'lamps' },
  个: { one: 'piece', other: 'pieces' }, 袋: { one: 'bag', other: 'bags' }, 套: { one: 'set', other: 'sets' },
  桶: { one: 'barrel', other: 'barrels' }, 瓶: { one: 'bottle', other: 'bottles' }, 包: { one: 'pack', other: 'packs' },
  辆: { one: 'vehicle', other: 'vehicles' }, 人: { one: 'person', other: 'people' }, 吨: { one: 'tonne', other: 'tonnes' },
  千克: { one: 'kg', other: 'kg' }, 公斤: { one: 'kg', other: 'kg' }, 升: { one: 'L', other: 'L' }, 米: { one: 'm', other: 'm' },
};
const englishPlurals = new Intl.PluralRules('en');

/** A unit in the user's language; in English singular or plural for `count` (plural when no count is given). */
export function unitLabel(unit: string, locale: Locale, count?: number): string {
  if (locale !== 'en') return unit;
  const forms = UNITS_EN[unit.trim()];
  if (!forms) return unit;
  return englishPlurals.select(count ?? 2) === 'one' ? forms.one : forms.other;
}

/** "821 boxes" / "821 箱": a quantity with its unit, figures grouped in the user's convention. */
export function formatQuantity(quantity: number, unit: string, locale: Locale): string {
  const figures = quantity.toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN');
  return locale === 'en' ? `${figures} ${unitLabel(unit, locale, quantity)}` : `${figures} ${unit}`;
}

const englishList = new Intl.ListFormat('en', { style: 'short', type: 'unit' });

/** Several values as one list in the user's language: "a, b, c" in English (Intl.ListFormat), "a、b、c" in Chinese. */
export function formatList(values: readonly string[], locale: Locale): string {
  return locale === 'en' ? englishList.format(values) : values.join('、');
}
