import type { AlertTemplate } from '../../../shared/cap/templates.ts';
import type { Alert, AlertArea, AlertChannel, AlertText } from '../../../shared/domain/alert.ts';
import type { MethodInput } from '../../../shared/ipc/contract.ts';
import type { Locale } from '../../i18n/messages.ts';

/** What the composer edits: the alert's CAP fields, one text block per language, areas by code or named area. */
export interface ComposerForm {
  /** The draft or reviewed alert being edited; absent for a new one. */
  id?: string;
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
  /**
   * Areas other than whole districts and streets: drawn on the composer's map, or kept from the
   * alert being edited (polygons, circles, other geocodes). Listed under the map, descriptions editable.
   */
  keptAreas: AlertArea[];
  groups: string;
  channels: AlertChannel[];
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
    districtCodes: [], streetCodes: [], namedAreaIds: [], keptAreas: [], groups: 'public', channels: [], onset: '', effective: '', expires: '', exercise,
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
    texts: template.texts.map((text) => ({ ...text })), groups: template.groups.join(', '), channels: [...template.channels],
    effective: toLocalInput(now.toISOString()), expires: toLocalInput(new Date(now.getTime() + template.expiresInHours * 3600_000).toISOString()),
  };
}

/**
 * An alert back in the composer (to edit a draft, or the update or cancel made from an issued
 * alert): areas of one district code or of street codes go back to the pickers, shapes are kept.
 */
export function alertToForm(alert: Alert): ComposerForm {
  const districtCodes: string[] = [];
  const streetCodes: string[] = [];
  const keptAreas: AlertArea[] = [];
  for (const area of alert.areas) {
    const byCodeOnly = !area.polygon && !area.morePolygons && !area.circles && !area.geocodes && area.codes.length > 0;
    if (byCodeOnly && area.codes.length === 1 && area.codes[0]!.endsWith('000000')) districtCodes.push(area.codes[0]!);
    else if (byCodeOnly && area.codes.every((code) => !code.endsWith('000000'))) streetCodes.push(...area.codes);
    else keptAreas.push(area);
  }
  const local = (iso: string | undefined) => (iso ? toLocalInput(iso) : '');
  return {
    id: alert.id, templateId: '', event: alert.event, categories: [...(alert.categories ?? ['Other'])], responseTypes: [...(alert.responseTypes ?? [])],
    urgency: alert.urgency, severity: alert.severity, certainty: alert.certainty,
    texts: (alert.texts ?? []).map((text) => ({ ...text })), districtCodes, streetCodes, namedAreaIds: [], keptAreas,
    groups: alert.groups.join(', '), channels: [...(alert.channels ?? [])], onset: local(alert.onset), effective: local(alert.effective), expires: local(alert.expires), exercise: alert.exercise,
  };
}

/** The draft the service checks; blank optional texts are left out rather than sent empty. */
export function formToDraft(form: ComposerForm, areaNames: Map<string, string>): MethodInput<'alerts:saveDraft'> {
  const streetsByDistrict = new Map<string, string[]>();
  for (const code of form.streetCodes) {
    const district = `${code.slice(0, 6)}000000`;
    if (form.districtCodes.includes(district)) continue; // the whole district is already targeted
    streetsByDistrict.set(district, [...(streetsByDistrict.get(district) ?? []), code]);
  }
  const areas = [
    ...form.districtCodes.map((code) => ({ description: areaNames.get(code) ?? code, codes: [code] })),
    ...[...streetsByDistrict.values()].map((codes) => ({ description: codes.map((code) => areaNames.get(code) ?? code).join('、'), codes })),
    ...form.keptAreas.map((area) => ({ ...area, description: area.description.trim() })),
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
    ...(form.id ? { id: form.id } : {}),
    event: form.event.trim(), categories: form.categories, responseTypes: form.responseTypes,
    urgency: form.urgency, severity: form.severity, certainty: form.certainty, texts, areas, namedAreaIds: form.namedAreaIds,
    groups: form.groups.split(/[,，、]/).map((group) => group.trim()).filter(Boolean).slice(0, 20),
    channels: form.channels,
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
