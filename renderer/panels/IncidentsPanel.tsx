import type { ColDef, GetRowIdParams, GridApi, GridReadyEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CommandNode } from '../../shared/domain/commandNode.ts';
import { IncidentLevel, INCIDENT_STATUSES, type Incident } from '../../shared/domain/incident.ts';
import type { ConsoleApi } from '../../shared/ipc/contract.ts';
import { IncidentLevelCell } from '../components/IncidentLevelCell.tsx';
import { IncidentTitleCell } from '../components/IncidentTitleCell.tsx';
import { consoleGridTheme } from '../grid/gridSetup.ts';
import { diffRows, isEmptyChange } from '../grid/rowDiff.ts';
import { describeError, formatTime, primaryName } from '../i18n/display.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { useLiveQuery } from '../state/useLiveQuery.ts';
import { IncidentForm } from './IncidentForm.tsx';
import { DutyLog } from './incidents/DutyLog.tsx';
import { IncidentDetail } from './incidents/IncidentDetail.tsx';
import { taskProgress, type Task } from '../../shared/domain/task.ts';
import { useUnsent } from '../state/useUnsent.ts';
import { useSyncStatus } from '../state/useSyncStatus.ts';
import { printWithAllRows } from '../grid/printLayout.ts';
import './incidents/incidents.css';
import { useGridLocaleText } from '../grid/gridLocale.ts';

interface Props {
  nodes: CommandNode[] | undefined;
  homeCode: string | undefined;
  exerciseData: boolean;
  /** Opens a consultation session from an incident (the consultation panel takes over). */
  onOpenSession?(incident: Incident): void;
}

const loadIncidents = (api: ConsoleApi) => api.incidents.list({});
const loadTasks = (api: ConsoleApi) => api.tasks.list({});
const getRowId = (params: GetRowIdParams<Incident>) => params.data.id;
const levelRank = (level: string) => IncidentLevel.options.indexOf(level as Incident['level']);
const statusRank = (status: string) => (INCIDENT_STATUSES as readonly string[]).indexOf(status);

