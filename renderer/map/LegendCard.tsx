import type { ReactNode } from 'react';
import { useI18n } from '../i18n/useI18n.ts';
import { LegendSwatch } from './LegendSwatch.tsx';
import type { LayerId, LegendEntry } from './model.ts';

/** Layers with their switches, counts and colour keys, top layer first. */
export function LegendCard({ legend, onToggle, children }: { legend: readonly LegendEntry[]; onToggle(id: LayerId, visible: boolean): void; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="map-card" aria-labelledby="map-legend-title" data-testid="map-legend">
      <h3 id="map-legend-title" className="map-card__title">{t('map.layers')}</h3>
      <ul className="legend">
        {children}
        {legend.map((entry) => (
          <li key={entry.id} className={`legend__entry legend__entry--${entry.id}${entry.visible ? '' : ' legend__entry--off'}`}
            data-testid={`legend-${entry.id}`} data-visible={String(entry.visible)}>
            <label className="legend__layer">
              <input type="checkbox" checked={entry.visible} data-testid={`layer-toggle-${entry.id}`}
                aria-label={t('map.layerToggle', { layer: t(entry.label) })}
                onChange={(event) => onToggle(entry.id, event.target.checked)} />
              <LegendSwatch swatch={entry.swatch} />
              <span className="legend__name">{t(entry.label)}</span>
              <span className="legend__count" data-testid={`legend-count-${entry.id}`}>{entry.count}</span>
            </label>
            {entry.visible && entry.items.length > 0 && (
              <ul className="legend__items">
                {entry.items.map((item) => (
                  <li key={item.key} className={`legend__item${item.key.startsWith('track-') ? ' legend__item--wide' : ''}`} data-testid={`legend-item-${item.key}`}>
                    <LegendSwatch swatch={item.swatch} />
                    <span>{typeof item.label === 'string' ? t(item.label) : item.label.text}</span>
                  </li>
                ))}
              </ul>
            )}
            {entry.visible && entry.id === 'tracks' && entry.count === 0 && (
              <div className="legend__empty">{t('map.noTracks')}</div>
            )}
            {entry.visible && entry.id === 'links' && entry.count === 0 && (
              <div className="legend__empty" data-testid="legend-links-empty">{t('map.noLinks')}</div>
            )}
          </li>
        ))}
      </ul>
      <div className="legend__note">{t('map.timeNote')}</div>
    </section>
  );
}
