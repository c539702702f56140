import { useState } from 'react';
import { Attendance, type ConsultationSession } from '../../../shared/domain/consultation.ts';
import { describeError } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useConsole } from '../../state/useConsole.ts';

/**
 * Who takes part. While the session is open, each person's attendance changes as they arrive,
 * join by video or leave, and someone new can be added; each change is noted in the record.
 */
export function AttendanceList({ session }: { session: ConsultationSession }) {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const [name, setName] = useState('');
  const [agency, setAgency] = useState('');
  const [attendance, setAttendance] = useState<Attendance>('present');
  const [problem, setProblem] = useState<string | null>(null);
  const open = session.status === 'open';
  const change = async (person: { name: string; agency: string }, to: Attendance) => {
    setProblem(null);
    try {
      await api.consultation.attend({ sessionId: session.id, name: person.name, agency: person.agency, attendance: to });
      return true;
    } catch (error) {
      setProblem(describeError(error, locale));
      return false;
    }
  };
  const add = async () => {
    const missing = [!name.trim() && t('consultation.open.name'), !agency.trim() && t('consultation.open.agency')].filter(Boolean);
    if (missing.length) { setProblem(t('consultation.error.missing', { fields: missing.join(locale === 'en' ? ', ' : '、') })); return; }
    if (await change({ name: name.trim(), agency: agency.trim() }, attendance)) { setName(''); setAgency(''); setAttendance('present'); }
  };
  return (
    <div data-testid="session-attendance">
      <h4 className="consult-subheading">{t('consultation.participants')}</h4>
      <ul className="session__people">
        {(session.participants ?? []).map((person, index) => (
          <li key={`${person.name}-${person.agency}`} className={`session__person session__person--${person.attendance}`} data-testid={`session-person-${index}`}>
            {person.name} · {person.agency} · {open ? (
              <select className="input input--inline" value={person.attendance} aria-label={`${person.name} ${t('consultation.participants')}`}
                data-testid={`session-attendance-${index}`} onChange={(event) => void change(person, Attendance.parse(event.target.value))}>
                {Attendance.options.map((value) => <option key={value} value={value}>{t(`consultation.attendance.${value}`)}</option>)}
              </select>
            ) : t(`consultation.attendance.${person.attendance}`)}
          </li>
        ))}
      </ul>
      {open && (
        <form className="session-join" onSubmit={(event) => { event.preventDefault(); void add(); }}>
          <input className="input" value={name} maxLength={60} placeholder={t('consultation.open.name')} aria-label={t('consultation.open.name')} data-testid="session-join-name" onChange={(event) => setName(event.target.value)} />
          <input className="input" value={agency} maxLength={60} placeholder={t('consultation.open.agency')} aria-label={t('consultation.open.agency')} data-testid="session-join-agency" onChange={(event) => setAgency(event.target.value)} />
          <select className="input input--inline" value={attendance} aria-label={t('consultation.participants')} data-testid="session-join-attendance" onChange={(event) => setAttendance(Attendance.parse(event.target.value))}>
            {Attendance.options.map((value) => <option key={value} value={value}>{t(`consultation.attendance.${value}`)}</option>)}
          </select>
          <button type="submit" className="button button--small" data-testid="session-join">{t('consultation.open.addPerson')}</button>
        </form>
      )}
      {problem && <div className="form-issues" role="alert" data-testid="session-attendance-problem">{problem}</div>}
    </div>
  );
}
