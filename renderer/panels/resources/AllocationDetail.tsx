import { useEffect, useState } from 'react';
import { ALLOCATION_TRANSITIONS, type Allocation, type AllocationStatus } from '../../../shared/domain/allocation.ts';
import type { Depot } from '../../../shared/domain/resources.ts';
import type { ConsoleApi } from '../../../shared/ipc/contract.ts';
import { describeError, formatTime, primaryName, unitLabel } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useConsole } from '../../state/useConsole.ts';
import { useLiveQuery } from '../../state/useLiveQuery.ts';
import { enumLabel, ledgerAuthor } from './labels.ts';

interface Props {
  allocation: Allocation;
  /** The item's unit, for the depots' availability. */
  unit: string;
  describe(allocation: Allocation): string;
  depots: Depot[] | undefined;
}

const loadAvailability = (api: ConsoleApi) => api.resources.availability({});

const ACTION_KEYS = {
  committed: 'resources.action.commit', dispatched: 'resources.action.dispatch', received: 'resources.action.receive',
  declined: 'resources.action.decline', returned: 'resources.action.return',
} as const;

/** One allocation: its next steps as buttons, and its ledger (who took which step when), live. */
export function AllocationDetail({ allocation, unit, describe, depots }: Props) {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const ledger = useLiveQuery((client: ConsoleApi) => client.resources.allocationLedger({ id: allocation.id }), ['allocationStep']);
  const { reload } = ledger;
  useEffect(() => reload(), [allocation.id, reload]);
  const [depotId, setDepotId] = useState(allocation.sourceDepotId ?? '');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setDepotId(allocation.sourceDepotId ?? '');
    setMessage(null);
  }, [allocation.id, allocation.sourceDepotId]);

  const availability = useLiveQuery(loadAvailability, ['stockMovement', 'allocation']);
  const depotChoice = (depot: Depot) => {
    const entry = availability.data?.find((a) => a.depotId === depot.id && a.itemId === allocation.itemId);
    return `${primaryName(depot, locale)} · ${t('stock.available', { available: Math.max(0, entry?.available ?? 0), unit: unitLabel(unit, locale, entry?.available ?? 0) })}`;
  };
  const steps = ledger.data?.[0]?.allocationId === allocation.id ? ledger.data : [];
  const next = ALLOCATION_TRANSITIONS[allocation.status] as readonly Exclude<AllocationStatus, 'requested'>[];
  const needsDepot = allocation.status === 'requested' && !allocation.sourceDepotId;

  const advance = async (to: Exclude<AllocationStatus, 'requested'>) => {
    if (busy) return;
    if (to === 'committed' && !depotId) {
      setMessage({ ok: false, text: t('resources.allocation.chooseDepot') });
      return;
    }
    setBusy(true);
    try {
      const result = await api.resources.advanceAllocation({ id: allocation.id, to, ...(to === 'committed' && depotId ? { sourceDepotId: depotId } : {}) });
      setMessage({ ok: true, text: t('resources.allocation.now', { status: enumLabel(t, 'resources.allocationStatus', result.status) }) });
    } catch (error) {
      setMessage({ ok: false, text: describeError(error, locale) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="allocation-detail" data-testid="allocation-detail" data-status={allocation.status}>
      <h3 className="report-form__heading">{t('resources.allocation.title')}</h3>
      <div className="allocation-detail__what">{describe(allocation)}</div>
      <div className="allocation-detail__status">
        {t('resources.col.status')}{locale === 'en' ? ': ' : '：'}<strong className={`status status--${allocation.status}`} data-testid="allocation-status">{enumLabel(t, 'resources.allocationStatus', allocation.status)}</strong>
      </div>
      {needsDepot && next.includes('committed') && (
        <label className="form-field">
          <span className="form-field__label">{t('resources.request.sourceDepot')}</span>
          <select className="input" value={depotId} data-testid="allocation-depot" onChange={(e) => setDepotId(e.target.value)}>
            <option value="">{t('resources.allocation.chooseDepot')}</option>
            {(depots ?? []).map((d) => <option key={d.id} value={d.id}>{depotChoice(d)}</option>)}
          </select>
        </label>
      )}
      <div className="allocation-detail__actions">
        {next.map((to) => (
          <button key={to} type="button" className={`button${to === 'declined' || to === 'returned' ? ' button--quiet' : ' button--go'}`} disabled={busy}
            onClick={() => advance(to)} data-testid={`allocation-${to}`}>{t(ACTION_KEYS[to])}</button>
        ))}
        {next.length === 0 && <span className="cell-secondary">{t('resources.allocation.final')}</span>}
      </div>
      {message && <div className={message.ok ? 'form-done' : 'form-issues'} role={message.ok ? 'status' : 'alert'}>{message.text}</div>}
      <h4 className="allocation-detail__ledger-title">{t('resources.allocation.ledger')}</h4>
      <ol className="ledger" data-testid="allocation-ledger">
        {steps.map((step) => (
          <li key={step.id} className="ledger__step" data-step={step.step}>
            <span className={`status status--${step.step}`}>{enumLabel(t, 'resources.allocationStatus', step.step)}</span>
            <span className="cell-code">{formatTime(step.at, locale)}</span>
            <span className="cell-secondary" data-testid="ledger-by">{t('resources.allocation.by', { by: ledgerAuthor(step, t) })}</span>
            {step.note && <span className="ledger__note">{step.note}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
