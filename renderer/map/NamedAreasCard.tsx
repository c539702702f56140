import type { NamedArea } from '../../shared/domain/namedArea.ts';
import { useI18n } from '../i18n/useI18n.ts';

/** The saved named areas, newest first, each with zoom and delete. */
export function NamedAreasCard({ areas, onZoom, onDelete }: { areas: readonly NamedArea[]; onZoom(area: NamedArea): void; onDelete(area: NamedArea): void }) {
  const { t } = useI18n();
  return (
    <section className="map-card" aria-labelledby="map-areas-title" data-testid="map-areas">
      <h3 id="map-areas-title" className="map-card__title">{t('map.areas.title')}</h3>
      {areas.length === 0 ? <p className="details__hint">{t('map.areas.empty')}</p> : (
        <ul className="area-list">
          {areas.map((area) => (
            <li key={area.id} className="area-list__item" data-testid="map-area-item">
              <span className="area-list__name" data-testid="map-area-name">{area.name}</span>
              <span className="area-list__size">{t('map.value.km2', { value: area.areaKm2 })}</span>
              <button type="button" className="button button--small" onClick={() => onZoom(area)}>{t('map.areas.zoom')}</button>
              <button type="button" className="button button--small" data-testid="map-area-delete"
                onClick={() => { if (window.confirm(t('map.areas.deleteConfirm', { name: area.name }))) onDelete(area); }}>{t('map.areas.delete')}</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
