import type { ColDef, RowClassRules } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import type { CommandNode } from '../../../shared/domain/commandNode.ts';
import { isTaskClosed, isTaskOverdue, taskProgress, TASK_STATUSES, type Task } from '../../../shared/domain/task.ts';
import type { ConsoleApi } from '../../../shared/ipc/contract.ts';
import { formatTime } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useLiveQuery } from '../../state/useLiveQuery.ts';
import { Board } from '../resources/Board.tsx';
import { districtNames } from '../resources/labels.ts';
import { DispatchForm } from './DispatchForm.tsx';
import { TaskActions } from './TaskActions.tsx';
import { statusKey, unitKindKey } from './taskLabels.ts';
import '../incidents/incidents.css';

const loadTasks = (api: ConsoleApi) => api.tasks.list({});
const loadIncidents = (api: ConsoleApi) => api.incidents.list({});
const loadSessions = (api: ConsoleApi) => api.consultation.list({});
const idOf = (task: Task) => task.id;
const districtOf = (task: Task) => `${task.nodeCode.slice(0, 6)}000000`;
const DISTRICT_FIELDS = ['nodeCode'];
type StatusFilter = 'all' | 'unclosed' | Task['status'];

/** Every task on one board (AG Grid, the resource boards' house style), filtered, with overdue rows standing out. */
export function TasksPanel({ nodes, exerciseData }: { nodes: CommandNode[] | undefined; exerciseData: boolean }) {
  const { t, locale } = useI18n();
  const tasks = useLiveQuery(loadTasks, ['task']);
  const incidents = useLiveQuery(loadIncidents, ['incident']);
  const sessions = useLiveQuery(loadSessions, ['consultationSession']);
  const [status, setStatus] = useState<StatusFilter>('unclosed');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [district, setDistrict] = useState('');
  const [unit, setUnit] = useState('');
  // A row leaving the filter (a task just verified) keeps its details open until closed.
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // The clock is re-read each minute and on every change, so a deadline passing turns its row red.
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, [tasks.data]);
  const districts = useMemo(() => districtNames(nodes, locale), [nodes, locale]);
  const reopened = useMemo(() => new Set((tasks.data ?? []).flatMap((task) => (task.reopenOf ? [task.reopenOf] : []))), [tasks.data]);
  const sources = useMemo(() => new Map([
    ...(incidents.data ?? []).map((incident) => [incident.id, incident.title] as const),
    ...(sessions.data ?? []).map((session) => [session.id, session.title] as const),
  ]), [incidents.data, sessions.data]);

  const rows = useMemo(() => (tasks.data ?? []).filter((task) =>
    (status === 'all' || (status === 'unclosed' ? !isTaskClosed(task) && !reopened.has(task.id) : task.status === status))
    && (!overdueOnly || isTaskOverdue(task, now))
    && (!unit.trim() || task.assigneeUnit.toLowerCase().includes(unit.trim().toLowerCase()))), [tasks.data, status, overdueOnly, unit, now, reopened]);
  const summary = taskProgress(tasks.data ?? [], now);
  const selected = (tasks.data ?? []).find((task) => task.id === selectedId) ?? null;

  const columnDefs = useMemo<ColDef<Task>[]>(() => [
    { colId: 'title', headerName: t('tasks.col.title'), field: 'title', flex: 2, minWidth: 220, tooltipField: 'title' },
    { colId: 'unit', headerName: t('tasks.col.unit'), field: 'assigneeUnit', flex: 1, minWidth: 160 },
    { colId: 'unitKind', headerName: t('tasks.col.unitKind'), field: 'assigneeKind', width: 100, valueFormatter: (p) => t(unitKindKey(p.value as Task['assigneeKind'])) },
    {
      colId: 'status', headerName: t('tasks.col.status'), field: 'status', width: 150,
      comparator: (a: Task['status'], b: Task['status']) => TASK_STATUSES.indexOf(a) - TASK_STATUSES.indexOf(b),
      valueFormatter: (p) => (p.data ? `${t(statusKey(p.data.status))}${reopened.has(p.data.id) ? ` · ${t('tasks.reopened')}` : ''}` : ''),
      cellClass: (p) => `status status--${String(p.value)}`,
    },
    {
      colId: 'due', headerName: t('tasks.col.due'), field: 'dueAt', width: 190, cellClass: 'cell-code',
      valueFormatter: (p) => (p.data?.dueAt ? `${formatTime(p.data.dueAt, locale, 'short')}${isTaskOverdue(p.data, now) ? ` · ${t('tasks.overdue')}` : ''}` : '—'),
    },
    { colId: 'source', headerName: t('tasks.col.source'), flex: 1, minWidth: 180, valueGetter: (p) => (p.data ? sources.get(p.data.sessionId ?? '') ?? sources.get(p.data.incidentId ?? '') ?? '' : '') },
    { colId: 'created', headerName: t('tasks.col.created'), field: 'createdAt', width: 150, sort: 'desc', cellClass: 'cell-code', valueFormatter: (p) => formatTime(String(p.value), locale, 'short') },
  ], [t, locale, now, sources, reopened]);
  const rowClassRules = useMemo<RowClassRules<Task>>(() => ({ 'task-row--overdue': (p) => Boolean(p.data && isTaskOverdue(p.data, now)) }), [now]);

  const toolbar = (
    <>
      <select className="input tasks-filter" value={status} aria-label={t('tasks.filter.status')} data-testid="tasks-filter-status" onChange={(event) => setStatus(event.target.value as StatusFilter)}>
        <option value="unclosed">{t('tasks.filter.unclosed')}</option>
        <option value="all">{t('tasks.filter.all')}</option>
        {TASK_STATUSES.map((value) => <option key={value} value={value}>{t(statusKey(value))}</option>)}
      </select>
      <select className="input tasks-filter" value={district} aria-label={t('tasks.filter.district')} onChange={(event) => setDistrict(event.target.value)}>
        <option value="">{t('tasks.filter.allDistricts')}</option>
        {[...districts].map(([code, name]) => <option key={code} value={code}>{name}</option>)}
      </select>
      <input className="input tasks-filter" type="search" value={unit} placeholder={t('tasks.filter.unit')} aria-label={t('tasks.filter.unit')} onChange={(event) => setUnit(event.target.value)} />
      <label className={`form-check${overdueOnly ? ' form-check--on' : ''}`}>
        <input type="checkbox" checked={overdueOnly} data-testid="tasks-filter-overdue" onChange={(event) => setOverdueOnly(event.target.checked)} />
        <span>{t('tasks.filter.overdue')}</span>
      </label>
    </>
  );

  return (
    <section className="panel" aria-labelledby="tasks-title" data-testid="panel-tasks">
      <div className="panel__header">
        <h2 id="tasks-title" className="panel__title">{t('tasks.title')}</h2>
        <span className="panel__summary" data-testid="tasks-summary" data-overdue={summary.overdue}>{t('tasks.summary', summary)}</span>
      </div>
      <div className="panel__split">
        <div className="tasks-body">
          <Board<Task> boardId="tasks" rows={tasks.data ? rows : undefined} loading={tasks.loading} error={tasks.error} columnDefs={columnDefs} getId={idOf}
            districtOf={districtOf} districtFields={DISTRICT_FIELDS} district={district} toolbar={toolbar} rowClassRules={rowClassRules}
            onSelect={(picked) => { if (picked[0]) setSelectedId(picked[0].id); }} redrawKey={now} />
        </div>
        <aside className="panel__side">
          {selected
            ? <TaskActions task={selected} onClose={() => setSelectedId(null)} />
            : <DispatchForm incidents={incidents.data ?? []} exercise={exerciseData} />}
        </aside>
      </div>
    </section>
  );
}
