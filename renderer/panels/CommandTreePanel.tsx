import type { CellKeyDownEvent, ColDef, GetRowIdParams, GridApi, GridReadyEvent, RowClassRules } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { CommandNode } from '../../shared/domain/commandNode.ts';
import { TreeNameCell, type TreeNameCellParams } from '../components/TreeNameCell.tsx';
import { consoleGridTheme } from '../grid/gridSetup.ts';
import { diffRows, isEmptyChange } from '../grid/rowDiff.ts';
import { describeError, primaryName, secondaryName } from '../i18n/display.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { useGridLocaleText } from '../grid/gridLocale.ts';
import {
  buildTree, countLevels, expandableCodes, initialExpanded, searchRows, toggleExpanded, visibleRows, type TreeRow,
} from './commandTree.ts';

interface Props {
  nodes: CommandNode[] | undefined;
  error: unknown;
  /** This console's own node: opened and marked in the tree. */
  homeCode: string | undefined;
}

const getRowId = (params: GetRowIdParams<TreeRow>) => params.data.code;
const rowClassRules: RowClassRules<TreeRow> = {
  'tree-row--district': (params) => params.data?.node.level === 'district',
  'tree-row--city': (params) => params.data?.node.level === 'city',
  'tree-row--match': (params) => params.data?.matched === true,
  'tree-row--context': (params) => params.data?.context === true,
};

/**
 * The command network: city → districts → streets and towns, as an indented tree in a flat
 * grid (see commandTree.ts), with search and live updates applied as row transactions.
 */
