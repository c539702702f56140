import type { CellValueChangedEvent, ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { shelterCapacity, type Shelter } from '../../../shared/domain/resources.ts';
import type { ConsoleApi } from '../../../shared/ipc/contract.ts';
import { describeError, primaryName } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useConsole } from '../../state/useConsole.ts';
import { useLiveQuery } from '../../state/useLiveQuery.ts';
import { EXPORT_RAW } from '../../grid/csvExport.ts';
import { Board } from './Board.tsx';
import { enumLabel, enumList, NUMBER_CELL } from './labels.ts';

const loadShelters = (api: ConsoleApi) => api.resources.listShelters({});
const idOf = (row: Shelter) => row.id;
const districtOf = (row: Shelter) => row.districtCode;
const DISTRICT_FIELDS = ['districtCode'];
const REVERT = 'revert';
const percent = (shelter: Shelter | undefined) => {
  if (!shelter) return 0;
  const capacity = shelterCapacity(shelter);
  return capacity === 0 ? 0 : Math.round((shelter.occupancy / capacity) * 100);
};

/** Shelters with capacity at 2 m² a person; occupancy is edited in the grid (the service opens or fills the shelter to match). */
export function SheltersBoard({ district, districts }: { district: string; districts: Map<string, string> }) {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const shelters = useLiveQuery(loadShelters, ['shelter']);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { reload } = shelters;

  const columnDefs = useMemo<ColDef<Shelter>[]>(() => [
    { colId: 'name', headerName: t('resources.col.name'), valueGetter: (p) => (p.data ? primaryName(p.data, locale) : ''), flex: 2, minWidth: 260 },
    { colId: 'district', headerName: t('resources.col.district'), field: 'districtCode', width: 130, valueFormatter: (p) => districts.get(String(p.value)) ?? String(p.value ?? '') },
    { colId: 'area', ...EXPORT_RAW, headerName: t('resources.col.area'), field: 'usableAreaM2', type: 'numericColumn', width: 160, filter: 'agNumberColumnFilter', cellClass: NUMBER_CELL },
    { colId: 'capacity', ...EXPORT_RAW, headerName: t('resources.col.capacity'), type: 'numericColumn', width: 140, filter: 'agNumberColumnFilter', valueGetter: (p) => (p.data ? shelterCapacity(p.data) : 0), cellClass: NUMBER_CELL, headerTooltip: t('resources.shelters.capacityRule') },
    {
      colId: 'occupancy', ...EXPORT_RAW, headerName: t('resources.col.occupancy'), field: 'occupancy', type: 'numericColumn', width: 130, filter: 'agNumberColumnFilter',
      editable: true, cellEditor: 'agNumberCellEditor', cellEditorParams: { min: 0, precision: 0 }, cellClass: 'cell-number ag-right-aligned-cell cell-editable',
    },
    { colId: 'percent', ...EXPORT_RAW, headerName: t('resources.col.percent'), type: 'numericColumn', width: 110, valueGetter: (p) => percent(p.data), valueFormatter: (p) => `${String(p.value)}%`, cellClass: (p) => `cell-number ag-right-aligned-cell${Number(p.value) >= 90 ? ' cell-alarm' : Number(p.value) >= 70 ? ' cell-warn' : ''}` },
    {
      colId: 'state', headerName: t('resources.col.state'), field: 'state', width: 120,
      valueFormatter: (p) => enumLabel(t, 'shelterState', p.value as string), cellClass: (p) => `status status--${String(p.value)}`,
    },
    { colId: 'facilities', headerName: t('resources.col.facilities'), field: 'facilities', flex: 2, minWidth: 220, valueFormatter: (p) => enumList(t, 'resources.facility', p.value as string[], locale), filterValueGetter: (p) => enumList(t, 'resources.facility', p.data?.facilities, locale) },
  ], [t, locale, districts]);

  const onCellValueChanged = async (event: CellValueChangedEvent<Shelter>) => {
    if (!event.data || event.newValue === event.oldValue || event.source === REVERT) return;
    const field = event.colDef.field;
    // The grid reports the put-back value as a change too (after this returns): its source tells it apart.
    const revert = () => event.node.setDataValue(event.column, event.oldValue, REVERT);
    if (field !== 'occupancy') return;
    const occupancy = event.newValue === null || event.newValue === '' ? Number.NaN : Number(event.newValue);
    if (!Number.isInteger(occupancy) || occupancy < 0) {
      // The editor could not read a whole number: nothing is sent, the stored value stays.
      revert();
      setMessage({ ok: false, text: t('resources.shelters.badOccupancy') });
      return;
    }
    try {
      const saved = await api.resources.updateShelter({ id: event.data.id, occupancy });
      setMessage({ ok: true, text: t('resources.shelters.saved', { name: primaryName(saved, locale), occupancy: saved.occupancy, state: enumLabel(t, 'shelterState', saved.state) }) });
    } catch (error) {
      // Nothing was stored: put the stored value back in the grid and say why.
      revert();
      setMessage({ ok: false, text: describeError(error, locale) });
      reload();
    }
  };

  const toolbar = message && (
    <span className={message.ok ? 'board__ok' : 'board__error'} role={message.ok ? 'status' : 'alert'} data-testid="shelters-message">{message.text}</span>
  );
  return (
    <Board<Shelter> boardId="shelters" rows={shelters.data} loading={shelters.loading} error={shelters.error} columnDefs={columnDefs}
      getId={idOf} districtOf={districtOf} districtFields={DISTRICT_FIELDS} district={district} toolbar={toolbar}
      onCellValueChanged={onCellValueChanged} redrawKey={districts} />
  );
}
