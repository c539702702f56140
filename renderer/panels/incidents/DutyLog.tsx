import type { ColDef } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import type { Incident, IncidentEntry } from '../../../shared/domain/incident.ts';
import type { ConsoleApi } from '../../../shared/ipc/contract.ts';
import { consoleGridTheme } from '../../grid/gridSetup.ts';
import { describeError, formatTime } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useLiveQuery } from '../../state/useLiveQuery.ts';
import { useGridLocaleText } from '../../grid/gridLocale.ts';

const loadLog = (api: ConsoleApi) => api.incidents.dutyLog({ limit: 500 });

/** The duty log (值班日志): every incident's timeline entries across the console, newest first. */
export function DutyLog({ incidents, onOpen }: { incidents: readonly Incident[]; onOpen(id: string): void }) {
  const { t, locale } = useI18n();
  const gridLocaleText = useGridLocaleText();
  const log = useLiveQuery(loadLog, ['incidentEntry']);
  const titles = useMemo(() => new Map(incidents.map((incident) => [incident.id, incident.title])), [incidents]);
  const columnDefs = useMemo<ColDef<IncidentEntry>[]>(() => [
    { colId: 'at', headerName: t('incidents.dutyLog.col.at'), field: 'at', width: 170, sort: 'desc', cellClass: 'cell-code', valueFormatter: (p) => formatTime(String(p.value), locale, 'short') },
    { colId: 'incident', headerName: t('incidents.dutyLog.col.incident'), flex: 1, minWidth: 200, valueGetter: (p) => (p.data ? titles.get(p.data.incidentId) ?? p.data.incidentId : '') },
    { colId: 'kind', headerName: t('incidents.dutyLog.col.kind'), width: 160, valueGetter: (p) => (p.data ? `${t(`incidents.entry.${p.data.kind}`)}${p.data.status ? ` · ${t(`incidentStatus.${p.data.status}`)}` : ''}` : '') },
    { colId: 'text', headerName: t('incidents.dutyLog.col.text'), field: 'text', flex: 2, minWidth: 260, tooltipField: 'text' },
    { colId: 'by', headerName: t('incidents.dutyLog.col.by'), field: 'by', width: 150, cellClass: 'cell-code' },
  ], [t, locale, titles]);
  const overlays = useMemo(() => ({ noRows: { overlayText: log.error ? describeError(log.error, locale) : t('grid.noRows') } }), [t, log.error, locale]);
  return (
    <div className="panel__grid" data-testid="duty-log">
      <AgGridReact<IncidentEntry> theme={consoleGridTheme} getLocaleText={gridLocaleText} rowData={log.data ?? []} columnDefs={columnDefs} getRowId={(p) => p.data.id}
        defaultColDef={{ sortable: true, resizable: true, suppressHeaderMenuButton: true }} loading={log.loading}
        overlayComponentParams={overlays} onRowClicked={(event) => event.data && onOpen(event.data.incidentId)}
        animateRows={false} containerStyle={{ height: '100%', width: '100%' }} />
    </div>
  );
}