export function CommandTreePanel({ nodes, error, homeCode }: Props) {
  const { t, locale } = useI18n();
  const gridLocaleText = useGridLocaleText();
  const tree = useMemo(() => buildTree(nodes ?? []), [nodes]);
  // null until the officer opens or folds something: until then the default view follows the data.
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const searching = deferredQuery.trim() !== '';
  const search = useMemo(() => (searching ? searchRows(tree, deferredQuery) : null), [tree, deferredQuery, searching]);
  const rows = useMemo(
    () => search?.rows ?? visibleRows(tree, expanded ?? initialExpanded(tree, homeCode)),
    [search, tree, expanded, homeCode],
  );
  const counts = useMemo(() => countLevels(nodes ?? []), [nodes]);

  const [gridApi, setGridApi] = useState<GridApi<TreeRow> | null>(null);
  const applied = useRef<TreeRow[]>([]);
  useEffect(() => {
    if (!gridApi) return;
    const changes = diffRows(applied.current, rows, (row) => row.code);
    applied.current = rows;
    if (isEmptyChange(changes)) return;
    const result = gridApi.applyTransaction(changes);
    // The chevron and row colours read fields the cell values do not include: redraw changed rows.
    if (result && result.update.length > 0) gridApi.redrawRows({ rowNodes: result.update });
  }, [gridApi, rows]);

  const onToggle = useCallback((code: string) => {
    setExpanded((current) => toggleExpanded(current ?? initialExpanded(tree, homeCode), code));
  }, [tree, homeCode]);

  const columnDefs = useMemo<ColDef<TreeRow>[]>(() => [
    {
      colId: 'name',
      headerName: t('tree.col.name'),
      valueGetter: (params) => (params.data ? primaryName(params.data.node, locale) : ''),
      cellRenderer: TreeNameCell,
      cellRendererParams: { onToggle, homeCode } satisfies TreeNameCellParams,
      flex: 2.2,
      minWidth: 360,
    },
    { colId: 'code', headerName: t('tree.col.code'), field: 'code', width: 180, cellClass: 'cell-code' },
    {
      colId: 'level',
      headerName: t('tree.col.level'),
      valueGetter: (params) => (params.data ? t(`level.${params.data.node.level}`) : ''),
      width: 130,
    },
    {
      colId: 'kind',
      headerName: t('tree.col.kind'),
      valueGetter: (params) => (params.data?.node.kind ? t(`kind.${params.data.node.kind}`) : ''),
      width: 140,
    },
    {
      colId: 'otherName',
      headerName: t('tree.col.otherName'),
      valueGetter: (params) => (params.data ? secondaryName(params.data.node, locale) : ''),
      flex: 1.6,
      minWidth: 220,
      cellClass: 'cell-secondary',
    },
    // Pre-order position: keeps every street right under its district as rows come and go.
    { colId: 'order', field: 'order', hide: true, sort: 'asc', comparator: (a: number, b: number) => a - b },
  ], [t, locale, onToggle, homeCode]);

  useEffect(() => {
    gridApi?.refreshCells({ force: true });
  }, [gridApi, locale]);

  const onCellKeyDown = useCallback((event: CellKeyDownEvent<TreeRow>) => {
    const keyboard = event.event as KeyboardEvent | null;
    const row = event.data;
    if (!keyboard || !row || row.childCount === 0 || searching) return;
    // Enter on the chevron button already clicks it; toggling here too would undo that.
    if (keyboard.target instanceof Element && keyboard.target.closest('button')) return;
    const key = keyboard.key;
    if (key === 'Enter' || (key === 'ArrowRight' && !row.expanded) || (key === 'ArrowLeft' && row.expanded)) onToggle(row.code);
  }, [onToggle, searching]);

  const loading = nodes === undefined && !error;
  const overlays = useMemo(() => ({
    loading: { overlayText: t('grid.loading') },
    noRows: { overlayText: error ? describeError(error, locale) : t('grid.noRows') },
  }), [t, error, locale]);

  return (
    <section className="panel" aria-labelledby="command-tree-title" data-testid="panel-commandNetwork">
      <div className="panel__header">
        <h2 id="command-tree-title" className="panel__title">{t('tree.title')}</h2>
        {nodes && (
          <span className="panel__summary" data-testid="tree-summary">
            {t('tree.summary', { districts: counts.districts, streets: counts.streets })}
          </span>
        )}
        <div className="panel__toolbar">
          <div className="search-box">
            <input
              type="search"
              className="search-box__input"
              value={query}
              placeholder={t('tree.searchPlaceholder')}
              aria-label={t('tree.searchLabel')}
              data-testid="tree-search"
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={(event) => { if (event.key === 'Escape') setQuery(''); }}
            />
            {query && (
              <button type="button" className="search-box__clear" onClick={() => setQuery('')}>{t('tree.clearSearch')}</button>
            )}
          </div>
          <button type="button" className="button" disabled={searching || !nodes}
            data-testid="tree-expand-all" onClick={() => setExpanded(expandableCodes(tree))}>
            {t('tree.expandAll')}
          </button>
          <button type="button" className="button" disabled={searching || !nodes}
            data-testid="tree-collapse-all" onClick={() => setExpanded(initialExpanded(tree))}>
            {t('tree.collapseAll')}
          </button>
        </div>
      </div>
      {search && (
        <div className={`panel__notice${search.matches === 0 ? ' panel__notice--empty' : ''}`} role="status" data-testid="tree-match-count">
          {search.matches > 0 ? t('tree.matches', { count: search.matches }) : t('tree.noMatches', { query: deferredQuery.trim() })}
        </div>
      )}
      {error !== null && error !== undefined && nodes && (
        <div className="panel__notice panel__notice--error" role="alert">{t('error.loadFailed', { reason: describeError(error, locale) })}</div>
      )}
      <div className="panel__grid">
        <AgGridReact<TreeRow>
          theme={consoleGridTheme} getLocaleText={gridLocaleText}
          columnDefs={columnDefs}
          defaultColDef={{ sortable: false, resizable: true, suppressMovable: true, suppressHeaderMenuButton: true }}
          getRowId={getRowId}
          rowClassRules={rowClassRules}
          loading={loading}
          overlayComponentParams={overlays}
          onGridReady={(event: GridReadyEvent<TreeRow>) => setGridApi(event.api)}
          onCellKeyDown={onCellKeyDown}
          suppressCellFocus={false}
          animateRows={false}
          containerStyle={{ height: '100%', width: '100%' }}
        />
      </div>
    </section>
  );
}
