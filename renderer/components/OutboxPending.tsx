import { useEffect, useState } from 'react';
import { onOutboxCount } from '../api/consoleApi.ts';
import { useI18n } from '../i18n/useI18n.ts';

/**
 * How many changes this tab made that the console service has not yet answered: kept while
 * the service cannot be reached and sent when it returns, so none is lost silently.
 */
export function OutboxPending() {
  const { t } = useI18n();
  const [count, setCount] = useState(0);
  useEffect(() => onOutboxCount(setCount), []);
  if (count === 0) return null;
  return (
    <span className="connection-banner__item connection-banner__item--warn" data-testid="outbox-pending" data-count={count}>
      {t('host.outboxPending', { count })}
    </span>
  );
}
