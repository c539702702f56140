import { useCallback, useState } from 'react';
import { TASK_STATUSES, type Task } from '../../../shared/domain/task.ts';
import type { ConsoleApi } from '../../../shared/ipc/contract.ts';
import { describeError, errorCode, formatTime } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useConsole } from '../../state/useConsole.ts';
import { useLiveQuery } from '../../state/useLiveQuery.ts';
import { statusKey } from './taskLabels.ts';

/** One task: its history, a button for each later state, and reopening once done. */
export function TaskActions({ task, onClose }: { task: Task; onClose(): void }) {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const loadHistory = useCallback((client: ConsoleApi) => client.tasks.history({ id: task.id }), [task.id]);
  const history = useLiveQuery(loadHistory, ['taskEntry']);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const index = TASK_STATUSES.indexOf(task.status);
  // Verifying is the checker's step after "done"; the others may be skipped ahead.
  const later = TASK_STATUSES.slice(index + 1).filter((status) => status !== 'verified' || task.status === 'done');

  const explain = (error: unknown, fallback: string) => setMessage({ kind: 'error', text: errorCode(error) === 'CONFLICT' ? fallback : describeError(error, locale) });
  const advance = async (to: Task['status']) => {
    try {
      await api.tasks.advance({ id: task.id, to, ...(note.trim() ? { note: note.trim() } : {}) });
      setNote('');
      setMessage(null);
    } catch (error) { explain(error, to === 'verified' ? t('tasks.verifyNeedsDone') : t('tasks.backwards')); }
  };
  const reopen = async () => {
    if (!reason.trim()) { setMessage({ kind: 'error', text: t('tasks.emptyReason') }); return; }
    try {
      await api.tasks.reopen({ id: task.id, reason: reason.trim() });
      setReason('');
      setMessage({ kind: 'done', text: t('tasks.reopenDone') });
    } catch (error) { explain(error, t('tasks.backwards')); }
  };

  return (
    <section className="task-actions" data-testid="task-actions" data-status={task.status}>
      <div className="incident-detail__head">
        <h3 className="report-form__heading">{task.title}</h3>
        <button type="button" className="button button--small" onClick={onClose}>{t('incidents.detail.close')}</button>
      </div>
      <p className="consult-muted">{task.assigneeUnit} · {t(statusKey(task.status))}{task.dueAt ? ` · ${formatTime(task.dueAt, locale, 'short')}` : ''}</p>
      {message && <div className={message.kind === 'error' ? 'form-issues' : 'form-done'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="task-message">{message.text}</div>}
      {later.length > 0 && (
        <>
          <input className="input" value={note} placeholder={t('tasks.note')} aria-label={t('tasks.note')} onChange={(event) => setNote(event.target.value)} />
          <div className="consult-inline">
            {later.map((status) => (
              <button key={status} type="button" className="button" data-testid={`task-advance-${status}`} onClick={() => void advance(status)}>
                {t('tasks.advanceTo', { status: t(statusKey(status)) })}
              </button>
            ))}
          </div>
        </>
      )}
      {(task.status === 'done' || task.status === 'verified') && (
        <div className="consult-inline">
          <input className="input" value={reason} placeholder={t('tasks.reopenReason')} aria-label={t('tasks.reopenReason')} data-testid="task-reopen-reason" onChange={(event) => setReason(event.target.value)} />
          <button type="button" className="button" data-testid="task-reopen" onClick={() => void reopen()}>{t('tasks.reopen')}</button>
        </div>
      )}
      <h4 className="consult-subheading">{t('tasks.history')}</h4>
      <ol className="timeline" data-testid="task-history">
        {(history.data ?? []).map((entry) => (
          <li key={entry.id} className={`timeline__entry timeline__entry--${entry.kind === 'reopen' ? 'correction' : 'status'}`}>
            <div className="timeline__head">
              <span className="cell-code">{formatTime(entry.at, locale, 'short')}</span>
              <span className="timeline__kind">{t(`tasks.entry.${entry.kind}`)}{entry.status ? ` · ${t(statusKey(entry.status))}` : ''}</span>
              <span className="consult-muted">{entry.by}</span>
            </div>
            {entry.text && <div className="timeline__text">{entry.text}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
