import { formatTime } from '../i18n/display.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { linkView } from '../state/linkView.ts';
import { useConsole } from '../state/useConsole.ts';
import { useSyncStatus } from '../state/useSyncStatus.ts';

/** The strip under the top bar: is this console connected, what waits to be sent, when it last synced. */
export function ConnectionBanner() {
  const { t, locale } = useI18n();
  const { transport } = useConsole();
  const status = useSyncStatus();
  const view = linkView(transport, status);
  return (
    <div className={`connection-banner connection-banner--${view.tone}`} role="status" aria-live="polite" data-testid="connection-banner">
      <span className="connection-banner__item">
        <span className="connection-banner__key">{t('link.label')}</span>
        <span className={`link-dot link-dot--${view.tone}`} aria-hidden="true" />
        <strong data-testid="link-state" data-state={view.state}>{t(view.label)}</strong>
      </span>
      {status && (
        <>
          <span className="connection-banner__item" data-testid="outbox-count" data-count={status.outbox}>
            {t('link.outbox', { count: status.outbox })}
          </span>
          <span className="connection-banner__item" data-testid="last-sync">
            {t('link.lastSync', { time: formatTime(status.lastSyncAt, locale) })}
          </span>
          {status.parent && <span className="connection-banner__item">{t('link.parent', { parent: status.parent })}</span>}
        </>
      )}
    </div>
  );
}
