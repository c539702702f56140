import { useState } from 'react';
import { useI18n } from '../../i18n/useI18n.ts';
import { MapPickDialog } from './MapPickDialog.tsx';

export type Point = { lon: number; lat: number } | null;

/** The incident's position: picked on a map of the districts, or typed as longitude and latitude. */
export function LocationField({ value, onChange, invalid }: { value: Point; onChange(point: Point): void; invalid: boolean }) {
  const { t } = useI18n();
  const [picking, setPicking] = useState(false);
  const [lonText, setLonText] = useState<string | null>(null);
  const [latText, setLatText] = useState<string | null>(null);
  const typed = (lon: string, lat: string) => {
    setLonText(lon);
    setLatText(lat);
    const [x, y] = [Number(lon), Number(lat)];
    if (lon.trim() && lat.trim() && Number.isFinite(x) && Number.isFinite(y)) onChange({ lon: x, lat: y });
    else if (!lon.trim() && !lat.trim()) onChange(null);
  };
  const lon = lonText ?? (value ? String(value.lon) : '');
  const lat = latText ?? (value ? String(value.lat) : '');
  return (
    <fieldset className="form-field form-field--group">
      <legend className="form-field__label">{t('report.field.point')}</legend>
      <div className="form-row">
        <input className="input" inputMode="decimal" aria-label={t('report.field.lon')} placeholder={t('report.field.lon')} value={lon}
          aria-invalid={invalid || undefined} data-testid="report-lon" onChange={(event) => typed(event.target.value, lat)} />
        <input className="input" inputMode="decimal" aria-label={t('report.field.lat')} placeholder={t('report.field.lat')} value={lat}
          aria-invalid={invalid || undefined} data-testid="report-lat" onChange={(event) => typed(lon, event.target.value)} />
      </div>
      <div className="consult-inline">
        <button type="button" className="button button--small" data-testid="report-pick" onClick={() => setPicking(true)}>{t('report.field.pickOnMap')}</button>
        {value
          ? <button type="button" className="button button--small" onClick={() => { setLonText(null); setLatText(null); onChange(null); }}>{t('report.field.clearPoint')}</button>
          : <span className="consult-muted">{t('report.field.noPoint')}</span>}
      </div>
      {picking && (
        <MapPickDialog initial={value} onCancel={() => setPicking(false)} onUse={(point) => {
          setLonText(null);
          setLatText(null);
          onChange(point);
          setPicking(false);
        }} />
      )}
    </fieldset>
  );
}
