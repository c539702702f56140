import type { z } from 'zod';
import type { ConsoleErrorReason } from '../ipc/errors.ts';

/** One problem with an import file: English for logs and the CLI, a reason key for the UI's words. */
export interface CsvProblem { line: number | null; text: string; reason: ConsoleErrorReason }

/** A problem on a line (or the whole file when `line` is null). */
export function csvProblem(line: number | null, text: string, key: string, values: Record<string, string | number> = {}): CsvProblem {
  return { line, text: line === null ? text : `line ${line}: ${text}`, reason: { key, values: { ...values, ...(line === null ? {} : { line }) } } };
}

/** Field names as the file spells them (the schema's `delta` is the file's `quantity`). */
const FILE_FIELD: Record<string, string> = { delta: 'quantity' };

/** Which of the console's worded problems a validation issue is. */
function problemKey(issue: z.core.$ZodIssue, field: string): { key: string; values: Record<string, string | number> } {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return { key: 'integer', values: {} };
      return { key: issue.expected === 'number' ? 'number' : 'text', values: {} };
    case 'too_small':
      return issue.origin === 'string' ? { key: 'text', values: {} } : { key: 'tooSmall', values: { limit: Number(issue.minimum) } };
    case 'too_big':
      return issue.origin === 'string' ? { key: 'tooLong', values: { limit: Number(issue.maximum) } } : { key: 'tooLarge', values: { limit: Number(issue.maximum) } };
    case 'invalid_value':
      return { key: 'choice', values: { options: issue.values.map(String).join(', ') } };
    case 'invalid_format':
      return { key: /code$/i.test(field) ? 'adminCode' : 'invalid', values: {} };
    case 'custom':
      if (/receipt adds stock/.test(issue.message)) return { key: 'receiptPositive', values: {} };
      if (/must change the stock/.test(issue.message)) return { key: 'nonZero', values: {} };
      return { key: 'invalid', values: {} };
    default:
      return { key: 'invalid', values: {} };
  }
}

/** A row's validation issues as problems naming the file's field and what is wrong with it. */
export function rowProblems(line: number, error: z.ZodError): CsvProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    const field = path.length ? path.map((part, i) => (i === 0 ? FILE_FIELD[part] ?? part : part)).join('.') : 'row';
    const { key, values } = problemKey(issue, field);
    return csvProblem(line, `${field}: ${issue.message}`, 'field', { field, problem: key, ...values });
  });
}
