import { useId } from 'react';
import type { AlertText } from '../../../shared/domain/alert.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/** One language's block of an alert: what people read (CAP info: headline, description, instruction, web, contact). */
export function TextBlock({ text, index, removable, onChange, onRemove }: {
  text: AlertText; index: number; removable: boolean; onChange(text: AlertText): void; onRemove(): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const set = (patch: Partial<AlertText>) => onChange({ ...text, ...patch });
  return (
    <fieldset className="alert-text" data-testid={`alert-text-${index}`}>
      <legend className="alert-text__legend">
        <label htmlFor={`${id}-language`}>{t('alerts.field.language')}</label>
        <input id={`${id}-language`} className="input alert-text__language" value={text.language} maxLength={10} placeholder="zh-CN / en / ja"
          data-testid={`alert-language-${index}`} onChange={(event) => set({ language: event.target.value })} />
        {removable && <button type="button" className="button" onClick={onRemove}>{t('alerts.removeLanguage')}</button>}
      </legend>
      <label className="form-field" htmlFor={`${id}-headline`}>
        <span className="form-field__label">{t('alerts.field.headline')}</span>
        <input id={`${id}-headline`} className="input" value={text.headline} maxLength={400} data-testid={`alert-headline-${index}`} onChange={(event) => set({ headline: event.target.value })} />
      </label>
      <label className="form-field" htmlFor={`${id}-description`}>
        <span className="form-field__label">{t('alerts.field.description')}</span>
        <textarea id={`${id}-description`} className="input" rows={2} value={text.description ?? ''} maxLength={8000} onChange={(event) => set({ description: event.target.value })} />
      </label>
      <label className="form-field" htmlFor={`${id}-instruction`}>
        <span className="form-field__label">{t('alerts.field.instruction')}</span>
        <textarea id={`${id}-instruction`} className="input" rows={2} value={text.instruction ?? ''} maxLength={4000} onChange={(event) => set({ instruction: event.target.value })} />
      </label>
      <div className="form-row">
        <label className="form-field" htmlFor={`${id}-web`}>
          <span className="form-field__label">{t('alerts.field.web')}</span>
          <input id={`${id}-web`} className="input" value={text.web ?? ''} maxLength={500} onChange={(event) => set({ web: event.target.value })} />
        </label>
        <label className="form-field" htmlFor={`${id}-contact`}>
          <span className="form-field__label">{t('alerts.field.contact')}</span>
          <input id={`${id}-contact`} className="input" value={text.contact ?? ''} maxLength={500} onChange={(event) => set({ contact: event.target.value })} />
        </label>
      </div>
    </fieldset>
  );
}