/** Incidents reported in this console's area, newest first and live, with the report form beside them. */
export function IncidentsPanel({ nodes, homeCode, exerciseData, onOpenSession }: Props) {
  const { t, locale } = useI18n();
  const gridLocaleText = useGridLocaleText();
  const incidents = useLiveQuery(loadIncidents, ['incident']);
  const byCode = useMemo(() => new Map((nodes ?? []).map((node) => [node.code, node])), [nodes]);
  const rows = useMemo(() => incidents.data ?? [], [incidents.data]);
  const tasks = useLiveQuery(loadTasks, ['task']);
  // Per incident: how many of its tasks are closed, and how many are overdue.
  const progress = useMemo(() => {
    const byIncident = new Map<string, Task[]>();
    for (const task of tasks.data ?? []) if (task.incidentId) byIncident.set(task.incidentId, [...(byIncident.get(task.incidentId) ?? []), task]);
    const now = new Date();
    return new Map([...byIncident].map(([id, list]) => [id, taskProgress(list, now)]));
  }, [tasks.data]);
  const [view, setView] = useState<'board' | 'log'>('board');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = rows.find((incident) => incident.id === selectedId) ?? null;

  const [gridApi, setGridApi] = useState<GridApi<Incident> | null>(null);
  const applied = useRef<Incident[]>([]);
  useEffect(() => {
    if (!gridApi) return;
    const changes = diffRows(applied.current, rows, (row) => row.id);
    applied.current = rows;
    if (!isEmptyChange(changes)) gridApi.applyTransaction(changes);
  }, [gridApi, rows]);

  // Sized for the space left beside the form at 1600 px: every column in view without scrolling.
  // Rows the parent centre has not acknowledged yet carry a mark until it does.
  const unsent = useUnsent();
  // A console with no parent centre has nothing to send up: no column for it.
  const hasParent = Boolean(useSyncStatus()?.parent);
  const columnDefs = useMemo<ColDef<Incident>[]>(() => [
    {
      colId: 'sent', headerName: t('outbox.column'), initialWidth: 92, sortable: false, hide: !hasParent,
      valueGetter: (p) => (p.data && unsent.has(`incident:${p.data.id}`) ? t('outbox.unsent') : ''),
      cellClass: 'cell-unsent', tooltipValueGetter: (p) => (p.value ? t('outbox.unsentTitle') : null),
    },
    { colId: 'title', headerName: t('incidents.col.title'), field: 'title', cellRenderer: IncidentTitleCell, flex: 2, minWidth: 180, tooltipField: 'title' },
    {
      colId: 'type', headerName: t('incidents.col.type'), field: 'type', initialWidth: 150,
      valueFormatter: (params) => (params.data ? t(`incidentType.${params.data.type}`) : ''),
    },
    {
      colId: 'level', headerName: t('incidents.col.level'), field: 'level', initialWidth: 116, cellRenderer: IncidentLevelCell,
      comparator: (a: string, b: string) => levelRank(a) - levelRank(b),
    },
    {
      colId: 'status', headerName: t('incidents.col.status'), field: 'status', initialWidth: 116,
      valueFormatter: (params) => (params.data ? t(`incidentStatus.${params.data.status}`) : ''),
      comparator: (a: string, b: string) => statusRank(a) - statusRank(b),
    },
    {
      colId: 'node', headerName: t('incidents.col.node'), field: 'nodeCode', flex: 1, minWidth: 172,
      valueFormatter: (params) => {
        const node = params.data ? byCode.get(params.data.nodeCode) : undefined;
        return node ? primaryName(node, locale) : String(params.value ?? '');
      },
      tooltipValueGetter: (params) => params.data?.nodeCode,
    },
    {
      colId: 'reportedAt', headerName: t('incidents.col.reportedAt'), headerTooltip: t('incidents.timeZoneNote'),
      field: 'reportedAt', initialWidth: 176, sort: 'desc',
      valueFormatter: (params) => (params.value ? formatTime(String(params.value), locale, 'short') : ''),
      tooltipValueGetter: (params) => (params.value ? `${formatTime(String(params.value), locale)} · ${t('incidents.timeZoneNote')}` : ''),
      cellClass: 'cell-code',
    },
    {
      colId: 'tasks', headerName: t('incidents.col.tasks'), initialWidth: 130,
      valueGetter: (params) => { const done = params.data ? progress.get(params.data.id) : undefined; return done ? `${done.closed}/${done.total}` : ''; },
      cellClass: (params) => (params.data && progress.get(params.data.id)?.overdue ? 'consult-overdue-cell' : ''),
      tooltipValueGetter: (params) => { const done = params.data ? progress.get(params.data.id) : undefined; return done?.overdue ? t('incidents.tasksOverdue', { count: done.overdue }) : ''; },
    },
  ], [t, locale, byCode, progress, unsent, hasParent]);

  useEffect(() => {
    gridApi?.refreshCells({ force: true });
  }, [gridApi, locale, byCode, progress]);

  // Fixed columns fit their content in each language ("Responding", "Level IV (general)" are not cut
  // off), once rows are drawn and again after a language switch; on paper every row is printed.
  const hasRows = rows.length > 0;
  useEffect(() => {
    if (!gridApi || !hasRows) return;
    const timer = setTimeout(() => {
      if (!gridApi.isDestroyed()) gridApi.autoSizeColumns(['sent', 'type', 'level', 'status', 'reportedAt', 'tasks'], false);
    }, 250);
    return () => clearTimeout(timer);
  }, [gridApi, locale, hasRows]);
  useEffect(() => (gridApi ? printWithAllRows(gridApi) : undefined), [gridApi]);

  const overlays = useMemo(() => ({
    loading: { overlayText: t('grid.loading') },
    noRows: { overlayText: incidents.error ? describeError(incidents.error, locale) : t('grid.noRows') },
  }), [t, incidents.error, locale]);

  const open = rows.filter((incident) => incident.status !== 'closed').length;
  const { reload } = incidents;
  const onReported = useCallback(() => reload(), [reload]);

  return (
    <section className="panel" aria-labelledby="incidents-title" data-testid="panel-incidents">
      <div className="panel__header">
        <h2 id="incidents-title" className="panel__title">{t('incidents.title')}</h2>
        {incidents.data && (
          <span className="panel__summary" data-testid="incidents-summary" data-count={rows.length}>
            {t('incidents.summary', { count: rows.length, open })}
          </span>
        )}
      </div>
      {incidents.error !== null && incidents.data && (
        <div className="panel__notice panel__notice--error" role="alert">{t('error.loadFailed', { reason: describeError(incidents.error, locale) })}</div>
      )}
      <div className="consult-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={view === 'board'} className={`consult-tab${view === 'board' ? ' consult-tab--current' : ''}`} data-testid="incidents-tab-board" onClick={() => setView('board')}>{t('incidents.tab.board')}</button>
        <button type="button" role="tab" aria-selected={view === 'log'} className={`consult-tab${view === 'log' ? ' consult-tab--current' : ''}`} data-testid="incidents-tab-log" onClick={() => setView('log')}>{t('incidents.tab.dutyLog')}</button>
      </div>
      <div className="panel__split">
        {view === 'log' && <DutyLog incidents={rows} onOpen={setSelectedId} />}
        <div className="panel__grid" data-testid="incidents-grid" hidden={view !== 'board'}>
          <AgGridReact<Incident>
            theme={consoleGridTheme} getLocaleText={gridLocaleText}
            columnDefs={columnDefs}
            defaultColDef={{ sortable: true, resizable: true, suppressHeaderMenuButton: true }}
            getRowId={getRowId}
            loading={incidents.loading}
            overlayComponentParams={overlays}
            onGridReady={(event: GridReadyEvent<Incident>) => setGridApi(event.api)}
            onRowClicked={(event) => { if (event.data) setSelectedId(event.data.id); }}
            rowClass="incident-row"
            animateRows={false}
            containerStyle={{ height: '100%', width: '100%' }}
          />
        </div>
        <aside className="panel__side">
          {selected && <IncidentDetail incident={selected} byCode={byCode} onClose={() => setSelectedId(null)} {...(onOpenSession ? { onOpenSession } : {})} />}
          <div hidden={selected !== null}>
            <IncidentForm nodes={nodes} homeCode={homeCode} exerciseData={exerciseData} onReported={onReported} />
          </div>
        </aside>
      </div>
    </section>
  );
}
