import type { ColDef, ICellRendererParams, RowClassRules } from 'ag-grid-community';
import { useMemo } from 'react';
import type { ConsoleApi } from '../../../shared/ipc/contract.ts';
import { stockFlags, type StockBoardRow, type StockFlag } from '../../../shared/resources/stockBoard.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useLiveQuery } from '../../state/useLiveQuery.ts';
import { EXPORT_RAW } from '../../grid/csvExport.ts';
import { formatList, unitLabel } from '../../i18n/display.ts';
import { Board } from './Board.tsx';
import { enumLabel, formatDay, NUMBER_CELL } from './labels.ts';

const loadStock = (api: ConsoleApi) => api.resources.stockBoard({});
const idOf = (row: StockBoardRow) => row.id;
const districtOf = (row: StockBoardRow) => row.districtCode;
const DISTRICT_FIELDS = ['districtCode'];
const flagsOf = (row: StockBoardRow | undefined) => (row ? stockFlags(row, new Date()) : []);

function FlagsCell({ data }: ICellRendererParams<StockBoardRow>) {
  const { t } = useI18n();
  return (
    <span className="flag-list">
      {flagsOf(data).map((flag) => <span key={flag} className={`flag flag--${flag}`} data-flag={flag}>{enumLabel(t, 'resources.flag', flag)}</span>)}
    </span>
  );
}

const rowClassRules: RowClassRules<StockBoardRow> = {
  'row--alarm': (params) => flagsOf(params.data).includes('overdraft'),
  'row--warn': (params) => flagsOf(params.data).some((flag) => flag !== 'overdraft'),
};

/** Every depot's balance of every item, flagged when overdrawn, below minimum or near expiry. */
export function StockBoard({ district, districts }: { district: string; districts: Map<string, string> }) {
  const { t, locale } = useI18n();
  const stock = useLiveQuery(loadStock, ['stockMovement', 'depot', 'stockItem']);
  const columnDefs = useMemo<ColDef<StockBoardRow>[]>(() => [
    { colId: 'depot', headerName: t('resources.col.depot'), valueGetter: (p) => (p.data ? (locale === 'en' ? p.data.depotNameEn ?? p.data.depotName : p.data.depotName) : ''), flex: 2, minWidth: 220, tooltipField: 'owner' },
    { colId: 'district', headerName: t('resources.col.district'), field: 'districtCode', width: 130, valueFormatter: (p) => districts.get(String(p.value)) ?? String(p.value ?? '') },
    { colId: 'item', headerName: t('resources.col.item'), valueGetter: (p) => (p.data ? (locale === 'en' ? p.data.itemNameEn ?? p.data.itemName : p.data.itemName) : ''), flex: 1, minWidth: 210 },
    { colId: 'balance', ...EXPORT_RAW, headerName: t('resources.col.balance'), field: 'balance', type: 'numericColumn', width: 120, filter: 'agNumberColumnFilter', cellClass: NUMBER_CELL },
    { colId: 'unit', headerName: t('resources.col.unit'), field: 'unit', width: 100, valueFormatter: (p) => unitLabel(String(p.value ?? ''), locale, p.data?.balance) },
    { colId: 'minLevel', ...EXPORT_RAW, headerName: t('resources.col.minLevel'), field: 'minLevel', type: 'numericColumn', width: 120, filter: 'agNumberColumnFilter', cellClass: NUMBER_CELL },
    {
      colId: 'flags', headerName: t('resources.col.flags'), minWidth: 170, flex: 1, cellRenderer: FlagsCell,
      valueGetter: (p) => flagsOf(p.data).join(' '),
      valueFormatter: (p) => formatList(String(p.value ?? '').split(' ').filter(Boolean).map((flag) => enumLabel(t, 'resources.flag', flag as StockFlag)), locale),
      filterValueGetter: (p) => flagsOf(p.data).map((flag) => enumLabel(t, 'resources.flag', flag)).join(' '),
    },
    { colId: 'earliestExpiry', ...EXPORT_RAW, headerName: t('resources.col.earliestExpiry'), field: 'earliestExpiry', width: 140, valueFormatter: (p) => formatDay(p.value as string | null), cellClass: 'cell-code' },
    { colId: 'reserveType', headerName: t('resources.col.reserveType'), field: 'reserveType', width: 150, valueFormatter: (p) => enumLabel(t, 'reserveType', p.value as string) },
  ], [t, locale, districts]);
  return (
    <Board<StockBoardRow> boardId="stock" rows={stock.data} loading={stock.loading} error={stock.error} columnDefs={columnDefs}
      getId={idOf} districtOf={districtOf} districtFields={DISTRICT_FIELDS} district={district} rowClassRules={rowClassRules} redrawKey={districts} />
  );
}
