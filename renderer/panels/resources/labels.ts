import type { AllocationStep } from '../../../shared/domain/allocation.ts';
import type { CommandNode } from '../../../shared/domain/commandNode.ts';
import { formatList, primaryName } from '../../i18n/display.ts';
import { zhCN, type Locale, type MessageKey } from '../../i18n/messages.ts';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A coded value in words (`resources.teamKind.fireRescue`); an unknown code is shown as it is. */
export function enumLabel(t: Translate, prefix: string, value: string | undefined | null): string {
  if (value === undefined || value === null || value === '') return '';
  const key = `${prefix}.${value}`;
  return Object.hasOwn(zhCN, key) ? t(key as MessageKey) : value;
}

/** Several coded values, e.g. capabilities, in words. */
export function enumList(t: Translate, prefix: string, values: readonly string[] | undefined, locale: Locale): string {
  return formatList((values ?? []).map((value) => enumLabel(t, prefix, value)), locale);
}

/** Records with a name by id, for showing a depot's or shelter's name in another board. */
export function namesById<R extends { id: string; name: string; nameEn?: string | undefined }>(records: readonly R[] | undefined, locale: Locale): Map<string, string> {
  return new Map((records ?? []).map((record) => [record.id, primaryName(record, locale)]));
}

export function districtNames(nodes: readonly CommandNode[] | undefined, locale: Locale): Map<string, string> {
  return new Map((nodes ?? []).filter((node) => node.level === 'district').map((node) => [node.code, primaryName(node, locale)]));
}

/** A date as the hall reads it (Beijing), without the time. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** "line 3: quantity: …" from the service, split so the line number can be said in the duty officer's language. */
export function splitProblem(text: string): { line: number | null; reason: string } {
  const match = /^line (\d+): (.*)$/s.exec(text);
  return match ? { line: Number(match[1]), reason: match[2]! } : { line: null, reason: text };
}

/** Numbers right-aligned in tabular figures (a cellClass of its own would drop the numeric column's alignment). */
export const NUMBER_CELL = ['cell-number', 'ag-right-aligned-cell'];

/** Who took a ledger step: the person once consoles have users (the step's authorName, with the console), else the console's node id. */
export function ledgerAuthor(step: Pick<AllocationStep, 'by' | 'authorName'>, t: Translate): string {
  return step.authorName ? t('stock.ledger.byPerson', { name: step.authorName, node: step.by }) : step.by;
}
