import type { IncidentEntry } from '../../../shared/domain/incident.ts';
import { formatTime } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/** An incident's insert-only timeline, oldest first; a corrected entry stays, marked, and its correction names it. */
export function IncidentTimeline({ entries, onCorrect }: { entries: readonly IncidentEntry[]; onCorrect(entry: IncidentEntry): void }) {
  const { t, locale } = useI18n();
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const corrected = new Set(entries.flatMap((entry) => (entry.corrects ? [entry.corrects] : [])));
  return (
    <ol className="timeline" data-testid="incident-timeline">
      {entries.map((entry) => (
        <li key={entry.id} className={`timeline__entry timeline__entry--${entry.kind}${corrected.has(entry.id) ? ' timeline__entry--corrected' : ''}`} data-testid="timeline-entry" data-kind={entry.kind}>
          <div className="timeline__head">
            <span className="cell-code">{formatTime(entry.at, locale, 'short')}</span>
            <span className="timeline__kind">{t(`incidents.entry.${entry.kind}`)}{entry.status ? ` · ${t(`incidentStatus.${entry.status}`)}` : ''}</span>
            {entry.corrects && byId.get(entry.corrects) && <span className="consult-muted">{t('incidents.entry.corrects', { time: formatTime(byId.get(entry.corrects)!.at, locale, 'short') })}</span>}
            {corrected.has(entry.id) && <span className="consult-tag">{t('incidents.entry.correctedBy')}</span>}
            <span className="board__spacer" />
            <button type="button" className="button button--small" onClick={() => onCorrect(entry)}>{t('incidents.detail.correct')}</button>
          </div>
          {entry.text && <div className="timeline__text">{entry.text}</div>}
        </li>
      ))}
    </ol>
  );
}
