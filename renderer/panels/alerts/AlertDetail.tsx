import { useEffect, useState } from 'react';
import { alertState, type Alert } from '../../../shared/domain/alert.ts';
import type { AlertCoverage } from '../../../shared/ipc/contracts/alerts.ts';
import { formatTime } from '../../i18n/display.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { capLabel } from '../../map/capLabels.ts';
import { useConsole } from '../../state/useConsole.ts';
import { localMessage, textFor } from './composerForm.ts';
import { PeopleCovered } from './PeopleCovered.tsx';

/** One alert: its texts, the workflow steps taken and the next one, and who it reaches. */
export function AlertDetail({ alert, onChanged, onEdit }: { alert: Alert; onChanged(alert: Alert): void; onEdit(alert: Alert): void }) {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const [problem, setProblem] = useState<string | null>(null);
  const [coverage, setCoverage] = useState<AlertCoverage | null>(null);
  const state = alertState(alert);
  const text = textFor(alert, locale);
  const block = (alert.texts ?? []).find((candidate) => candidate.headline === text.headline);

  useEffect(() => {
    let live = true;
    setCoverage(null);
    api.alerts.coverage({ id: alert.id }).then((result) => { if (live) setCoverage(result); }, () => undefined);
    return () => { live = false; };
  }, [api, alert.id, alert.areas]);

  const act = async (step: 'review' | 'issue' | 'update' | 'cancel') => {
    setProblem(null);
    try {
      onChanged(await api.alerts[step]({ id: alert.id }));
    } catch (error) {
      setProblem(localMessage(error, locale, t('error.INTERNAL')));
    }
  };
  const exportXml = async () => {
    try {
      const { fileName, xml } = await api.alerts.export({ id: alert.id });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
      link.download = fileName;
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      setProblem(localMessage(error, locale, t('error.INTERNAL')));
    }
  };

  return (
    <section className="alert-detail" data-testid="alert-detail" data-state={state}>
      <div className="alert-detail__head">
        <span className={`status status--alert-${state}`} data-testid="alert-detail-state">{t(`alerts.state.${state}`)}</span>
        <span className="alert-detail__type">{t(`alerts.msgType.${alert.msgType}` as MessageKey)}</span>
        {alert.exercise && <span className="exercise-tag">{t('exercise.mark')}</span>}
      </div>
      <h3 className="alert-detail__headline" data-testid="alert-detail-headline">{text.headline}</h3>
      <p className="alert-detail__codes">
        {capLabel('severity', alert.severity, locale)} · {capLabel('urgency', alert.urgency, locale)} · {capLabel('certainty', alert.certainty, locale)}
      </p>
      <p className="alert-detail__muted" data-testid="alert-detail-channels">
        {alert.channels?.length
          ? t('alertChannels.detail', { channels: alert.channels.map((channel) => t(`alertChannels.channel.${channel}`)).join(locale === 'en' ? ', ' : '、') })
          : t('alertChannels.none')}
      </p>
      {block?.description && <p>{block.description}</p>}
      {block?.instruction && <p className="alert-detail__instruction">{block.instruction}</p>}
      {alert.references?.map((reference) => <p key={reference.identifier} className="alert-detail__muted">{t('alerts.references', { identifier: reference.identifier })}</p>)}
      {problem && <div className="form-issues" role="alert" data-testid="alert-detail-problem">{problem}</div>}
      <div className="alert-detail__actions">
        {state !== 'issued' && <button type="button" className="button" data-testid="alert-edit" onClick={() => onEdit(alert)}>{t('alerts.edit')}</button>}
        {state === 'draft' && <button type="button" className="button button--primary" data-testid="alert-review" onClick={() => void act('review')}>{t('alerts.review')}</button>}
        {state === 'reviewed' && <button type="button" className="button button--primary" data-testid="alert-issue" onClick={() => void act('issue')}>{t('alerts.issue')}</button>}
        {state === 'issued' && (
          <>
            <button type="button" className="button" data-testid="alert-update" onClick={() => void act('update')}>{t('alerts.update')}</button>
            <button type="button" className="button" data-testid="alert-cancel" onClick={() => void act('cancel')}>{t('alerts.cancel')}</button>
            <button type="button" className="button" data-testid="alert-export" onClick={() => void exportXml()}>{t('alerts.export')}</button>
          </>
        )}
      </div>
      {state === 'issued' && <p className="alert-detail__muted">{t('alerts.immutable')}</p>}
      <h4>{t('alerts.steps')}</h4>
      {(alert.steps ?? []).length === 0 && <p className="alert-detail__muted">{t('alerts.noSteps')}</p>}
      <ul className="alert-detail__steps" data-testid="alert-steps">
        {(alert.steps ?? []).map((step, index) => (
          <li key={index}>{t('alerts.stepLine', { step: t(`alerts.step.${step.step}`), by: step.by, at: formatTime(step.at, locale) })}</li>
        ))}
      </ul>
      <h4>{t('alerts.coverage')}</h4>
      {coverage && (
        <div data-testid="alert-coverage">
          {coverage.areas.map((area, index) => (
            <p key={index}>
              <strong>{area.description}</strong>{locale === 'en' ? ': ' : '：'}{t('alerts.coverage.streets', { count: area.streets.length })}{locale === 'en' ? '; ' : '；'}
              {t('alerts.coverage.shelters', { count: area.shelters.length, capacity: area.shelters.reduce((sum, shelter) => sum + shelter.capacity, 0) })}
            </p>
          ))}
          <PeopleCovered coverage={coverage} />
        </div>
      )}
    </section>
  );
}
