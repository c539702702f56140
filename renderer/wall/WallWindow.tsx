import { memo, useEffect, useMemo } from 'react';
import type { CommandNode } from '../../shared/domain/commandNode.ts';
import type { AppInfo, ConsoleApi } from '../../shared/ipc/contract.ts';
import { viewOfDisplay, wallTitle } from '../../shared/wall/hall.ts';
import { addressProblem, parseRoute, type PanelRoute } from '../../shared/wall/routes.ts';
import type { DisplayView } from '../../shared/wall/hall.ts';
import { describeError } from '../i18n/display.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { useConsole } from '../state/useConsole.ts';
import { useLiveQuery } from '../state/useLiveQuery.ts';
import { RoutedPanel } from './RoutedPanel.tsx';
import { WallStatusBar } from './WallStatusBar.tsx';
import './wall.css';

interface Slice { key: string; view: DisplayView; route: PanelRoute | null }

/** A panel and the part of it this display shows: equal keys need no second copy. */
const sliceKey = (view: DisplayView) => `${view.cell.route}|${view.cell.colSpan}x${view.cell.rowSpan}+${view.offset.col},${view.offset.row}`;

function panelRouteOf(address: string): PanelRoute | null {
  const route = parseRoute(`#${address}`);
  return route && !('wall' in route) ? route : null;
}

/**
 * One display of the hall's wall: no menus, large type, high contrast. It shows the part of the
 * current preset's cell that covers this display (a cell spanning displays is drawn whole and
 * shifted, so the displays together show one picture) and follows every switch as it is written.
 */
export function WallWindow({ hall, display, nodes, info }: { hall: string; display: string; nodes: CommandNode[] | undefined; info: AppInfo | undefined }) {
  const { t, locale } = useI18n();
  const { transport } = useConsole();
  const load = useMemo(() => (api: ConsoleApi) => api.wall.state({ hallId: hall }), [hall]);
  const state = useLiveQuery(load, ['wallLayout']);
  const preset = state.data?.presets.find((candidate) => candidate.id === state.data?.currentId);
  const presetName = preset ? (locale === 'en' && preset.nameEn ? preset.nameEn : preset.name) : undefined;
  const view = viewOfDisplay(preset, display);
  const title = wallTitle(presetName, display);
  const known = state.data?.hall.displays?.some((candidate) => candidate.label === display) ?? true;

  useEffect(() => {
    document.title = title;
  }, [title]);

  // Every panel this display shows under any preset is loaded once and kept, hidden when not on
  // the wall: a switch then only changes which one is shown (well inside the second a hall expects).
  const slices = useMemo(() => {
    const byKey = new Map<string, Slice>();
    for (const candidate of state.data?.presets ?? []) {
      const seen = viewOfDisplay(candidate, display);
      if (seen) byKey.set(sliceKey(seen), { key: sliceKey(seen), view: seen, route: panelRouteOf(seen.cell.route) });
    }
    return [...byKey.values()];
  }, [state.data, display]);
  const shownKey = view ? sliceKey(view) : null;
  const shown = slices.find((slice) => slice.key === shownKey);
  const panelName = shown?.route ? `${shown.route.panel}${shown.route.board ? `/${shown.route.board}` : ''}` : '';

  return (
    <div className="wall-window" data-testid="wall-window" data-display={display} data-preset={preset?.id ?? ''}>
      <WallStatusBar title={title} exercise={info?.exerciseData ?? false} />
      <div className="wall-cell" data-testid="wall-cell" data-cell={view?.name ?? ''} data-panel={panelName}>
        {state.error !== null && state.error !== undefined && !state.data && <div className="wall-message wall-message--alarm">{describeError(state.error, locale)}</div>}
        {!known && <div className="wall-message wall-message--alarm">{t('wall.badRoute', { reason: `no display ${display}` })}</div>}
        {state.data && known && !view && <div className="wall-message">{t('wall.unassigned')}</div>}
        {view && !shown?.route && <div className="wall-message wall-message--alarm">{t('wall.badRoute', { reason: addressProblem(view.cell.route) ?? view.cell.route })}</div>}
        {slices.map((slice) => slice.route && (
          <WallSlice key={slice.key} address={slice.view.cell.route} colSpan={slice.view.cell.colSpan} rowSpan={slice.view.cell.rowSpan}
            col={slice.view.offset.col} row={slice.view.offset.row} shown={slice.key === shownKey} nodes={nodes} homeCode={info?.nodeCode} exerciseData={info?.exerciseData ?? false} />
        ))}
      </div>
      {transport !== 'open' && (
        <div className="wall-lost" role="alert" data-testid="wall-lost">
          <div>{t('wall.lost')}</div>
          <div className="wall-lost__en">{t('wall.lostEn')}</div>
        </div>
      )}
    </div>
  );
}

/**
 * One panel kept in a wall window. Memoised on plain values: a switch re-renders only the two
 * slices whose visibility changes, not every hidden map and board.
 */
const WallSlice = memo(function WallSlice({ address, colSpan, rowSpan, col, row, shown, nodes, homeCode, exerciseData }: {
  address: string; colSpan: number; rowSpan: number; col: number; row: number; shown: boolean;
  nodes: CommandNode[] | undefined; homeCode: string | undefined; exerciseData: boolean;
}) {
  const route = useMemo(() => panelRouteOf(address), [address]);
  if (!route) return null;
  return (
    <div className="wall-cell__canvas" hidden={!shown} aria-hidden={!shown} style={{
      width: `${colSpan * 100}%`, height: `${rowSpan * 100}%`, transform: `translate(${(-100 * col) / colSpan}%, ${(-100 * row) / rowSpan}%)`,
    }}>
      <RoutedPanel route={route} nodes={nodes} homeCode={homeCode} exerciseData={exerciseData} wall />
    </div>
  );
});
