import type { CommandNode } from '../../shared/domain/commandNode.ts';
import type { ConsoleErrorCode } from '../../shared/ipc/errors.ts';
import { translate, type Locale, type MessageKey } from './messages.ts';

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

/** A failed call in words for the duty officer: never a stack trace. */
export function describeError(error: unknown, locale: Locale): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const key = typeof code === 'string' && Object.hasOwn(ERROR_KEYS, code) ? ERROR_KEYS[code as ConsoleErrorCode] : 'error.INTERNAL';
  return translate(locale, key);
}

/** The error's code when it is a ConsoleError-like value. */
export function errorCode(error: unknown): ConsoleErrorCode | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && Object.hasOwn(ERROR_KEYS, code) ? code as ConsoleErrorCode : undefined;
}
