import type { Boundary } from '../../../shared/domain/boundary.ts';
import type { ConsultationEntry } from '../../../shared/domain/consultation.ts';
import type { Task } from '../../../shared/domain/task.ts';
import { formatTime } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { statusKey } from '../tasks/taskLabels.ts';
import { EvidenceCard } from './EvidenceCard.tsx';

interface Props {
  entries: readonly ConsultationEntry[];
  tasks: ReadonlyMap<string, Task>;
  boundaries: readonly Boundary[];
  onCorrect?(entry: ConsultationEntry): void;
}

/** A session's insert-only record in time order; a corrected entry stays, struck through, beside its correction. */
export function EntryList({ entries, tasks, boundaries, onCorrect }: Props) {
  const { t, locale } = useI18n();
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const corrected = new Set(entries.flatMap((entry) => (entry.corrects ? [entry.corrects] : [])));
  return (
    <ol className="timeline session-entries" data-testid="session-entries">
      {entries.map((entry) => {
        const task = entry.taskId ? tasks.get(entry.taskId) : undefined;
        return (
          <li key={entry.id} className={`timeline__entry session-entry session-entry--${entry.kind}${corrected.has(entry.id) ? ' timeline__entry--corrected' : ''}`}
            data-testid="session-entry" data-kind={entry.kind}>
            <div className="timeline__head">
              <span className="cell-code">{formatTime(entry.at, locale, 'short')}</span>
              <span className="timeline__kind">{t(`consultation.kind.${entry.kind}`)}</span>
              <span>{entry.agency}</span>
              {entry.confidence && <span className="consult-tag">{t('consultation.confidence')}: {t(`consultation.confidence.${entry.confidence}`)}</span>}
              {entry.approvedBy && <span className="consult-muted">{t('consultation.approvedBy')}: {entry.approvedBy}</span>}
              {entry.corrects && byId.get(entry.corrects) && <span className="consult-muted">{t('consultation.corrects', { time: formatTime(byId.get(entry.corrects)!.at, locale, 'short') })}</span>}
              <span className="board__spacer" />
              {onCorrect && entry.kind !== 'signOff' && !entry.attendance && <button type="button" className="button button--small" onClick={() => onCorrect(entry)}>{t('consultation.correct')}</button>}
            </div>
            <div className="timeline__text">{entry.attendance
              ? t(entry.attendance.from ? 'consultation.attendanceChanged' : 'consultation.attendanceJoined', {
                name: entry.attendance.name, agency: entry.attendance.agency, to: t(`consultation.attendance.${entry.attendance.to}`),
                from: entry.attendance.from ? t(`consultation.attendance.${entry.attendance.from}`) : '',
              })
              : entry.text}</div>
            {task && <div className="consult-muted" data-testid="session-entry-task">{t('consultation.action.task', { unit: task.assigneeUnit, status: t(statusKey(task.status)) })}</div>}
            {entry.kind === 'warning' && <div className="consult-muted">{t('consultation.warning.draft')}</div>}
            {entry.snapshot && <EvidenceCard snapshot={entry.snapshot} boundaries={boundaries} />}
          </li>
        );
      })}
    </ol>
  );
}
