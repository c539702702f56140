import type { ColDef } from 'ag-grid-community';
import { useCallback, useMemo, useState } from 'react';
import type { Allocation } from '../../../shared/domain/allocation.ts';
import type { Incident } from '../../../shared/domain/incident.ts';
import type { Depot, Shelter, StockItem } from '../../../shared/domain/resources.ts';
import type { ConsoleApi } from '../../../shared/ipc/contract.ts';
import { formatTime, unitLabel } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useLiveQuery } from '../../state/useLiveQuery.ts';
import { AllocationDetail } from './AllocationDetail.tsx';
import { AllocationRequestForm } from './AllocationRequestForm.tsx';
import { EXPORT_RAW } from '../../grid/csvExport.ts';
import { Board } from './Board.tsx';
import { enumLabel, namesById, NUMBER_CELL } from './labels.ts';
import { useUnsent } from '../../state/useUnsent.ts';
import { useSyncStatus } from '../../state/useSyncStatus.ts';

const loadAllocations = (api: ConsoleApi) => api.resources.listAllocations({});
const idOf = (row: Allocation) => row.id;

interface Props {
  district: string;
  depots: Depot[] | undefined;
  items: StockItem[] | undefined;
  shelters: Shelter[] | undefined;
  incidents: Incident[] | undefined;
  exerciseData: boolean;
}

/** Allocations (request → commit → dispatched → received), the request form, and the selected one's ledger. */
export function AllocationsBoard({ district, depots, items, shelters, incidents, exerciseData }: Props) {
  const { t, locale } = useI18n();
  const allocations = useLiveQuery(loadAllocations, ['allocation']);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const depotNames = useMemo(() => namesById(depots, locale), [depots, locale]);
  const itemNames = useMemo(() => namesById(items, locale), [items, locale]);
  const shelterNames = useMemo(() => namesById(shelters, locale), [shelters, locale]);
  const units = useMemo(() => new Map((items ?? []).map((i) => [i.id, i.unit])), [items]);
  const incidentTitles = useMemo(() => new Map((incidents ?? []).map((i) => [i.id, i.title])), [incidents]);
  const districtOfRecord = useMemo(() => new Map([...(depots ?? []), ...(shelters ?? [])].map((r) => [r.id, r.districtCode])), [depots, shelters]);

  const destinationName = useCallback((a: Allocation) => (a.destination.kind === 'shelter'
    ? shelterNames.get(a.destination.id) : a.destination.kind === 'depot' ? depotNames.get(a.destination.id) : incidentTitles.get(a.destination.id)) ?? a.destination.id,
  [shelterNames, depotNames, incidentTitles]);
  const describe = useCallback((a: Allocation) => t('resources.allocation.describe', {
    quantity: a.quantity, unit: unitLabel(units.get(a.itemId) ?? '', locale, a.quantity), item: itemNames.get(a.itemId) ?? a.itemId,
    from: a.sourceDepotId ? depotNames.get(a.sourceDepotId) ?? a.sourceDepotId : t('resources.request.depotLater'), to: destinationName(a),
  }), [t, locale, units, itemNames, depotNames, destinationName]);
  // An allocation belongs to the district it goes to, or else the one it comes from.
  const districtOf = useCallback((a: Allocation) => districtOfRecord.get(a.destination.id) ?? (a.sourceDepotId ? districtOfRecord.get(a.sourceDepotId) : undefined), [districtOfRecord]);

  // Allocations the parent centre has not acknowledged yet carry a mark until it does.
  const unsent = useUnsent();
  // A console with no parent centre has nothing to send up: no column for it.
  const hasParent = Boolean(useSyncStatus()?.parent);
  const columnDefs = useMemo<ColDef<Allocation>[]>(() => [
    {
      colId: 'sent', headerName: t('outbox.column'), width: 92, sortable: false, hide: !hasParent,
      valueGetter: (p) => (p.data && unsent.has(`allocation:${p.data.id}`) ? t('outbox.unsent') : ''),
      cellClass: 'cell-unsent', tooltipValueGetter: (p) => (p.value ? t('outbox.unsentTitle') : null),
    },
    { colId: 'createdAt', ...EXPORT_RAW, headerName: t('resources.col.createdAt'), field: 'createdAt', width: 170, sort: 'desc', valueFormatter: (p) => formatTime(String(p.value), locale, 'short'), cellClass: 'cell-code' },
    { colId: 'item', headerName: t('resources.col.item'), field: 'itemId', width: 150, valueFormatter: (p) => itemNames.get(String(p.value)) ?? String(p.value) },
    { colId: 'quantity', ...EXPORT_RAW, headerName: t('resources.col.quantity'), field: 'quantity', type: 'numericColumn', width: 110, cellClass: NUMBER_CELL },
    { colId: 'unit', headerName: t('resources.col.unit'), width: 100, valueGetter: (p) => units.get(p.data?.itemId ?? '') ?? '', valueFormatter: (p) => unitLabel(String(p.value ?? ''), locale, p.data?.quantity) },
    { colId: 'source', headerName: t('resources.col.sourceDepot'), field: 'sourceDepotId', flex: 1, minWidth: 180, valueFormatter: (p) => (p.value ? depotNames.get(String(p.value)) ?? String(p.value) : '') },
    { colId: 'destination', headerName: t('resources.col.destination'), flex: 1, minWidth: 200, valueGetter: (p) => (p.data ? destinationName(p.data) : '') },
    { colId: 'status', headerName: t('resources.col.status'), field: 'status', width: 110, valueFormatter: (p) => enumLabel(t, 'resources.allocationStatus', p.value as string), cellClass: (p) => `status status--${String(p.value)}` },
  ], [t, locale, itemNames, units, depotNames, destinationName, unsent, hasParent]);

  const selected = allocations.data?.find((a) => a.id === selectedId) ?? null;
  return (
    <div className="panel__split">
      <Board<Allocation> boardId="allocations" rows={allocations.data} loading={allocations.loading} error={allocations.error} columnDefs={columnDefs}
        getId={idOf} districtOf={(a) => districtOf(a) ?? ''} district={district} onSelect={(rows) => rows[0] && setSelectedId(rows[0].id)}
        redrawKey={[itemNames, depotNames, shelterNames, incidentTitles]} />
      <aside className="panel__side resources-side">
        {selected && <AllocationDetail allocation={selected} unit={units.get(selected.itemId) ?? ''} describe={describe} depots={depots} />}
        <AllocationRequestForm items={items} depots={depots} shelters={shelters} incidents={incidents} district={district}
          exerciseData={exerciseData} onRequested={(a) => setSelectedId(a.id)} />
      </aside>
    </div>
  );
}
