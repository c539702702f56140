import type { ReactNode } from 'react';
import { useI18n } from '../i18n/useI18n.ts';
import type { MessageKey } from '../i18n/messages.ts';

export type PanelId = 'commandNetwork' | 'incidents' | 'map' | 'resources' | 'alerts' | 'tasks' | 'consultation' | 'sync' | 'network' | 'wall';

const ITEMS: { id: PanelId; label: MessageKey }[] = [
  { id: 'commandNetwork', label: 'nav.commandNetwork' },
  { id: 'incidents', label: 'nav.incidents' },
  { id: 'tasks', label: 'nav.tasks' },
  { id: 'consultation', label: 'nav.consultation' },
  { id: 'map', label: 'nav.map' },
  { id: 'resources', label: 'nav.resources' },
  { id: 'alerts', label: 'alerts.nav' },
  { id: 'sync', label: 'nav.sync' },
  { id: 'network', label: 'nav.network' },
  { id: 'wall', label: 'wall.nav' },
];

/** The panel list down the left edge; `footer` (the pop-out button) sits under it. */
export function SideNav({ current, onSelect, footer }: { current: PanelId; onSelect(panel: PanelId): void; footer?: ReactNode }) {
  const { t } = useI18n();
  return (
    <nav className="side-nav" aria-label={t('nav.label')}>
      {ITEMS.map((item) => (
        <button
          key={item.id}
          type="button"
          className={`side-nav__item${current === item.id ? ' side-nav__item--current' : ''}`}
          aria-current={current === item.id ? 'page' : undefined}
          data-testid={`nav-${item.id}`}
          onClick={() => onSelect(item.id)}
        >
          {t(item.label)}
        </button>
      ))}
      {footer}
    </nav>
  );
}
