import type { ConsultationEntry, ConsultationSession } from '../../../shared/domain/consultation.ts';
import { formatTime } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';

interface Props {
  session: ConsultationSession;
  entries: readonly ConsultationEntry[];
  progress: { total: number; closed: number; overdue: number };
  onExit(): void;
}

/** The meeting-room screen: large type, the agenda and the decisions side by side, the latest judgements below. */
export function RoomView({ session, entries, progress, onExit }: Props) {
  const { t, locale } = useI18n();
  const decisions = entries.filter((entry) => entry.kind === 'decision');
  const judgements = entries.filter((entry) => entry.kind === 'judgement').slice(-3);
  return (
    <section className="room" data-testid="session-room-view">
      <header className="room__head">
        <h2 className="room__title">{session.title}</h2>
        <span className={progress.overdue ? 'room__progress consult-overdue' : 'room__progress'}>
          {t('consultation.tasks', progress)}{progress.overdue ? ` · ${t('consultation.tasksOverdue', { count: progress.overdue })}` : ''}
        </span>
        <button type="button" className="button" onClick={onExit} data-testid="session-room-exit">{t('consultation.room.exit')}</button>
      </header>
      <div className="room__columns">
        <div className="room__column">
          <h3>{t('consultation.agenda')}</h3>
          <ol>{(session.agenda ?? []).map((item, index) => <li key={index}>{item}</li>)}</ol>
        </div>
        <div className="room__column room__column--decisions" data-testid="room-decisions">
          <h3>{t('consultation.decisions')}</h3>
          <ol>{decisions.map((entry) => <li key={entry.id}>{entry.text}<span className="room__by"> · {entry.approvedBy}</span></li>)}</ol>
        </div>
      </div>
      {judgements.length > 0 && (
        <div className="room__judgements">
          {judgements.map((entry) => (
            <div key={entry.id} className="room__judgement">
              <span className="room__by">{formatTime(entry.at, locale, 'short')} · {entry.agency}{entry.confidence ? ` · ${t('consultation.confidence')} ${t(`consultation.confidence.${entry.confidence}`)}` : ''}</span>
              <div>{entry.text}</div>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
