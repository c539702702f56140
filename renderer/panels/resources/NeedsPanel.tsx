import { useEffect, useState, type FormEvent } from 'react';
import type { NamedArea } from '../../../shared/domain/namedArea.ts';
import type { CommandNode } from '../../../shared/domain/commandNode.ts';
import type { Depot, Shelter, StockItem } from '../../../shared/domain/resources.ts';
import type { NeedsAssessment } from '../../../shared/ipc/contract.ts';
import { describeError, primaryName } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useConsole } from '../../state/useConsole.ts';
import { enumLabel } from './labels.ts';
import { NeedsProposals } from './NeedsProposals.tsx';

interface Props {
  nodes: CommandNode[] | undefined;
  district: string;
  depots: Depot[] | undefined;
  items: StockItem[] | undefined;
  shelters: Shelter[] | undefined;
  exerciseData: boolean;
}

const number = (value: number, locale: string) => value.toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 1 });

/**
 * Rapid needs assessment: the affected streets or district, the population and the days give
 * the needs by the cited standards, and proposals from the nearest depots that the duty officer
 * turns into allocation requests in one step.
 */
export function NeedsPanel({ nodes, district, depots, items, shelters, exerciseData }: Props) {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const districtsList = (nodes ?? []).filter((n) => n.level === 'district');
  const [chosenDistrict, setChosenDistrict] = useState('');
  const area = chosenDistrict || district || districtsList[0]?.code || '';
  const streets = (nodes ?? []).filter((n) => n.level === 'street' && n.parentCode === area);
  const [streetCodes, setStreetCodes] = useState<string[]>([]);
  const [population, setPopulation] = useState('5000');
  const [days, setDays] = useState('3');
  const [result, setResult] = useState<NeedsAssessment | null>(null);
  const [releaseReserves, setReleaseReserves] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // Areas drawn and named on the map can be assessed directly (their shelters are those inside them).
  const [drawnAreas, setDrawnAreas] = useState<NamedArea[]>([]);
  const [areaId, setAreaId] = useState('');
  useEffect(() => {
    let disposed = false;
    api.map.listAreas({}).then((areas) => { if (!disposed) setDrawnAreas(areas); }, () => undefined);
    return () => { disposed = true; };
  }, [api]);

  // Deliveries may go to any usable shelter of the district, and to those the assessment chose elsewhere (a drawn area).
  const proposed = new Set(result?.proposals.map((p) => p.shelterId) ?? []);
  const deliverable = (shelters ?? []).filter((s) => (s.districtCode === area || proposed.has(s.id)) && (s.state === 'ready' || s.state === 'open' || proposed.has(s.id)));

  const assess = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const people = Number(population);
    const dayCount = Number(days);
    if (!Number.isInteger(people) || people < 1) { setMessage({ ok: false, text: t('resources.needs.badPopulation') }); return; }
    if (!Number.isInteger(dayCount) || dayCount < 1 || dayCount > 90) { setMessage({ ok: false, text: t('resources.needs.badDays') }); return; }
    try {
      const chosen = streetCodes.filter((code) => streets.some((s) => s.code === code));
      setResult(await api.resources.assessNeeds(areaId
        ? { areaId, population: people, days: dayCount, releaseReserves }
        : { areaCodes: chosen.length ? chosen : [area], population: people, days: dayCount, releaseReserves }));
    } catch (error) {
      setResult(null);
      setMessage({ ok: false, text: describeError(error, locale) });
    }
  };

  return (
    <div className="needs" data-testid="needs-panel">
      <form className="report-form needs__form" onSubmit={assess} noValidate>
        <h3 className="report-form__heading">{t('resources.needs.title')}</h3>
        <label className="form-field">
          <span className="form-field__label">{t('resources.col.district')}</span>
          <select className="input" value={area} data-testid="needs-district" onChange={(e) => { setChosenDistrict(e.target.value); setStreetCodes([]); }}>
            {districtsList.map((d) => <option key={d.code} value={d.code}>{primaryName(d, locale)}</option>)}
          </select>
        </label>
        <label className="form-field">
          <span className="form-field__label">{t('resources.needs.streets')}</span>
          <select className="input needs__streets" multiple value={streetCodes} data-testid="needs-streets"
            onChange={(e) => setStreetCodes([...e.target.selectedOptions].map((o) => o.value))}>
            {streets.map((s) => <option key={s.code} value={s.code}>{primaryName(s, locale)}</option>)}
          </select>
        </label>
        <label className="form-field">
          <span className="form-field__label">{t('resources.needs.drawnArea')}</span>
          <select className="input" value={areaId} data-testid="needs-area" onChange={(e) => setAreaId(e.target.value)}>
            <option value="">{t('resources.needs.noDrawnArea')}</option>
            {drawnAreas.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </label>
        <div className="form-row">
          <label className="form-field">
            <span className="form-field__label">{t('resources.needs.population')}</span>
            <input className="input" inputMode="numeric" value={population} data-testid="needs-population" onChange={(e) => setPopulation(e.target.value)} />
          </label>
          <label className="form-field">
            <span className="form-field__label">{t('resources.needs.days')}</span>
            <input className="input" inputMode="numeric" value={days} data-testid="needs-days" onChange={(e) => setDays(e.target.value)} />
          </label>
        </div>
        <label className={`form-check${releaseReserves ? ' form-check--on' : ''}`}>
          <input type="checkbox" checked={releaseReserves} data-testid="needs-release-reserves" onChange={(e) => setReleaseReserves(e.target.checked)} />
          {t('stock.needs.releaseReserve')}
        </label>
        <button type="submit" className="button button--primary" data-testid="needs-assess">{t('resources.needs.assess')}</button>
        {message && <div className={message.ok ? 'form-done' : 'form-issues'} role={message.ok ? 'status' : 'alert'} data-testid="needs-message">{message.text}</div>}
      </form>

      {result && (
        <div className="needs__result" data-testid="needs-result">
          <table className="table" data-testid="needs-table">
            <thead><tr><th>{t('resources.needs.category')}</th><th>{t('resources.needs.perDay')}</th><th>{t('resources.needs.total')}</th><th>{t('resources.needs.covered')}</th><th>{t('resources.needs.shortfall')}</th><th>{t('resources.needs.standard')}</th></tr></thead>
            <tbody>
              {result.needs.map((need) => {
                const coverage = result.coverage.find((c) => c.category === need.category);
                const measure = enumLabel(t, 'resources.measure', need.measure);
                return (
                  <tr key={need.category} data-category={need.category}>
                    <td>{enumLabel(t, 'resources.needCategory', need.category)}</td>
                    <td className="cell-number">{need.perDay === null ? '—' : `${number(need.perDay, locale)} ${measure}`}</td>
                    <td className="cell-number">{number(need.total, locale)} {measure}</td>
                    <td className="cell-number">{coverage ? number(coverage.covered, locale) : ''}</td>
                    <td className={`cell-number${coverage && coverage.shortfall > 0 ? ' cell-alarm' : ''}`}>{coverage ? number(coverage.shortfall, locale) : ''}</td>
                    <td className="needs__standard">{t(`stock.needs.source.${need.category}`)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="needs__shelters" data-testid="needs-shelters">{t('resources.needs.shelters', { count: result.shelters.count, capacity: result.shelters.capacity, free: result.shelters.free })}</p>
          <p className={`needs__space${result.space.missing > 0 ? ' needs__space--missing' : ''}`} data-testid="needs-space">
            {t(result.space.missing > 0 ? 'stock.needs.space' : 'stock.needs.spaceMet', {
              population: number(result.space.population, locale), places: number(result.space.places, locale),
              tents: number(result.space.tents, locale), missing: number(result.space.missing, locale),
            })}
          </p>
          <NeedsProposals assessment={result} depots={depots} items={items} shelters={deliverable} exerciseData={exerciseData} />
        </div>
      )}
    </div>
  );
}
