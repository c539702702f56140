import type { ColDef, GetRowIdParams, ICellRendererParams, RowClickedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import type { NetworkNodeRow } from '../../../shared/network/view.ts';
import { consoleGridTheme } from '../../grid/gridSetup.ts';
import { formatTime } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { ageMessage } from '../../state/syncView.ts';
import { formatOffset, formatRtt } from './networkRows.ts';
import { StatePill } from './StatePill.tsx';
import { useGridLocaleText } from '../../grid/gridLocale.ts';

/** Wall-cell type: the same theme, larger. */
const largeTheme = consoleGridTheme.withParams({ fontSize: 24, headerFontSize: 20, rowHeight: 60, headerHeight: 56 });
const getRowId = (params: GetRowIdParams<NetworkNodeRow>) => params.data.code;

interface Props {
  rows: NetworkNodeRow[];
  names: ReadonlyMap<string, string>;
  selfCode: string | undefined;
  /** When the view was read (the node's clock): ages are counted from it. */
  at: string | undefined;
  large: boolean;
  onSelect(code: string): void;
}

/** Every node of the network in one AG Grid: state, channel, round trip, ops behind, last contact, clock offset. */
export function NetworkTable({ rows, names, selfCode, at, large, onSelect }: Props) {
  const { t, locale } = useI18n();
  const gridLocaleText = useGridLocaleText();
  const columns = useMemo<ColDef<NetworkNodeRow>[]>(() => [
    {
      colId: 'name', headerName: t('network.col.name'), flex: 2, minWidth: 160, headerTooltip: t('network.col.name'),
      valueGetter: (p) => (locale === 'en' && p.data?.nameEn ? p.data.nameEn : p.data?.name),
      cellRenderer: (p: ICellRendererParams<NetworkNodeRow>) => p.data && (
        <span className="network-name" style={{ paddingLeft: `${p.data.depth * 1.1}em` }}>
          {p.value as string}
          {p.data.code === selfCode && <span className="network-name__self"> · {t('network.self')}</span>}
          {p.data.kind !== 'city' && p.data.kind !== 'district' && p.data.kind !== 'street' && <span className="network-name__kind"> · {t(`network.kind.${p.data.kind}`)}</span>}
        </span>
      ),
    },
    { colId: 'code', field: 'code', headerName: t('network.col.code'), width: 150, cellClass: 'mono', hide: large },
    {
      colId: 'state', field: 'state', headerName: t('network.col.state'), flex: 1.6, minWidth: 200,
      cellRenderer: (p: ICellRendererParams<NetworkNodeRow>) => p.data && (
        <span className="network-state-cell">
          <StatePill state={p.data.state} />
          {!p.data.reachable && p.data.cutAt !== p.data.code && p.data.state !== 'unknown' && <span className="network-cut">{t('network.cutAt', { name: names.get(p.data.cutAt ?? '') ?? p.data.cutAt ?? '' })}</span>}
        </span>
      ),
    },
    {
      colId: 'channel', headerName: t('network.col.channel'), flex: 1, minWidth: 120,
      valueGetter: (p) => (p.data?.channel ? `${t(`network.channel.${p.data.channel}`)}${p.data.onBackup ? ` (${t('network.backup')})` : ''}` : '—'),
      cellClassRules: { 'network-backup': (p) => p.data?.onBackup === true },
    },
    { colId: 'rtt', field: 'rttMs', headerName: t('network.col.rtt'), width: 105, type: 'rightAligned', valueFormatter: (p) => formatRtt(p.value as number | null) },
    { colId: 'behind', field: 'opsBehind', headerName: t('network.col.behind'), width: 95, type: 'rightAligned', valueFormatter: (p) => (p.value === null || p.value === undefined ? '—' : (p.value as number).toLocaleString(locale)) },
    {
      colId: 'lastContact', field: 'lastContactAt', headerName: t('network.col.lastContact'), width: 135,
      valueFormatter: (p) => {
        const age = ageMessage(p.value as string | null, at ? Date.parse(at) : Date.now());
        return age ? t(age.key, age.params) : '—';
      },
      tooltipValueGetter: (p) => (p.value ? formatTime(p.value as string, locale, 'full') : null),
    },
    { colId: 'clockOffset', field: 'clockOffsetMs', headerName: t('network.col.clockOffset'), width: 105, type: 'rightAligned', hide: large, valueFormatter: (p) => formatOffset(p.value as number | null) },
  ], [t, locale, names, selfCode, large, at]);

  return (
    <div className="network-table" data-testid="network-table">
      <AgGridReact<NetworkNodeRow>
        theme={large ? largeTheme : consoleGridTheme} getLocaleText={gridLocaleText}
        rowData={rows}
        columnDefs={columns}
        getRowId={getRowId}
        rowClassRules={{ 'network-row--problem': (p) => p.data !== undefined && p.data.state !== 'unknown' && (p.data.state === 'down' || !p.data.reachable) }}
        onRowClicked={(event: RowClickedEvent<NetworkNodeRow>) => { if (event.data) onSelect(event.data.code); }}
        suppressCellFocus={false}
        animateRows={false}
      />
    </div>
  );
}
