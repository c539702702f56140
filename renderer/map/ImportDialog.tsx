import { useState } from 'react';
import type { StormSummary } from '../../shared/hazard/cmaBestTrack.ts';
import { describeError } from '../i18n/display.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { useConsole } from '../state/useConsole.ts';

/** The WebSocket host takes messages up to 1 MiB; larger files go through the CLI. */
const BROWSER_LIMIT_BYTES = 1024 * 1024 - 4096;

type Kind = 'boundaries' | 'tracks';
type Outcome = { ok: true; text: string } | { ok: false; text: string } | null;

/** Imports a GeoJSON region pack (with an explicit datum) or typhoon tracks (CMA or GeoJSON) from a file the officer picks. */
export function ImportDialog({ onClose }: { onClose(): void }) {
  const { api } = useConsole();
  const { t, locale } = useI18n();
  const [kind, setKind] = useState<Kind>('boundaries');
  const [crs, setCrs] = useState<'wgs84' | 'gcj02' | ''>('');
  const [format, setFormat] = useState<'cmaBestTrack' | 'geojson'>('cmaBestTrack');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const run = async () => {
    if (!file) {
      setOutcome({ ok: false, text: t('map.import.chooseFile') });
      return;
    }
    if (file.size > BROWSER_LIMIT_BYTES) {
      setOutcome({ ok: false, text: t('map.import.tooLarge') });
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      const text = await file.text();
      if (kind === 'boundaries') {
        const result = await api.map.importBoundaries({ fileName: file.name, text, crs: crs as 'wgs84' | 'gcj02' });
        setOutcome({ ok: true, text: t('map.import.doneBoundaries', { count: result.imported, district: result.byLevel.district, street: result.byLevel.street }) });
      } else {
        const storms: StormSummary[] = await api.hazards.importTracks({ fileName: file.name, text, format });
        setOutcome({ ok: true, text: t('map.import.doneTracks', { count: storms.length, names: storms.map((s) => `${s.number} ${s.name}`).join('、') }) });
      }
    } catch (error) {
      // The core's message names the file, the feature and the problem in both languages.
      const detail = error instanceof Error && error.message ? error.message : describeError(error, locale);
      setOutcome({ ok: false, text: detail });
    } finally {
      setBusy(false);
    }
  };

  const ready = file !== null && (kind === 'tracks' || crs !== '');
  return (
    <div className="map-dialog" role="dialog" aria-modal="true" aria-labelledby="map-import-title" data-testid="map-import-dialog">
      <div className="map-dialog__box">
        <h3 id="map-import-title" className="map-card__title">{t('map.import.title')}</h3>
        <fieldset className="map-dialog__group">
          {(['boundaries', 'tracks'] as const).map((value) => (
            <label key={value} className="map-dialog__choice">
              <input type="radio" name="import-kind" value={value} checked={kind === value} data-testid={`import-kind-${value}`}
                onChange={() => { setKind(value); setOutcome(null); }} />
              {t(`map.import.kind.${value}`)}
            </label>
          ))}
        </fieldset>
        <label className="map-dialog__field">
          <span>{t('map.import.file')}</span>
          <input type="file" accept={kind === 'boundaries' ? '.geojson,.json' : '.txt,.geojson,.json'} data-testid="import-file"
            onChange={(event) => { setFile(event.target.files?.[0] ?? null); setOutcome(null); }} />
        </label>
        {kind === 'boundaries' ? (
          <fieldset className="map-dialog__group">
            <legend>{t('map.import.crs')}</legend>
            {(['wgs84', 'gcj02'] as const).map((value) => (
              <label key={value} className="map-dialog__choice">
                <input type="radio" name="import-crs" value={value} checked={crs === value} data-testid={`import-crs-${value}`} onChange={() => setCrs(value)} />
                {t(`map.import.crs.${value}`)}
              </label>
            ))}
            <p className="map-dialog__note">{t('map.import.crsNote')}</p>
          </fieldset>
        ) : (
          <fieldset className="map-dialog__group">
            <legend>{t('map.import.format')}</legend>
            {([['cmaBestTrack', 'cma'], ['geojson', 'geojson']] as const).map(([value, label]) => (
              <label key={value} className="map-dialog__choice">
                <input type="radio" name="import-format" value={value} checked={format === value} data-testid={`import-format-${label}`} onChange={() => setFormat(value)} />
                {t(`map.import.format.${label}`)}
              </label>
            ))}
          </fieldset>
        )}
        {outcome && (
          <div className={`map-dialog__outcome map-dialog__outcome--${outcome.ok ? 'ok' : 'error'}`} role={outcome.ok ? 'status' : 'alert'} data-testid="import-outcome">
            {!outcome.ok && <strong>{t('map.import.failed')}</strong>}
            <div>{outcome.text}</div>
          </div>
        )}
        <div className="map-dialog__actions">
          <button type="button" className="button" onClick={onClose} data-testid="import-close">{t('map.import.close')}</button>
          <button type="button" className="button map-dialog__go" disabled={!ready || busy} onClick={() => void run()} data-testid="import-run">{t('map.import.run')}</button>
        </div>
      </div>
    </div>
  );
}
