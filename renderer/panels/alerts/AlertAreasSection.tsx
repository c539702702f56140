import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { AlertArea } from '../../../shared/domain/alert.ts';
import type { CommandNode } from '../../../shared/domain/commandNode.ts';
import type { NamedArea } from '../../../shared/domain/namedArea.ts';
import { primaryName } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { AreaDrawMap, type PreviewArea } from '../../map/AreaDrawMap.tsx';
import type { DrawnShape } from '../../map/mapTools.ts';
import { formToDraft, type ComposerForm } from './composerForm.ts';
import { drawnDescription, drawnToArea, nextDrawnNumber } from './drawnAreas.ts';

interface Props {
  form: ComposerForm;
  set(patch: Partial<ComposerForm>): void;
  nodes: CommandNode[] | undefined;
  namedAreas: NamedArea[] | undefined;
  areaNames: Map<string, string>;
}

/** What a shape area is, in a few words: its kind and size. */
function summary(area: AlertArea, t: ReturnType<typeof useI18n>['t']): string {
  const parts = [
    ...[area.polygon, ...(area.morePolygons ?? [])].flatMap((ring) => (ring ? [t('alertAreas.polygonSummary', { count: ring.length - 1 })] : [])),
    ...(area.circles ?? []).map((circle) => t('alertAreas.circleSummary', { radius: circle.radiusKm.toFixed(circle.radiusKm >= 10 ? 1 : 2) })),
  ];
  return parts.length > 0 ? parts.join('；') : t('alertAreas.otherSummary', { codes: area.codes.length + (area.geocodes?.length ?? 0) });
}

/**
 * The composer's areas: a small map to draw polygons and circles on, the drawn areas listed with
 * their descriptions (editable; CAP requires one), and districts, streets and named areas to pick;
 * everything chosen is shown on the map together.
 */
export function AlertAreasSection({ form, set, nodes, namedAreas, areaNames }: Props) {
  const { t, locale } = useI18n();
  const id = useId();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // A new drawing's description takes the focus, so the officer can name it straight away.
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (focusIndex === null) return;
    listRef.current?.querySelectorAll('input')[focusIndex]?.select();
    setFocusIndex(null);
  }, [focusIndex]);
  const districts = useMemo(() => (nodes ?? []).filter((node) => node.level === 'district'), [nodes]);
  const streets = useMemo(() => (nodes ?? []).filter((node) => node.level === 'street'), [nodes]);
  const selected = (element: HTMLSelectElement) => [...element.selectedOptions].map((option) => option.value);
  const toggle = (list: readonly string[], value: string) => (list.includes(value) ? list.filter((item) => item !== value) : [...list, value]);

  const preview = useMemo((): PreviewArea[] => [
    ...[...form.districtCodes, ...form.streetCodes].map((code) => ({ area: { description: code, codes: [code] } })),
    ...(namedAreas ?? []).filter((area) => form.namedAreaIds.includes(area.id)).map((area) => ({ area: { description: area.name, codes: [], polygon: area.ring } })),
    ...form.keptAreas.map((area, index) => ({ area, label: String(index + 1) })),
  ], [form.districtCodes, form.streetCodes, form.namedAreaIds, form.keptAreas, namedAreas]);

  const drawn = (shape: DrawnShape) => {
    const count = (formToDraft(form, areaNames).areas?.length ?? 0) + form.namedAreaIds.length;
    const outcome = drawnToArea(shape, drawnDescription(nextDrawnNumber(form.keptAreas)), count);
    if ('problem' in outcome) {
      setMessage({ ok: false, text: t(outcome.problem.key, outcome.problem.params) });
      return;
    }
    set({ keptAreas: [...form.keptAreas, outcome.area] });
    setFocusIndex(form.keptAreas.length);
    setMessage({ ok: true, text: t('alertAreas.added', { name: outcome.area.description }) });
  };
  const describe = (index: number, description: string) => set({ keptAreas: form.keptAreas.map((area, position) => (position === index ? { ...area, description } : area)) });
  const remove = (index: number) => {
    set({ keptAreas: form.keptAreas.filter((_, position) => position !== index) });
    setMessage(null);
  };

  return (
    <fieldset className="form-field form-field--group alert-areas" data-testid="alert-areas">
      <legend className="form-field__label">{t('alertAreas.legend')}</legend>
      <span className="alert-composer__hint">{t('alertAreas.intro')}</span>
      <AreaDrawMap areas={preview} severity={form.severity} onDrawn={drawn} />
      {message && (
        <div className={message.ok ? 'alert-areas__added' : 'form-issues'} role={message.ok ? 'status' : 'alert'} data-testid="alert-area-message">{message.text}</div>
      )}
      <h4 className="alert-areas__heading">{t('alertAreas.drawnList')}</h4>
      {form.keptAreas.length === 0 ? <span className="alert-composer__hint">{t('alertAreas.none')}</span> : (
        <ol ref={listRef} className="alert-areas__list" data-testid="alert-area-list">
          {form.keptAreas.map((area, index) => (
            <li key={index} className="alert-areas__item" data-testid="alert-area-item">
              <span className="alert-areas__number">{index + 1}</span>
              <label className="alert-areas__field" htmlFor={`${id}-area-${index}`}>
                <span className="alert-areas__summary">{summary(area, t)}</span>
                <input id={`${id}-area-${index}`} className="input" value={area.description} maxLength={400} data-testid={`alert-area-desc-${index}`}
                  aria-description={t('alertAreas.description')} placeholder={t('alertAreas.description')}
                  aria-invalid={area.description.trim() === ''} onChange={(event) => describe(index, event.target.value)} />
              </label>
              <button type="button" className="button button--small" data-testid={`alert-area-remove-${index}`} onClick={() => remove(index)}>{t('alertAreas.remove')}</button>
            </li>
          ))}
        </ol>
      )}
      <div className="form-row">
        <label className="form-field" htmlFor={`${id}-districts`}>
          <span className="form-field__label">{t('alerts.field.districts')}</span>
          <select id={`${id}-districts`} className="input alert-composer__areas" multiple value={form.districtCodes} data-testid="alert-districts"
            onChange={(event) => set({ districtCodes: selected(event.target) })}>
            {districts.map((node) => <option key={node.code} value={node.code}>{primaryName(node, locale)}</option>)}
          </select>
        </label>
        <label className="form-field" htmlFor={`${id}-streets`}>
          <span className="form-field__label">{t('alerts.field.streets')}</span>
          <select id={`${id}-streets`} className="input alert-composer__areas" multiple value={form.streetCodes} data-testid="alert-streets"
            onChange={(event) => set({ streetCodes: selected(event.target) })}>
            {streets.map((node) => <option key={node.code} value={node.code}>{primaryName(node, locale)}</option>)}
          </select>
        </label>
      </div>
      <div className="form-field form-field--group">
        <span className="form-field__label">{t('alerts.field.namedAreas')}</span>
        {namedAreas && namedAreas.length > 0 ? (
          <div className="alert-composer__chips">
            {namedAreas.map((area) => (
              <label key={area.id} className={`chip${form.namedAreaIds.includes(area.id) ? ' chip--on' : ''}`}>
                <input type="checkbox" checked={form.namedAreaIds.includes(area.id)} onChange={() => set({ namedAreaIds: toggle(form.namedAreaIds, area.id) })} />
                {area.name}
              </label>
            ))}
          </div>
        ) : <span className="alert-composer__hint">{t('alerts.field.noNamedAreas')}</span>}
      </div>
    </fieldset>
  );
}
