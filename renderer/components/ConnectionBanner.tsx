import { useEffect, useState } from 'react';
import { formatTime } from '../i18n/display.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { linkView } from '../state/linkView.ts';
import { OutboxPending } from './OutboxPending.tsx';
import { ageMessage, centreName, outboxParams } from '../state/syncView.ts';
import { useConsole } from '../state/useConsole.ts';
import { useSyncStatus } from '../state/useSyncStatus.ts';

/** Re-renders every few seconds so that ages ("12 s ago") stay true between events. */
function useNow(intervalMs = 5000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * The strip under the top bar: is this console connected, each link's state and channel, what
 * waits to be sent by priority, and how fresh the parent's data is.
 */
export function ConnectionBanner() {
  const { t, locale } = useI18n();
  const { transport } = useConsole();
  const status = useSyncStatus();
  const now = useNow();
  const view = linkView(transport, status);
  const age = status ? ageMessage(status.newestFromParentAt, now) : null;
  return (
    <div className={`connection-banner connection-banner--${view.tone}`} role="status" aria-live="polite" data-testid="connection-banner">
      <span className="connection-banner__item">
        <span className="connection-banner__key">{t('link.label')}</span>
        <span className={`link-dot link-dot--${view.tone}`} aria-hidden="true" />
        <strong data-testid="link-state" data-state={view.state}>{t(view.label)}</strong>
      </span>
      <OutboxPending />
      {status && (
        <>
          {status.links.map((link) => (
            <span key={link.peer} className={`connection-banner__chip connection-banner__chip--${link.state}`} data-testid="link-chip" data-peer={link.peer} data-state={link.state}>
              {t('link.chip', { peer: centreName(link, locale), state: t(`sync.state.${link.state}`), channel: t(`channel.${link.channel}`) })}
            </span>
          ))}
          <span className="connection-banner__item" data-testid="outbox-count" data-count={status.outbox}>
            {status.parent ? t('link.outboxByPriority', outboxParams(status)) : t('link.outbox', { count: status.outbox })}
          </span>
          {status.parent && (
            <span className="connection-banner__item" data-testid="newest-from-parent">
              {t('link.newestFromParent', { age: age ? t(age.key, age.params) : t('link.never') })}
            </span>
          )}
          {/* Never heard from the parent at all (not merely nothing new since a restart): say what the node holds. */}
          {status.parent && status.links.some((link) => link.relation === 'parent' && link.lastSeenAt === null) && (
            <span className="connection-banner__item connection-banner__item--warn" data-testid="never-reached">{t('outbox.neverReached')}</span>
          )}
          <span className="connection-banner__item" data-testid="last-sync">
            {t('link.lastSync', { time: formatTime(status.lastSyncAt, locale) })}
          </span>
          {status.quarantined > 0 && <span className="connection-banner__item connection-banner__item--warn">{t('link.quarantined', { count: status.quarantined })}</span>}
          {status.alarms.length > 0 && <span className="connection-banner__item connection-banner__item--alarm" data-testid="sync-alarms">{t('link.alarms', { count: status.alarms.length })}</span>}
        </>
      )}
    </div>
  );
}
