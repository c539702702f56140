import type { ConsoleErrorReason } from '../../../shared/ipc/errors.ts';
import { translate, zhCN, type Locale, type MessageKey } from '../../i18n/messages.ts';

const known = (key: string): key is MessageKey => Object.hasOwn(zhCN, key);

/**
 * One import problem in the user's language, from the service's reason key and values:
 * "第 3 行：行政区划代码（districtCode）：须为 12 位行政区划代码". Null when the console has no words
 * for it (the caller then shows the service's English text).
 */
export function describeCsvProblem(reason: ConsoleErrorReason | undefined, locale: Locale): string | null {
  if (!reason) return null;
  const values = reason.values;
  let text: string;
  if (reason.key === 'field') {
    const problemKey = `stock.csv.problem.${String(values.problem)}`;
    if (!known(problemKey)) return null;
    const fieldKey = `stock.csv.fieldName.${String(values.field)}`;
    const field = known(fieldKey) ? translate(locale, fieldKey) : String(values.field);
    text = translate(locale, 'stock.csv.field', { field, problem: translate(locale, problemKey, values) });
  } else {
    const key = `stock.csv.${reason.key}`;
    if (!known(key)) return null;
    text = translate(locale, key, values);
  }
  return typeof values.line === 'number' ? translate(locale, 'stock.csv.line', { line: values.line, reason: text }) : text;
}
