import { translate, type Locale, type MessageKey } from '../i18n/messages.ts';

/** One problem with the report form, worded for the officer and tied to its field. */
export interface FormIssue {
  /** The form field it belongs to (`title`, `nodeCode`…), or '' for the form as a whole. */
  field: string;
  text: string;
}

const FIELD_LABELS: Record<string, MessageKey> = {
  title: 'report.field.title',
  type: 'report.field.type',
  level: 'report.field.level',
  nodeCode: 'report.field.node',
  description: 'report.field.description',
  exercise: 'report.field.exercise',
  location: 'report.field.location',
};

/**
 * Words the issues of an INVALID_ARGUMENT error in the current language. The contract's
 * messages are English for developers; the officer sees the field's own label and a plain
 * sentence. An issue this table does not know keeps its field and, in English, its message.
 */
export function describeIssues(issues: readonly { path: string; message: string }[], locale: Locale): FormIssue[] {
  return issues.map(({ path, message }) => {
    const field = path.split('.')[0] ?? '';
    const labelKey = FIELD_LABELS[field];
    if (!labelKey) return { field: '', text: locale === 'en' && message ? message : translate(locale, 'error.INVALID_ARGUMENT') };
    const label = translate(locale, labelKey);
    const lower = message.toLowerCase();
    if (lower.includes('required') || /too small|at least 1|>=1 character/.test(lower)) {
      return { field, text: translate(locale, 'report.issue.required', { field: label }) };
    }
    if (lower.includes('12-digit')) return { field, text: translate(locale, 'report.issue.code', { field: label }) };
    if (locale === 'en' && message) return { field, text: `${label}: ${message}` };
    return { field, text: translate(locale, 'report.issue.invalid', { field: label }) };
  });
}
