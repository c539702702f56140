import { createPortal } from 'react-dom';
import { useI18n } from '../i18n/useI18n.ts';
import type { featureDetails } from './details.ts';

type Details = ReturnType<typeof featureDetails>;

/** The popup next to the clicked feature; OpenLayers owns its element, so React renders into it through a portal. */
export function MapPopup({ details, element, onClose }: { details: Details | null; element: HTMLElement; onClose(): void }) {
  const { t } = useI18n();
  if (!details) return null;
  return createPortal(
    <>
      <button type="button" className="map-popup__close" aria-label={t('map.popup.close')} onClick={onClose}>×</button>
      <div className="map-popup__kind">{details.kind}</div>
      <div className="map-popup__title" data-testid="map-popup-title">{details.title}</div>
    </>,
    element,
  );
}

/** The side card with every field of the selected feature. */
export function MapDetailsCard({ details, onClose }: { details: Details | null; onClose(): void }) {
  const { t } = useI18n();
  return (
    <section className="map-card map-card--details" aria-labelledby="map-details-title" data-testid="map-details">
      <div className="map-card__head">
        <h3 id="map-details-title" className="map-card__title">{t('map.details')}</h3>
        {details && <button type="button" className="button button--small" onClick={onClose}>{t('map.close')}</button>}
      </div>
      {details ? (
        <div className="details" data-testid="map-details-body">
          <div className="details__kind">{details.kind}</div>
          <div className="details__title" data-testid="detail-title">{details.title}</div>
          {details.subtitle && <div className="details__subtitle">{details.subtitle}</div>}
          <dl className="details__rows">
            {details.rows.map((row) => (
              <div key={row.label} className="details__row">
                <dt>{row.label}</dt>
                <dd data-testid={row.testId}>{row.value}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : (
        <p className="details__hint">{t('map.detailsHint')}</p>
      )}
    </section>
  );
}
