import type { AlertTemplate } from '../../../shared/cap/templates.ts';
import type { Alert, AlertText } from '../../../shared/domain/alert.ts';
import type { MethodInput } from '../../../shared/ipc/contract.ts';
import type { Locale } from '../../i18n/messages.ts';

/** What the composer edits: the alert's CAP fields, one text block per language, areas by code or named area. */
export interface ComposerForm {
  templateId: string;
  event: string;
  categories: NonNullable<Alert['categories']>;
  responseTypes: NonNullable<Alert['responseTypes']>;
  urgency: Alert['urgency'];
  severity: Alert['severity'];
  certainty: Alert['certainty'];
  texts: AlertText[];
  districtCodes: string[];
  streetCodes: string[];
  namedAreaIds: string[];
  groups: string;
  /** datetime-local values in Beijing time ('' for none). */
  onset: string;
  effective: string;
  expires: string;
  exercise: boolean;
}

export function emptyForm(exercise: boolean): ComposerForm {
  return {
    templateId: '', event: '', categories: ['Met'], responseTypes: [], urgency: 'Expected', severity: 'Moderate', certainty: 'Likely',
    texts: [{ language: 'zh-CN', headline: '' }, { language: 'en', headline: '' }],
    districtCodes: [], streetCodes: [], namedAreaIds: [], groups: 'public', onset: '', effective: '', expires: '', exercise,
  };
}

const BEIJING_MS = 8 * 3600_000;

/** An ISO time as a datetime-local value in Beijing time. */
export function toLocalInput(iso: string): string {
  return new Date(new Date(iso).getTime() + BEIJING_MS).toISOString().slice(0, 16);
}

/** A datetime-local value (Beijing time) as ISO, or undefined when empty or unreadable. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(`${value}:00+08:00`);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** A template filled in: the areas stay as chosen, the expiry counts from now. */
export function applyTemplate(form: ComposerForm, template: AlertTemplate, now: Date): ComposerForm {
  return {
    ...form,
    templateId: template.id, event: template.event, categories: [...template.categories], responseTypes: [...template.responseTypes],
    urgency: template.urgency, severity: template.severity, certainty: template.certainty,
    texts: template.texts.map((text) => ({ ...text })), groups: template.groups.join(', '),
    effective: toLocalInput(now.toISOString()), expires: toLocalInput(new Date(now.getTime() + template.expiresInHours * 3600_000).toISOString()),
  };
}

/** The draft the service checks; blank optional texts are left out rather than sent empty. */
export function formToDraft(form: ComposerForm, areaNames: Map<string, string>, id?: string): MethodInput<'alerts:saveDraft'> {
  const streetsByDistrict = new Map<string, string[]>();
  for (const code of form.streetCodes) {
    const district = `${code.slice(0, 6)}000000`;
    if (form.districtCodes.includes(district)) continue; // the whole district is already targeted
    streetsByDistrict.set(district, [...(streetsByDistrict.get(district) ?? []), code]);
  }
  const areas = [
    ...form.districtCodes.map((code) => ({ description: areaNames.get(code) ?? code, codes: [code] })),
    ...[...streetsByDistrict.values()].map((codes) => ({ description: codes.map((code) => areaNames.get(code) ?? code).join('、'), codes })),
  ];
  const trim = (value: string | undefined) => (value && value.trim() ? value.trim() : undefined);
  const texts = form.texts.map((text) => ({
    language: text.language.trim(), headline: text.headline.trim(),
    ...(trim(text.event) ? { event: trim(text.event) } : {}),
    ...(trim(text.description) ? { description: trim(text.description) } : {}),
    ...(trim(text.instruction) ? { instruction: trim(text.instruction) } : {}),
    ...(trim(text.web) ? { web: trim(text.web) } : {}),
    ...(trim(text.contact) ? { contact: trim(text.contact) } : {}),
  }));
  const onset = fromLocalInput(form.onset);
  const effective = fromLocalInput(form.effective);
  const expires = fromLocalInput(form.expires);
  return {
    ...(id ? { id } : {}),
    event: form.event.trim(), categories: form.categories, responseTypes: form.responseTypes,
    urgency: form.urgency, severity: form.severity, certainty: form.certainty, texts, areas, namedAreaIds: form.namedAreaIds,
    groups: form.groups.split(/[,，、]/).map((group) => group.trim()).filter(Boolean).slice(0, 20),
    ...(onset ? { onset } : {}), ...(effective ? { effective } : {}), ...(expires ? { expires } : {}),
    exercise: form.exercise,
  };
}

/** The text block to show for the reader's language. */
export function textFor(alert: Pick<Alert, 'texts' | 'event'>, locale: Locale): { headline: string; event?: string | undefined } {
  const texts = alert.texts ?? [];
  const text = texts.find((candidate) => candidate.language.toLowerCase().startsWith(locale === 'en' ? 'en' : 'zh')) ?? texts[0];
  return { headline: text?.headline ?? alert.event, event: text?.event };
}

/** A console error's message in the reader's language (the service words refusals as "中文 / English"). */
export function localMessage(error: unknown, locale: Locale, fallback: string): string {
  const message = error instanceof Error ? error.message : '';
  const parts = message.split(' / ');
  if (parts.length < 2) return message || fallback;
  return locale === 'en' ? parts.slice(1).join(' / ') : parts[0]!;
}
