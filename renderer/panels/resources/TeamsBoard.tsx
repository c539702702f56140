import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import type { Team } from '../../../shared/domain/resources.ts';
import type { ConsoleApi } from '../../../shared/ipc/contract.ts';
import { primaryName } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useLiveQuery } from '../../state/useLiveQuery.ts';
import { EXPORT_RAW } from '../../grid/csvExport.ts';
import { Board } from './Board.tsx';
import { enumLabel, enumList, NUMBER_CELL } from './labels.ts';

const loadTeams = (api: ConsoleApi) => api.resources.listTeams({});
const idOf = (row: Team) => row.id;
const districtOf = (row: Team) => row.districtCode;
const DISTRICT_FIELDS = ['districtCode'];

/** Rescue teams by kind, with size, capabilities, status and position. */
export function TeamsBoard({ district, districts }: { district: string; districts: Map<string, string> }) {
  const { t, locale } = useI18n();
  const teams = useLiveQuery(loadTeams, ['team']);
  const columnDefs = useMemo<ColDef<Team>[]>(() => [
    { colId: 'name', headerName: t('resources.col.name'), valueGetter: (p) => (p.data ? primaryName(p.data, locale) : ''), flex: 2, minWidth: 220 },
    { colId: 'district', headerName: t('resources.col.district'), field: 'districtCode', width: 130, valueFormatter: (p) => districts.get(String(p.value)) ?? String(p.value ?? '') },
    { colId: 'kind', headerName: t('resources.col.kind'), field: 'kind', width: 150, valueFormatter: (p) => enumLabel(t, 'teamKind', p.value as string) },
    { colId: 'size', ...EXPORT_RAW, headerName: t('resources.col.size'), field: 'size', type: 'numericColumn', width: 100, filter: 'agNumberColumnFilter', cellClass: NUMBER_CELL },
    { colId: 'capabilities', headerName: t('resources.col.capabilities'), field: 'capabilities', flex: 2, minWidth: 240, valueFormatter: (p) => enumList(t, 'resources.capability', p.value as string[], locale), filterValueGetter: (p) => enumList(t, 'resources.capability', p.data?.capabilities, locale) },
    { colId: 'status', headerName: t('resources.col.status'), field: 'status', width: 110, valueFormatter: (p) => enumLabel(t, 'teamStatus', p.value as string), cellClass: (p) => `status status--${String(p.value)}` },
    { colId: 'position', headerName: t('resources.col.position'), width: 190, cellClass: 'cell-code', valueGetter: (p) => (p.data?.position ? `${p.data.position.lon.toFixed(4)}, ${p.data.position.lat.toFixed(4)}` : '') },
  ], [t, locale, districts]);
  return (
    <Board<Team> boardId="teams" rows={teams.data} loading={teams.loading} error={teams.error} columnDefs={columnDefs}
      getId={idOf} districtOf={districtOf} districtFields={DISTRICT_FIELDS} district={district} redrawKey={districts} />
  );
}
