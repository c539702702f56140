import { useState } from 'react';
import { AreaPurpose } from '../../shared/domain/namedArea.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { formatMeasure, type DrawnShape, type Measurement } from './mapTools.ts';

const HINTS = { drawPolygon: 'map.tool.drawHint', drawCircle: 'map.tool.circleHint', measureLength: 'map.tool.measureHint', measureArea: 'map.tool.measureHint' } as const;

/** The strip along the map's foot: what the tool expects, the measurement, and the form that names a drawn area. */
export function MapHint({ tool, measurement, drawn, onSave, onCancel }: {
  tool: keyof typeof HINTS | null;
  measurement: Measurement | null;
  drawn: DrawnShape | null;
  onSave(name: string, purpose: AreaPurpose): Promise<boolean>;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState<AreaPurpose>('general');
  if (!tool && !drawn) return null;
  const submit = async () => {
    if (name.trim() === '') return;
    if (await onSave(name.trim(), purpose)) {
      setName('');
      setPurpose('general');
    }
  };
  return (
    <div className="map-hint" data-testid="map-hint">
      {tool && <span>{t(HINTS[tool])}</span>}
      {tool && measurement && (
        <span className="map-hint__value" data-testid="map-measure">
          {t(measurement.kind === 'length' ? 'map.measure.length' : 'map.measure.area', { value: formatMeasure(measurement.value) })}
        </span>
      )}
      {drawn && (
        <form onSubmit={(event) => { event.preventDefault(); void submit(); }}>
          <label htmlFor="map-area-name">{t('map.area.nameLabel')}</label>
          <input id="map-area-name" className="input" value={name} maxLength={120} autoFocus data-testid="map-area-name-input"
            onChange={(event) => setName(event.target.value)} />
          <label htmlFor="map-area-purpose">{t('map.area.purposeLabel')}</label>
          <select id="map-area-purpose" className="input map-tools__select" value={purpose} data-testid="map-area-purpose"
            onChange={(event) => setPurpose(AreaPurpose.parse(event.target.value))}>
            {AreaPurpose.options.map((option) => <option key={option} value={option}>{t(`map.purpose.${option}`)}</option>)}
          </select>
          <button type="submit" className="button button--small" disabled={name.trim() === ''} data-testid="map-area-save">{t('map.area.save')}</button>
          <button type="button" className="button button--small" onClick={onCancel}>{t('map.area.cancel')}</button>
        </form>
      )}
    </div>
  );
}
