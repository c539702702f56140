import { useState, type FormEvent } from 'react';
import type { Alert } from '../../../shared/domain/alert.ts';
import { Attendance, type ConsultationSession, type Participant } from '../../../shared/domain/consultation.ts';
import type { Incident } from '../../../shared/domain/incident.ts';
import { describeError } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useConsole } from '../../state/useConsole.ts';

interface Props {
  incidents: readonly Incident[];
  alerts: readonly Alert[];
  initialIncidentId: string | null;
  exercise: boolean;
  onOpened(session: ConsultationSession): void;
}

/** Opens a session from an incident, a warning or on its own, with who takes part and the agenda. */
export function SessionOpenForm({ incidents, alerts, initialIncidentId, exercise, onOpened }: Props) {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const initial = incidents.find((incident) => incident.id === initialIncidentId);
  const [title, setTitle] = useState(initial ? `${initial.title} · ${t('consultation.title')}` : '');
  const [incidentId, setIncidentId] = useState(initial?.id ?? '');
  const [alertId, setAlertId] = useState('');
  const [people, setPeople] = useState<Participant[]>([{ name: '', agency: '', attendance: 'present' }]);
  const [agenda, setAgenda] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const setPerson = (index: number, patch: Partial<Participant>) => setPeople((list) => list.map((person, at) => (at === index ? { ...person, ...patch } : person)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) { setMessage(t('consultation.open.missing')); return; }
    try {
      const session = await api.consultation.open({
        title, exercise,
        participants: people.filter((person) => person.name.trim() && person.agency.trim()),
        agenda: agenda.split('\n').map((line) => line.trim()).filter(Boolean),
        ...(incidentId ? { incidentId } : {}), ...(alertId ? { alertId } : {}),
      });
      onOpened(session);
    } catch (error) { setMessage(describeError(error, locale)); }
  };

  return (
    <form className="report-form" onSubmit={submit} noValidate data-testid="session-open-form">
      <h3 className="report-form__heading">{t('consultation.new')}</h3>
      {message && <div className="form-issues" role="alert">{message}</div>}
      <label className="form-field"><span className="form-field__label">{t('consultation.open.title')}</span>
        <input className="input" value={title} maxLength={200} data-testid="session-open-title" onChange={(event) => setTitle(event.target.value)} /></label>
      <div className="form-row">
        <label className="form-field"><span className="form-field__label">{t('consultation.open.fromIncident')}</span>
          <select className="input" value={incidentId} data-testid="session-open-incident" onChange={(event) => setIncidentId(event.target.value)}>
            <option value="">{t('consultation.open.none')}</option>
            {incidents.map((incident) => <option key={incident.id} value={incident.id}>{incident.title}</option>)}
          </select></label>
        <label className="form-field"><span className="form-field__label">{t('consultation.open.fromAlert')}</span>
          <select className="input" value={alertId} onChange={(event) => setAlertId(event.target.value)}>
            <option value="">{t('consultation.open.none')}</option>
            {alerts.filter((alert) => alert.status !== 'Draft' && alert.state !== 'draft').map((alert) => <option key={alert.id} value={alert.id}>{alert.event}</option>)}
          </select></label>
      </div>
      <fieldset className="form-field form-field--group">
        <legend className="form-field__label">{t('consultation.open.participants')}</legend>
        {people.map((person, index) => (
          <div className="session-open__person" key={index}>
            <input className="input" value={person.name} placeholder={t('consultation.open.name')} aria-label={t('consultation.open.name')} data-testid={`session-person-name-${index}`} onChange={(event) => setPerson(index, { name: event.target.value })} />
            <input className="input" value={person.agency} placeholder={t('consultation.open.agency')} aria-label={t('consultation.open.agency')} data-testid={`session-person-agency-${index}`} onChange={(event) => setPerson(index, { agency: event.target.value })} />
            <select className="input" value={person.attendance} aria-label={t('consultation.participants')} data-testid={`session-person-attendance-${index}`} onChange={(event) => setPerson(index, { attendance: event.target.value as Participant['attendance'] })}>
              {Attendance.options.map((value) => <option key={value} value={value}>{t(`consultation.attendance.${value}`)}</option>)}
            </select>
          </div>
        ))}
        <button type="button" className="button button--small" data-testid="session-person-add" onClick={() => setPeople((list) => [...list, { name: '', agency: '', attendance: 'present' }])}>{t('consultation.open.addPerson')}</button>
      </fieldset>
      <label className="form-field"><span className="form-field__label">{t('consultation.open.agenda')}</span>
        <textarea className="input input--area" rows={3} value={agenda} data-testid="session-open-agenda" onChange={(event) => setAgenda(event.target.value)} /></label>
      <button type="submit" className="button button--primary" data-testid="session-open-submit">{t('consultation.open.submit')}</button>
    </form>
  );
}
