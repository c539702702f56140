import { useCallback, useState, type FormEvent } from 'react';
import type { CommandNode } from '../../../shared/domain/commandNode.ts';
import { INCIDENT_STATUSES, type Incident, type IncidentEntry, type IncidentStatus } from '../../../shared/domain/incident.ts';
import { taskProgress } from '../../../shared/domain/task.ts';
import type { ConsoleApi } from '../../../shared/ipc/contract.ts';
import { describeError, errorCode, formatTime, primaryName } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useConsole } from '../../state/useConsole.ts';
import { useLiveQuery } from '../../state/useLiveQuery.ts';
import { IncidentTimeline } from './IncidentTimeline.tsx';

interface Props {
  incident: Incident;
  byCode: Map<string, CommandNode>;
  onClose(): void;
  onOpenSession?(incident: Incident): void;
}

const loadTasks = (api: ConsoleApi) => api.tasks.list({});

/** One incident: its place, status with the forward-only change, its tasks and its timeline (issue 16). */
export function IncidentDetail({ incident, byCode, onClose, onOpenSession }: Props) {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const loadTimeline = useCallback((client: ConsoleApi) => client.incidents.timeline({ id: incident.id }), [incident.id]);
  const timeline = useLiveQuery(loadTimeline, ['incidentEntry']);
  const tasks = useLiveQuery(loadTasks, ['task']);
  const later = INCIDENT_STATUSES.slice(INCIDENT_STATUSES.indexOf(incident.status) + 1);
  const [target, setTarget] = useState<IncidentStatus | ''>('');
  const [statusNote, setStatusNote] = useState('');
  const [note, setNote] = useState('');
  const [correcting, setCorrecting] = useState<IncidentEntry | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const chosen = target && later.includes(target) ? target : later[0] ?? '';
  const progress = taskProgress((tasks.data ?? []).filter((task) => task.incidentId === incident.id), new Date());
  const place = byCode.get(incident.nodeCode);

  const explain = (error: unknown) => setMessage(errorCode(error) === 'CONFLICT' ? t('incidents.detail.backwards') : describeError(error, locale));
  const move = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    try {
      await api.incidents.setStatus({ id: incident.id, to: chosen, ...(statusNote.trim() ? { note: statusNote.trim() } : {}) });
      setStatusNote('');
      setTarget('');
      setMessage(null);
    } catch (error) { explain(error); }
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) { setMessage(t('incidents.detail.emptyNote')); return; }
    try {
      await api.incidents.addEntry({ incidentId: incident.id, text: note.trim(), ...(correcting ? { corrects: correcting.id } : {}) });
      setNote('');
      setCorrecting(null);
      setMessage(null);
    } catch (error) { explain(error); }
  };

  return (
    <section className="incident-detail" aria-labelledby="incident-detail-title" data-testid="incident-detail" data-status={incident.status}>
      <div className="incident-detail__head">
        <h3 id="incident-detail-title" className="report-form__heading">{incident.title}</h3>
        <button type="button" className="button button--small" onClick={onClose} data-testid="incident-detail-close">{t('incidents.detail.close')}</button>
      </div>
      <dl className="consult-facts">
        <dt>{t('incidents.col.type')}</dt><dd>{t(`incidentType.${incident.type}`)}</dd>
        <dt>{t('incidents.col.level')}</dt><dd><span className={`level-badge level-badge--${incident.level}`}>{t(`incidentLevel.${incident.level}`)}</span></dd>
        <dt>{t('incidents.detail.status')}</dt><dd data-testid="incident-detail-status">{t(`incidentStatus.${incident.status}`)}</dd>
        <dt>{t('incidents.detail.place')}</dt><dd>{place ? primaryName(place, locale) : incident.nodeCode}</dd>
        <dt>{t('incidents.detail.location')}</dt><dd className="cell-code">{incident.location ? `${incident.location.lon.toFixed(4)}, ${incident.location.lat.toFixed(4)}` : '—'}</dd>
        {incident.affectedCodes?.length ? <><dt>{t('incidents.detail.affected')}</dt><dd>{incident.affectedCodes.map((code) => (byCode.get(code) ? primaryName(byCode.get(code)!, locale) : code)).join(locale === 'en' ? ', ' : '、')}</dd></> : null}
        <dt>{t('incidents.col.reportedAt')}</dt><dd>{formatTime(incident.reportedAt, locale)}</dd>
        <dt>{t('incidents.detail.tasks')}</dt>
        <dd data-testid="incident-detail-tasks">{t('incidents.tasksClosed', progress)}{progress.overdue ? <span className="consult-overdue"> · {t('incidents.tasksOverdue', { count: progress.overdue })}</span> : null}</dd>
      </dl>
      {message && <div className="form-issues" role="alert" data-testid="incident-detail-error">{message}</div>}
      {later.length > 0 ? (
        <form className="consult-inline" onSubmit={move}>
          <label className="consult-inline">
            <span className="form-field__label">{t('incidents.detail.changeStatus')}</span>
            <select className="input" value={chosen} data-testid="incident-status-select" onChange={(event) => setTarget(event.target.value as IncidentStatus)}>
              {later.map((status) => <option key={status} value={status}>{t(`incidentStatus.${status}`)}</option>)}
            </select>
          </label>
          <input className="input" value={statusNote} placeholder={t('incidents.detail.statusNote')} aria-label={t('incidents.detail.statusNote')} onChange={(event) => setStatusNote(event.target.value)} />
          <button type="submit" className="button button--primary" data-testid="incident-status-apply">{t('incidents.detail.apply')}</button>
        </form>
      ) : <p className="consult-muted">{t('incidents.detail.noForward')}</p>}
      {onOpenSession && <button type="button" className="button" data-testid="incident-open-session" onClick={() => onOpenSession(incident)}>{t('incidents.detail.openSession')}</button>}
      <h4 className="consult-subheading">{t('incidents.detail.timeline')}</h4>
      <IncidentTimeline entries={timeline.data ?? []} onCorrect={setCorrecting} />
      <form className="form-field" onSubmit={save}>
        {correcting && (
          <div className="consult-inline">
            <span className="consult-muted">{t('incidents.detail.correcting', { time: formatTime(correcting.at, locale, 'short') })}</span>
            <button type="button" className="button button--small" onClick={() => setCorrecting(null)}>{t('incidents.detail.cancelCorrection')}</button>
          </div>
        )}
        <textarea className="input input--area" rows={2} value={note} maxLength={4000} placeholder={t('incidents.detail.notePlaceholder')}
          aria-label={t('incidents.detail.addNote')} data-testid="incident-note" onChange={(event) => setNote(event.target.value)} />
        <button type="submit" className="button" data-testid="incident-note-save">{t('incidents.detail.save')}</button>
      </form>
    </section>
  );
}
