import type { Boundary } from '../../../shared/domain/boundary.ts';
import type { EvidenceSnapshot } from '../../../shared/domain/consultation.ts';
import { formatTime } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { DistrictSketch } from '../incidents/DistrictSketch.tsx';

/** A frozen snapshot: the key figures and a picture of the map as it was (district outlines and incident points). */
export function EvidenceCard({ snapshot, boundaries }: { snapshot: EvidenceSnapshot; boundaries: readonly Boundary[] }) {
  const { t, locale } = useI18n();
  const f = snapshot.figures;
  const join = locale === 'en' ? ', ' : '、';
  return (
    <div className="evidence" data-testid="evidence-card">
      <div className="evidence__figures">
        <div className="consult-muted">{t('consultation.evidence.takenAt', { time: formatTime(snapshot.takenAt, locale, 'short') })}</div>
        <dl className="consult-facts">
          <dt>{t('consultation.evidence.byLevel')}</dt>
          <dd data-testid="evidence-levels">{(['I', 'II', 'III', 'IV'] as const).map((level) => `${t(`incidentLevelShort.${level}`)} ${f.incidentsByLevel[level] ?? 0}`).join(' · ')}</dd>
          <dt>{t('consultation.evidence.stock')}</dt>
          <dd>{f.keyStock.map((item) => `${locale === 'en' ? item.nameEn ?? item.name : item.name} ${item.quantity.toLocaleString(locale)} ${item.unit}`).join(join)}</dd>
          <dt>{t('consultation.evidence.shelters')}</dt><dd>{f.shelterPlacesFree.toLocaleString(locale)} / {f.shelterCapacity.toLocaleString(locale)}</dd>
          <dt>{t('consultation.evidence.teams')}</dt><dd>{f.teamsAvailable} / {f.teamsTotal}</dd>
          <dt>{t('consultation.evidence.alerts')}</dt><dd>{f.activeAlerts}</dd>
        </dl>
        <div className="consult-muted">{t('consultation.evidence.map', { center: `${snapshot.map.center[0].toFixed(3)}, ${snapshot.map.center[1].toFixed(3)}`, zoom: snapshot.map.zoom, layers: snapshot.map.layers.join(', ') })}</div>
      </div>
      <DistrictSketch boundaries={boundaries} points={snapshot.map.incidents} view={snapshot.map} width={420} height={300}
        label={t('consultation.kind.evidence')} testId="evidence-map" />
    </div>
  );
}
