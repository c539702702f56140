import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/useI18n.ts';
import { linkView } from '../state/linkView.ts';
import { ageMessage } from '../state/syncView.ts';
import { useConsole } from '../state/useConsole.ts';
import { useSyncStatus } from '../state/useSyncStatus.ts';
import { beijingTime, newest } from './clock.ts';

function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The time of the newest change this window has heard of. */
function useLastChange(): number | null {
  const { api } = useConsole();
  const [at, setAt] = useState<number | null>(null);
  useEffect(() => api.on('store:changed', () => setAt(Date.now())), [api]);
  return at;
}

/**
 * The strip along a wall window's top, to be read from eight metres: the preset and cell, the
 * hall clock in Beijing time, the network state, the age of the newest data, the exercise mark.
 */
export function WallStatusBar({ title, exercise }: { title: string; exercise: boolean }) {
  const { t } = useI18n();
  const { transport } = useConsole();
  const status = useSyncStatus();
  const now = useNow();
  const lastChange = useLastChange();
  const view = linkView(transport, status);
  const dataAt = newest(status?.newestFromParentAt, lastChange);
  const age = ageMessage(dataAt === null ? null : new Date(dataAt).toISOString(), now);
  return (
    <header className="wall-bar" data-testid="wall-bar">
      <span className="wall-bar__title" data-testid="wall-title">{title}</span>
      {exercise && <span className="wall-bar__exercise" data-testid="wall-exercise">{t('exercise.mark')}</span>}
      <span className="wall-bar__spacer" />
      <span className={`wall-bar__link wall-bar__link--${view.tone}`} data-testid="wall-link" data-state={view.state}>
        <span className={`link-dot link-dot--${view.tone}`} aria-hidden="true" />{t(view.label)}
      </span>
      <span className="wall-bar__age" data-testid="wall-data-age">{age ? t('wall.dataAge', { age: t(age.key, age.params) }) : t('wall.dataNone')}</span>
      <span className="wall-bar__clock" data-testid="wall-clock">
        <span className="wall-bar__clock-label">{t('wall.clock')}</span> {beijingTime(new Date(now))}
      </span>
    </header>
  );
}
