import { useId, useMemo, useState, type FormEvent } from 'react';
import { ALERT_TEMPLATES, alertTemplate } from '../../../shared/cap/templates.ts';
import {
  CAP_CATEGORIES, CAP_CERTAINTIES, CAP_RESPONSE_TYPES, CAP_SEVERITIES, CAP_URGENCIES, type Alert,
} from '../../../shared/domain/alert.ts';
import type { CommandNode } from '../../../shared/domain/commandNode.ts';
import type { NamedArea } from '../../../shared/domain/namedArea.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { capLabel } from '../../map/capLabels.ts';
import { useConsole } from '../../state/useConsole.ts';
import { applyTemplate, emptyForm, formToDraft, localMessage, type ComposerForm } from './composerForm.ts';
import { AlertAreasSection } from './AlertAreasSection.tsx';
import { ChannelsField } from './ChannelsField.tsx';
import { firstBadDescription } from './drawnAreas.ts';
import { TextBlock } from './TextBlock.tsx';

interface Props {
  nodes: CommandNode[] | undefined;
  namedAreas: NamedArea[] | undefined;
  exerciseData: boolean;
  /** An alert to edit (a draft, or an update or cancel made from an issued alert); absent for a new one. */
  initial?: ComposerForm;
  onSaved(alert: Alert): void;
}

/**
 * Composes an alert: a template fills event, CAP codes and the Chinese and English blocks, so a
 * common warning needs only its areas; everything stays editable. Saving makes a draft.
 */
export function AlertComposer({ nodes, namedAreas, exerciseData, initial, onSaved }: Props) {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const id = useId();
  const [form, setForm] = useState<ComposerForm>(() => initial ?? emptyForm(exerciseData));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (patch: Partial<ComposerForm>) => setForm((current) => ({ ...current, ...patch }));
  const areaNames = useMemo(() => new Map((nodes ?? []).map((node) => [node.code, node.name])), [nodes]);
  const toggle = <T extends string>(list: readonly T[], value: T): T[] => (list.includes(value) ? list.filter((item) => item !== value) : [...list, value]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const blank = firstBadDescription(form.keptAreas);
    if (blank >= 0) {
      setProblem(t('alertAreas.problem.description', { number: blank + 1 }));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const alert = await api.alerts.saveDraft(formToDraft(form, areaNames));
      onSaved(alert);
      setForm(emptyForm(exerciseData));
    } catch (error) {
      setProblem(localMessage(error, locale, t('error.INTERNAL')));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: string) => `${id}-${name}`;
  const enumSelect = <T extends string>(name: 'urgency' | 'severity' | 'certainty', values: readonly T[], label: MessageKey) => (
    <label className="form-field" htmlFor={field(name)}>
      <span className="form-field__label">{t(label)}</span>
      <select id={field(name)} className="input" value={form[name]} data-testid={`alert-${name}`}
        onChange={(event) => set({ [name]: event.target.value } as Partial<ComposerForm>)}>
        {values.map((value) => <option key={value} value={value}>{capLabel(name, value, locale)}</option>)}
      </select>
    </label>
  );

  return (
    <form className="report-form alert-composer" onSubmit={submit} noValidate data-testid="alert-composer">
      <h3 className="report-form__heading">{form.id ? t('alerts.editTitle') : t('alerts.new')}</h3>
      {problem && <div className="form-issues" role="alert" data-testid="alert-problem">{problem}</div>}
      <label className="form-field" htmlFor={field('template')}>
        <span className="form-field__label">{t('alerts.template')}</span>
        <select id={field('template')} className="input" value={form.templateId} data-testid="alert-template"
          onChange={(event) => {
            const template = alertTemplate(event.target.value);
            setForm((current) => (template ? applyTemplate(current, template, new Date()) : { ...current, templateId: '' }));
          }}>
          <option value="">{t('alerts.template.none')}</option>
          {ALERT_TEMPLATES.map((template) => <option key={template.id} value={template.id}>{locale === 'en' ? template.name.en : template.name.zh}</option>)}
        </select>
        <span className="alert-composer__hint">{t('alerts.template.hint')}</span>
      </label>
      <label className="form-field" htmlFor={field('event')}>
        <span className="form-field__label">{t('alerts.field.event')}</span>
        <input id={field('event')} className="input" value={form.event} maxLength={200} data-testid="alert-event" onChange={(event) => set({ event: event.target.value })} />
      </label>
      <div className="form-row form-row--three">
        {enumSelect('severity', CAP_SEVERITIES, 'alerts.field.severity')}
        {enumSelect('urgency', CAP_URGENCIES, 'alerts.field.urgency')}
        {enumSelect('certainty', CAP_CERTAINTIES, 'alerts.field.certainty')}
      </div>
      <fieldset className="form-field form-field--group">
        <legend className="form-field__label">{t('alerts.field.category')}</legend>
        <div className="alert-composer__chips">
          {CAP_CATEGORIES.map((category) => (
            <label key={category} className={`chip${form.categories.includes(category) ? ' chip--on' : ''}`}>
              <input type="checkbox" checked={form.categories.includes(category)} onChange={() => set({ categories: toggle(form.categories, category) })} />
              {t(`alerts.category.${category}` as MessageKey)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="form-field form-field--group">
        <legend className="form-field__label">{t('alerts.field.responseType')}</legend>
        <div className="alert-composer__chips">
          {CAP_RESPONSE_TYPES.map((type) => (
            <label key={type} className={`chip${form.responseTypes.includes(type) ? ' chip--on' : ''}`}>
              <input type="checkbox" checked={form.responseTypes.includes(type)} onChange={() => set({ responseTypes: toggle(form.responseTypes, type) })} />
              {t(`alerts.response.${type}` as MessageKey)}
            </label>
          ))}
        </div>
      </fieldset>
      {form.texts.map((text, index) => (
        <TextBlock key={index} text={text} index={index} removable={index >= 2}
          onChange={(next) => set({ texts: form.texts.map((current, position) => (position === index ? next : current)) })}
          onRemove={() => set({ texts: form.texts.filter((_, position) => position !== index) })} />
      ))}
      <button type="button" className="button" disabled={form.texts.length >= 8} onClick={() => set({ texts: [...form.texts, { language: '', headline: '' }] })}>{t('alerts.addLanguage')}</button>
      <AlertAreasSection form={form} set={set} nodes={nodes} namedAreas={namedAreas} areaNames={areaNames} />
      <label className="form-field" htmlFor={field('groups')}>
        <span className="form-field__label">{t('alerts.field.groups')}</span>
        <input id={field('groups')} className="input" value={form.groups} onChange={(event) => set({ groups: event.target.value })} />
      </label>
      <ChannelsField channels={form.channels} texts={form.texts} onChange={(channels) => set({ channels })} />
      <div className="form-row form-row--times">
        {(['onset', 'effective', 'expires'] as const).map((name) => (
          <label key={name} className="form-field" htmlFor={field(name)}>
            <span className="form-field__label">{t(`alerts.field.${name}`)}</span>
            <input id={field(name)} type="datetime-local" className="input" value={form[name]} onChange={(event) => set({ [name]: event.target.value })} />
          </label>
        ))}
      </div>
      <label className={`form-check${form.exercise ? ' form-check--on' : ''}`}>
        <input type="checkbox" checked={form.exercise} data-testid="alert-exercise" onChange={(event) => set({ exercise: event.target.checked })} />
        {t('alerts.field.exercise')}
      </label>
      <button type="submit" className="button button--primary" disabled={busy} data-testid="alert-save">{t('alerts.saveDraft')}</button>
    </form>
  );
}
