import { lazy, Suspense, useMemo, useState } from 'react';
import { useI18n } from '../../i18n/useI18n.ts';
import { LinkEditor } from './LinkEditor.tsx';
import { NetworkAlarms } from './NetworkAlarms.tsx';
import { NetworkTable } from './NetworkTable.tsx';
import { NetworkTree } from './NetworkTree.tsx';
import { countStates, filterRows } from './networkRows.ts';
import { TopologyImportButton } from './TopologyImportButton.tsx';
import { UplinkChannel } from './UplinkChannel.tsx';
import { useChannelSwitches, useNetworkAlarms, useNetworkView } from './useNetwork.ts';
import './network.css';

const LARGE_KEY = 'network.largeType';
// ECharts is large: its chunk loads the first time a chart is shown, not with the console.
const LinkChart = lazy(() => import('./LinkChart.tsx').then((module) => ({ default: module.LinkChart })));

/** The whole command network at a glance, live: tree, table, alarms and a chart of the link picked. */
export function NetworkPanel() {
  const { t, locale } = useI18n();
  const view = useNetworkView();
  const alarms = useNetworkAlarms();
  const switches = useChannelSwitches();
  const [selected, setSelected] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [problemsOnly, setProblemsOnly] = useState(false);
  const [large, setLarge] = useState(() => globalThis.localStorage?.getItem(LARGE_KEY) === '1');
  const rows = useMemo(() => view.data?.rows ?? [], [view.data]);
  const shown = useMemo(() => filterRows(rows, filter, problemsOnly), [rows, filter, problemsOnly]);
  const counts = useMemo(() => countStates(rows), [rows]);
  const names = useMemo(() => new Map(rows.map((row) => [row.code, locale === 'en' && row.nameEn ? row.nameEn : row.name])), [rows, locale]);
  const pick = selected ?? view.data?.selfCode ?? null;
  const pickedRow = rows.find((row) => row.code === pick);
  const toggleLarge = () => setLarge((value) => {
    globalThis.localStorage?.setItem(LARGE_KEY, value ? '0' : '1');
    return !value;
  });

  return (
    <section className={`panel network-panel${large ? ' network-panel--large' : ''}`} aria-labelledby="network-title" data-testid="panel-network">
      <header className="panel__header">
        <h2 id="network-title" className="panel__title">{t('network.title')}</h2>
        <span className="panel__summary" data-testid="network-summary">{t('network.summary', counts)}</span>
        {counts.unreachable > 0 && <span className="network-unreachable" data-testid="network-unreachable">{t('network.unreachable', { count: counts.unreachable })}</span>}
        <div className="panel__toolbar">
          <input className="input network-filter" type="search" placeholder={t('network.filter')} value={filter} onChange={(event) => setFilter(event.target.value)} data-testid="network-filter" />
          <label className="form-check"><input type="checkbox" checked={problemsOnly} onChange={(event) => setProblemsOnly(event.target.checked)} data-testid="network-problems" />{t('network.onlyProblems')}</label>
          <button type="button" className={`button${large ? ' button--on' : ''}`} aria-pressed={large} title={t('network.largeTypeTitle')} onClick={toggleLarge} data-testid="network-large">{t('network.largeType')}</button>
          <UplinkChannel />
          <TopologyImportButton />
        </div>
      </header>
      <div className="network-panel__body">
        <aside className="network-panel__tree">
          <NetworkTree rows={shown} selected={pick} onSelect={setSelected} />
        </aside>
        <div className="network-panel__main">
          <NetworkTable rows={shown} names={names} selfCode={view.data?.selfCode} at={view.data?.at} large={large} onSelect={setSelected} />
          <div className="network-panel__bottom">
            <NetworkAlarms alarms={alarms.data ?? []} switches={switches} names={names} onSelect={setSelected} />
            <div className="network-panel__link">
              {pickedRow && pickedRow.parentCode !== null && !large && <LinkEditor key={pickedRow.code} row={pickedRow} />}
              {pick ? <Suspense fallback={null}><LinkChart key={pick} code={pick} name={names.get(pick) ?? pick} large={large} /></Suspense> : <p className="panel__empty">{t('network.chart.pick')}</p>}
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}
