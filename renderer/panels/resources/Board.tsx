import type {
  CellValueChangedEvent, ColDef, GetRowIdParams, GridApi, GridReadyEvent, IRowNode, RowClassRules, RowSelectionOptions,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { BoardOverlay } from '../../grid/BoardOverlay.tsx';
import { exportCell } from '../../grid/csvExport.ts';
import { consoleGridTheme } from '../../grid/gridSetup.ts';
import { printWithAllRows } from '../../grid/printLayout.ts';
import { LiveRows } from '../../grid/liveRows.ts';
import { diffRows, isEmptyChange } from '../../grid/rowDiff.ts';
import { describeError } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { loadBoard, saveBoard } from './boardState.ts';
import { useGridLocaleText } from '../../grid/gridLocale.ts';

export interface BoardProps<T> {
  /** Names the board: its saved layout, its test ids and its CSV file. */
  boardId: string;
  rows: T[] | undefined;
  loading: boolean;
  error: unknown;
  columnDefs: ColDef<T>[];
  getId(row: T): string;
  /** The district a row belongs to, for the district filter. */
  districtOf(row: T): string | undefined;
  /** The row fields `districtOf` reads; without them every change goes through a transaction. */
  districtFields?: readonly string[];
  /** '' shows every district. */
  district: string;
  toolbar?: ReactNode;
  rowClassRules?: RowClassRules<T>;
  /** Rows picked by the duty officer; several at once with `multiSelect`. */
  onSelect?(rows: T[]): void;
  multiSelect?: boolean;
  onCellValueChanged?(event: CellValueChangedEvent<T>): void;
  /** Changes of this value (language, lookups) redraw the cells. */
  redrawKey?: unknown;
}

const storage = () => (typeof localStorage === 'undefined' ? undefined : localStorage);
const SAVE_DELAY_MS = 300;
const single: RowSelectionOptions = { mode: 'singleRow', checkboxes: false, enableClickSelection: true };
const multiple: RowSelectionOptions = { mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: true };

/**
 * One resource board: an AG Grid kept live by row changes (never by replacing the rows),
 * filtered by district, with its column layout saved per board and a CSV export.
 */
export function Board<T>(props: BoardProps<T>) {
  const { boardId, rows, loading, error, columnDefs, getId, districtOf, district, onSelect } = props;
  const { t, locale } = useI18n();
  const gridLocaleText = useGridLocaleText();
  const [api, setApi] = useState<GridApi<T> | null>(null);
  const live = useRef<LiveRows<T> | null>(null);
  const applied = useRef<T[]>([]);
  const districtRef = useRef(district);
  const districtOfRef = useRef(districtOf);
  const [counts, setCounts] = useState({ shown: 0, total: 0 });

  useEffect(() => {
    districtOfRef.current = districtOf;
  });

  useEffect(() => {
    if (!api || !rows || !live.current) return;
    const changes = diffRows(applied.current, rows, getId);
    applied.current = rows;
    if (!isEmptyChange(changes)) live.current.apply(changes);
  }, [api, rows, getId]);

  useEffect(() => {
    districtRef.current = district;
    api?.onFilterChanged();
  }, [api, district]);

  useEffect(() => {
    api?.refreshCells({ force: true });
  }, [api, locale, props.redrawKey]);

  // Fixed-width columns take the width of their header and content when the rows are first drawn
  // (unless the officer's saved layout says otherwise) and again when the language changes (words
  // differ in length: "Requested", "已申请"); flex columns share what is left above their minimum.
  // A width in the column definitions is a starting width: given as `width`, AG Grid would put it
  // back every time the definitions change (a language switch, names arriving) over the fitted one.
  const columns = useMemo(() => columnDefs.map(({ width, ...column }) => (width === undefined ? column : { ...column, initialWidth: width })), [columnDefs]);
  const fixedColumns = useMemo(() => columnDefs.filter((column) => !column.flex && column.colId).map((column) => column.colId!), [columnDefs]);
  const hasSavedLayout = useRef(false);
  const fittedOnce = useRef(false);
  const fit = useCallback((target: GridApi<T>) => {
    if (!target.isDestroyed()) target.autoSizeColumns(fixedColumns, false);
  }, [fixedColumns]);
  const fittedLocale = useRef(locale);
  useEffect(() => {
    if (!api || fittedLocale.current === locale) return;
    fittedLocale.current = locale;
    const timer = setTimeout(() => fit(api), 250); // after the cells are drawn in the new language
    return () => clearTimeout(timer);
  }, [api, fit, locale]);

  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const save = useCallback(() => {
    if (!api) return;
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      if (!api.isDestroyed()) saveBoard(storage(), boardId, { columns: api.getColumnState(), filter: api.getFilterModel() });
    }, SAVE_DELAY_MS);
  }, [api, boardId]);
  useEffect(() => () => clearTimeout(saveTimer.current), []);
  useEffect(() => (api ? printWithAllRows(api) : undefined), [api]);

  const onGridReady = useCallback((event: GridReadyEvent<T>) => {
    const saved = loadBoard(storage(), boardId);
    hasSavedLayout.current = saved !== null;
    if (saved) {
      event.api.applyColumnState({ state: saved.columns, applyOrder: true });
      event.api.setFilterModel(saved.filter);
    }
    live.current = new LiveRows(event.api, getId, props.districtFields ? { externalFilterFields: props.districtFields } : {});
    setApi(event.api);
  }, [boardId, getId, props.districtFields]);

  const getRowId = useCallback((params: GetRowIdParams<T>) => getId(params.data), [getId]);
  const isExternalFilterPresent = useCallback(() => districtRef.current !== '', []);
  const doesExternalFilterPass = useCallback((node: IRowNode<T>) => !node.data || districtOfRef.current(node.data) === districtRef.current, []);
  const updateCounts = useCallback(() => {
    if (!api || api.isDestroyed()) return;
    let total = 0;
    api.forEachNode(() => { total += 1; });
    setCounts({ shown: api.getDisplayedRowCount(), total });
    // The first rows in: fit the fixed columns once they are drawn (AG Grid ignores an earlier call).
    if (total > 0 && !fittedOnce.current && !hasSavedLayout.current) {
      fittedOnce.current = true;
      setTimeout(() => fit(api), 250);
    }
  }, [api, fit]);

  const overlayParams = useMemo(() => ({ error }), [error]);

  const exportCsv = () => {
    const day = new Date().toISOString().slice(0, 10);
    api?.exportDataAsCsv({ fileName: `${boardId}-${day}.csv`, processCellCallback: exportCell });
  };
  const resetLayout = () => {
    api?.resetColumnState();
    api?.setFilterModel(null);
  };

  return (
    <div className="board" data-testid={`board-${boardId}`}>
      <div className="board__toolbar">
        <span className="board__count" data-testid={`board-${boardId}-count`} data-shown={counts.shown} data-total={counts.total}>
          {t('resources.board.count', { shown: counts.shown, total: counts.total })}
        </span>
        {props.toolbar}
        <span className="board__spacer" />
        <button type="button" className="button" onClick={resetLayout} data-testid={`board-${boardId}-reset`}>{t('resources.board.resetLayout')}</button>
        <button type="button" className="button" onClick={exportCsv} disabled={!api} data-testid={`board-${boardId}-export`}>{t('resources.board.exportCsv')}</button>
      </div>
      {error !== null && rows && (
        <div className="panel__notice panel__notice--error" role="alert">{t('error.loadFailed', { reason: describeError(error, locale) })}</div>
      )}
      <div className="board__grid">
        <AgGridReact<T>
          theme={consoleGridTheme} getLocaleText={gridLocaleText}
          columnDefs={columns}
          defaultColDef={{ sortable: true, resizable: true, filter: true, floatingFilter: false }}
          getRowId={getRowId}
          loading={loading && !rows}
          overlayComponent={BoardOverlay}
          overlayComponentParams={overlayParams}
          onGridReady={onGridReady}
          isExternalFilterPresent={isExternalFilterPresent}
          doesExternalFilterPass={doesExternalFilterPass}
          rowClassRules={props.rowClassRules}
          rowSelection={onSelect ? (props.multiSelect ? multiple : single) : undefined}
          onSelectionChanged={onSelect ? (event) => onSelect(event.api.getSelectedRows()) : undefined}
          onCellValueChanged={props.onCellValueChanged}
          onModelUpdated={updateCounts}
          onColumnMoved={save}
          onColumnResized={(event) => { if (event.finished) save(); }}
          onSortChanged={save}
          onFilterChanged={save}
          onColumnVisible={save}
          onColumnPinned={save}
          animateRows={false}
          stopEditingWhenCellsLoseFocus
          containerStyle={{ height: '100%', width: '100%' }}
        />
      </div>
    </div>
  );
}
