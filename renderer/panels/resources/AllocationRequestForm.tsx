import { useId, useState, type FormEvent } from 'react';
import type { Allocation } from '../../../shared/domain/allocation.ts';
import type { Incident } from '../../../shared/domain/incident.ts';
import type { Depot, Shelter, StockItem } from '../../../shared/domain/resources.ts';
import type { ConsoleApi } from '../../../shared/ipc/contract.ts';
import { describeError, primaryName, unitLabel } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useConsole } from '../../state/useConsole.ts';
import { useLiveQuery } from '../../state/useLiveQuery.ts';

const loadAvailability = (api: ConsoleApi) => api.resources.availability({});

interface Props {
  items: StockItem[] | undefined;
  depots: Depot[] | undefined;
  shelters: Shelter[] | undefined;
  incidents: Incident[] | undefined;
  /** Only depots and shelters of this district are offered ('' for all). */
  district: string;
  exerciseData: boolean;
  onRequested(allocation: Allocation): void;
}

/** Requests supplies of one item for a shelter or an incident, optionally from a named depot. */
export function AllocationRequestForm({ items, depots, shelters, incidents, district, exerciseData, onRequested }: Props) {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const id = useId();
  const [itemId, setItemId] = useState('');
  const [quantity, setQuantity] = useState('');
  const [depotId, setDepotId] = useState('');
  const [kind, setKind] = useState<'shelter' | 'incident'>('shelter');
  const [destinationId, setDestinationId] = useState('');
  const [note, setNote] = useState('');
  const [exerciseChoice, setExerciseChoice] = useState<boolean | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const inDistrict = <R extends { districtCode: string }>(records: R[] | undefined) => (records ?? []).filter((r) => !district || r.districtCode === district);
  const depotChoices = inDistrict(depots);
  const destinations = kind === 'shelter'
    ? inDistrict(shelters).map((s) => ({ id: s.id, label: primaryName(s, locale) }))
    : (incidents ?? []).filter((i) => i.status !== 'closed').map((i) => ({ id: i.id, label: i.title }));
  const item = itemId || items?.[0]?.id || '';
  const destination = destinations.some((d) => d.id === destinationId) ? destinationId : destinations[0]?.id ?? '';
  const exercise = exerciseChoice ?? exerciseData;
  const availability = useLiveQuery(loadAvailability, ['stockMovement', 'allocation']);
  const unit = items?.find((i) => i.id === item)?.unit ?? '';
  const availableAt = (depot: string) => Math.max(0, availability.data?.find((a) => a.depotId === depot && a.itemId === item)?.available ?? 0);
  const amount = Number(quantity);
  const short = depotId !== '' && Number.isInteger(amount) && amount > availableAt(depotId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!Number.isInteger(amount) || amount < 1) {
      setOutcome({ ok: false, text: t('resources.request.badQuantity') });
      return;
    }
    if (!destination) {
      setOutcome({ ok: false, text: t('resources.request.noDestination') });
      return;
    }
    setBusy(true);
    try {
      const allocation = await api.resources.requestAllocation({
        itemId: item, quantity: amount, destination: { kind, id: destination }, exercise,
        ...(depotId ? { sourceDepotId: depotId } : {}), ...(note.trim() ? { note: note.trim() } : {}),
      });
      setOutcome({ ok: true, text: t('resources.request.done') });
      setQuantity('');
      setNote('');
      onRequested(allocation);
    } catch (error) {
      setOutcome({ ok: false, text: describeError(error, locale) });
    } finally {
      setBusy(false);
    }
  };

  const field = (name: string) => `${id}-${name}`;
  return (
    <form className="report-form" onSubmit={submit} noValidate data-testid="allocation-request">
      <h3 className="report-form__heading">{t('resources.request.title')}</h3>
      {outcome && <div className={outcome.ok ? 'form-done' : 'form-issues'} role={outcome.ok ? 'status' : 'alert'} data-testid="allocation-request-outcome">{outcome.text}</div>}
      <div className="form-row">
        <label className="form-field" htmlFor={field('item')}>
          <span className="form-field__label">{t('resources.col.item')}</span>
          <select id={field('item')} className="input" value={item} data-testid="request-item" onChange={(e) => setItemId(e.target.value)}>
            {(items ?? []).map((i) => <option key={i.id} value={i.id}>{primaryName(i, locale)}{locale === 'en' ? ` (${unitLabel(i.unit, locale)})` : `（${i.unit}）`}</option>)}
          </select>
        </label>
        <label className="form-field" htmlFor={field('quantity')}>
          <span className="form-field__label">{t('resources.col.quantity')}</span>
          <input id={field('quantity')} className="input" inputMode="numeric" value={quantity} data-testid="request-quantity" onChange={(e) => setQuantity(e.target.value)} />
        </label>
      </div>
      <label className="form-field" htmlFor={field('depot')}>
        <span className="form-field__label">{t('resources.request.sourceDepot')}</span>
        <select id={field('depot')} className="input" value={depotId} data-testid="request-depot" onChange={(e) => setDepotId(e.target.value)}>
          <option value="">{t('resources.request.depotLater')}</option>
          {depotChoices.map((d) => (
            <option key={d.id} value={d.id}>{primaryName(d, locale)} · {t('stock.available', { available: availableAt(d.id), unit: unitLabel(unit, locale, availableAt(d.id)) })}</option>
          ))}
        </select>
      </label>
      {short && (
        <div className="form-warning" role="status" data-testid="request-warning">
          {t('stock.requestWarning', { available: availableAt(depotId), quantity: amount, unit: unitLabel(unit, locale, amount) })}
        </div>
      )}
      <div className="form-row">
        <label className="form-field" htmlFor={field('kind')}>
          <span className="form-field__label">{t('resources.request.destinationKind')}</span>
          <select id={field('kind')} className="input" value={kind} data-testid="request-destination-kind" onChange={(e) => setKind(e.target.value as 'shelter' | 'incident')}>
            <option value="shelter">{t('resources.destination.shelter')}</option>
            <option value="incident">{t('resources.destination.incident')}</option>
          </select>
        </label>
        <label className="form-field" htmlFor={field('destination')}>
          <span className="form-field__label">{t('resources.col.destination')}</span>
          <select id={field('destination')} className="input" value={destination} data-testid="request-destination" onChange={(e) => setDestinationId(e.target.value)}>
            {destinations.map((d) => <option key={d.id} value={d.id}>{d.label}</option>)}
          </select>
        </label>
      </div>
      <label className="form-field" htmlFor={field('note')}>
        <span className="form-field__label">{t('resources.request.note')}</span>
        <input id={field('note')} className="input" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      </label>
      <label className={`form-check${exercise ? ' form-check--on' : ''}`}>
        <input type="checkbox" checked={exercise} onChange={(e) => setExerciseChoice(e.target.checked)} />
        {t('resources.request.exercise')}
      </label>
      <button type="submit" className="button button--primary" disabled={busy || !items?.length} data-testid="request-submit">{t('resources.request.submit')}</button>
    </form>
  );
}
