import { useState, type FormEvent } from 'react';
import type { Incident } from '../../../shared/domain/incident.ts';
import { TaskUnitKind } from '../../../shared/domain/task.ts';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import { describeError } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useConsole } from '../../state/useConsole.ts';
import { beijingLocalToIso, unitKindKey } from './taskLabels.ts';

/** Dispatches a task to a unit with a deadline, optionally for an incident. */
export function DispatchForm({ incidents, exercise }: { incidents: readonly Incident[]; exercise: boolean }) {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const [title, setTitle] = useState('');
  const [unit, setUnit] = useState('');
  const [kind, setKind] = useState<TaskUnitKind>('agency');
  const [due, setDue] = useState('');
  const [incidentId, setIncidentId] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim() || !unit.trim()) { setMessage({ kind: 'error', text: t('tasks.dispatch.missing') }); return; }
    const dueAt = beijingLocalToIso(due);
    try {
      const task = await api.tasks.dispatch({ title, assigneeUnit: unit, assigneeKind: kind, exercise, ...(dueAt ? { dueAt } : {}), ...(incidentId ? { incidentId } : {}) });
      setMessage({ kind: 'done', text: t('tasks.dispatch.done', { title: task.title }) });
      setTitle('');
    } catch (error) {
      const pastDue = error instanceof ConsoleError && error.issues?.some((issue) => issue.path === 'dueAt');
      setMessage({ kind: 'error', text: pastDue ? t('tasks.dispatch.pastDue') : describeError(error, locale) });
    }
  };
  return (
    <form className="report-form" onSubmit={submit} noValidate data-testid="task-dispatch">
      <h3 className="report-form__heading">{t('tasks.dispatch.title')}</h3>
      {message && <div className={message.kind === 'error' ? 'form-issues' : 'form-done'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="task-dispatch-message">{message.text}</div>}
      <label className="form-field"><span className="form-field__label">{t('tasks.dispatch.what')}</span>
        <input className="input" value={title} maxLength={200} data-testid="task-dispatch-title" onChange={(event) => setTitle(event.target.value)} /></label>
      <div className="form-row">
        <label className="form-field"><span className="form-field__label">{t('tasks.dispatch.unit')}</span>
          <input className="input" value={unit} maxLength={120} data-testid="task-dispatch-unit" onChange={(event) => setUnit(event.target.value)} /></label>
        <label className="form-field"><span className="form-field__label">{t('tasks.dispatch.kind')}</span>
          <select className="input" value={kind} onChange={(event) => setKind(event.target.value as TaskUnitKind)}>
            {TaskUnitKind.options.map((value) => <option key={value} value={value}>{t(unitKindKey(value))}</option>)}
          </select></label>
      </div>
      <label className="form-field"><span className="form-field__label">{t('tasks.dispatch.due')}</span>
        <input className="input" type="datetime-local" value={due} data-testid="task-dispatch-due" onChange={(event) => setDue(event.target.value)} /></label>
      <label className="form-field"><span className="form-field__label">{t('tasks.dispatch.incident')}</span>
        <select className="input" value={incidentId} onChange={(event) => setIncidentId(event.target.value)}>
          <option value="">{t('tasks.dispatch.noIncident')}</option>
          {incidents.filter((incident) => incident.status !== 'closed').map((incident) => <option key={incident.id} value={incident.id}>{incident.title}</option>)}
        </select></label>
      <button type="submit" className="button button--primary" data-testid="task-dispatch-submit">{t('tasks.dispatch.submit')}</button>
    </form>
  );
}
