import { useEffect, useMemo, useState } from 'react';
import type { Depot, Shelter, StockItem } from '../../../shared/domain/resources.ts';
import type { NeedsAssessment } from '../../../shared/ipc/contract.ts';
import { describeError, primaryName, unitLabel } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useConsole } from '../../state/useConsole.ts';
import { namesById } from './labels.ts';

interface Props {
  assessment: NeedsAssessment;
  depots: Depot[] | undefined;
  items: StockItem[] | undefined;
  /** The shelters a delivery may go to (the area's usable ones). */
  shelters: Shelter[];
  exerciseData: boolean;
}

interface Row { picked: boolean; quantity: string; shelterId: string }

const figures = (value: number, locale: string) => value.toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 1 });

/**
 * The assessment's proposals as a list the duty officer edits: pick which to use, change a
 * quantity or the shelter it goes to, then confirm before any request is written.
 */
export function NeedsProposals({ assessment, depots, items, shelters, exerciseData }: Props) {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const fallbackShelter = shelters[0]?.id ?? '';
  const initial = useMemo(() => assessment.proposals.map((p): Row => ({ picked: true, quantity: String(p.quantity), shelterId: p.shelterId ?? fallbackShelter })), [assessment, fallbackShelter]);
  const [rows, setRows] = useState<Row[]>(initial);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => { setRows(initial); setMessage(null); setConfirming(false); }, [initial]);

  const depotNames = namesById(depots, locale);
  const itemNames = namesById(items, locale);
  const units = new Map((items ?? []).map((i) => [i.id, i.unit]));
  const change = (index: number, patch: Partial<Row>) => setRows((previous) => previous.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const picked = rows.map((row, index) => ({ row, index })).filter(({ row }) => row.picked);

  const review = () => {
    setMessage(null);
    if (picked.length === 0) { setMessage({ ok: false, text: t('stock.needs.none') }); return; }
    const bad = picked.find(({ row }) => !/^\d+$/.test(row.quantity.trim()) || Number(row.quantity) < 1);
    if (bad) { setMessage({ ok: false, text: t('stock.needs.badQuantity', { row: bad.index + 1 }) }); return; }
    if (picked.some(({ row }) => !row.shelterId)) { setMessage({ ok: false, text: t('resources.request.noDestination') }); return; }
    setConfirming(true);
  };

  const create = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const created = await api.resources.requestAllocations({
        requests: picked.map(({ row, index }) => {
          const proposal = assessment.proposals[index]!;
          return {
            itemId: proposal.itemId, quantity: Number(row.quantity), sourceDepotId: proposal.depotId,
            destination: { kind: 'shelter' as const, id: row.shelterId }, exercise: exerciseData, note: t('resources.needs.requestNote'),
          };
        }),
      });
      setMessage({ ok: true, text: t('resources.needs.created', { count: created.length }) });
    } catch (error) {
      setMessage({ ok: false, text: describeError(error, locale) });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  const chosenShelters = new Set(picked.map(({ row }) => row.shelterId)).size;
  const chosenDepots = new Set(picked.map(({ index }) => assessment.proposals[index]!.depotId)).size;
  return (
    <>
      <h4>{t('resources.needs.proposals', { count: assessment.proposals.length })}</h4>
      {assessment.reservesKept && <p className="dialog__hint" data-testid="needs-reserve-kept">{t('stock.needs.reserveKept')}</p>}
      <table className="table" data-testid="needs-proposals">
        <thead>
          <tr>
            <th>{t('stock.needs.pick')}</th><th>{t('resources.col.item')}</th><th>{t('resources.col.quantity')}</th><th>{t('resources.col.unit')}</th>
            <th>{t('resources.col.sourceDepot')}</th><th>{t('stock.needs.shelter')}</th><th>{t('resources.needs.distance')}</th>
          </tr>
        </thead>
        <tbody>
          {assessment.proposals.map((p, index) => {
            const row = rows[index] ?? { picked: false, quantity: '', shelterId: '' };
            return (
              <tr key={`${p.depotId}/${p.itemId}/${p.shelterId ?? ''}/${index}`} data-testid="needs-proposal" data-picked={row.picked}>
                <td><input type="checkbox" className="needs__pick" checked={row.picked} aria-label={t('stock.needs.pick')} onChange={(e) => change(index, { picked: e.target.checked })} /></td>
                <td>{itemNames.get(p.itemId) ?? p.itemId}</td>
                <td><input className="input needs__quantity" inputMode="numeric" value={row.quantity} data-testid="needs-proposal-quantity" onChange={(e) => change(index, { quantity: e.target.value })} /></td>
                <td>{unitLabel(units.get(p.itemId) ?? '', locale, Number(row.quantity))}</td>
                <td>{depotNames.get(p.depotId) ?? p.depotId}</td>
                <td>
                  <select className="input" value={row.shelterId} data-testid="needs-proposal-shelter" onChange={(e) => change(index, { shelterId: e.target.value })}>
                    {shelters.map((s) => <option key={s.id} value={s.id}>{primaryName(s, locale)}</option>)}
                  </select>
                </td>
                <td className="cell-number">{figures(p.distanceKm, locale)} km</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="needs__create">
        <span className="board__count" data-testid="needs-selected">{t('stock.needs.selectedCount', { count: picked.length })}</span>
        <button type="button" className="button button--go" disabled={busy || assessment.proposals.length === 0} onClick={review} data-testid="needs-create">
          {t('resources.needs.create', { count: picked.length })}
        </button>
      </div>
      {message && <div className={message.ok ? 'form-done' : 'form-issues'} role={message.ok ? 'status' : 'alert'} data-testid="needs-create-message">{message.text}</div>}
      {confirming && (
        <div className="dialog-backdrop" role="presentation">
          <div className="report-form dialog" role="dialog" aria-modal="true" aria-labelledby="needs-confirm-title" data-testid="needs-confirm">
            <h3 id="needs-confirm-title" className="report-form__heading">{t('stock.needs.confirmTitle')}</h3>
            <p>{t('stock.needs.confirmBody', { count: picked.length, shelters: chosenShelters, depots: chosenDepots })}</p>
            <div className="dialog__buttons">
              <button type="button" className="button" onClick={() => setConfirming(false)} data-testid="needs-confirm-cancel">{t('stock.needs.cancel')}</button>
              <button type="button" className="button button--go" disabled={busy} onClick={create} data-testid="needs-confirm-ok">{t('stock.needs.confirm')}</button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
