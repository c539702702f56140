import { useState } from 'react';
import type { ConsoleApi } from '../../../shared/ipc/contract.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useLiveQuery } from '../../state/useLiveQuery.ts';
import { DistrictSketch } from './DistrictSketch.tsx';

const loadBoundaries = (api: ConsoleApi) => api.map.boundaries({});

/** A small map of the district outlines to click the incident's position on. */
export function MapPickDialog({ initial, onUse, onCancel }: { initial: { lon: number; lat: number } | null; onUse(position: { lon: number; lat: number }): void; onCancel(): void }) {
  const { t } = useI18n();
  const boundaries = useLiveQuery(loadBoundaries, ['boundary']);
  const [picked, setPicked] = useState(initial);
  const districts = (boundaries.data ?? []).filter((boundary) => boundary.level === 'district');
  return (
    <div className="consult-dialog" role="dialog" aria-modal="true" aria-labelledby="map-pick-title" data-testid="map-pick-dialog"
      onKeyDown={(event) => { if (event.key === 'Escape') onCancel(); }}>
      <div className="consult-dialog__card">
        <h3 id="map-pick-title" className="report-form__heading">{t('report.pick.title')}</h3>
        <p className="consult-muted">{t('report.pick.hint')}</p>
        <DistrictSketch boundaries={districts} width={640} height={520} picked={picked} onPick={setPicked} label={t('report.pick.title')} testId="map-pick" />
        <div className="consult-dialog__actions">
          <span className="cell-code" data-testid="map-pick-position">{picked ? `${picked.lon.toFixed(5)}, ${picked.lat.toFixed(5)}` : t('report.pick.none')}</span>
          <span className="board__spacer" />
          <button type="button" className="button" onClick={onCancel}>{t('report.pick.cancel')}</button>
          <button type="button" className="button button--primary consult-primary" disabled={!picked} data-testid="map-pick-use" onClick={() => picked && onUse(picked)}>{t('report.pick.use')}</button>
        </div>
      </div>
    </div>
  );
}
