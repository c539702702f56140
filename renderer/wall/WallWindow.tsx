import { useEffect, useMemo } from 'react';
import type { CommandNode } from '../../shared/domain/commandNode.ts';
import type { AppInfo, ConsoleApi } from '../../shared/ipc/contract.ts';
import { viewOfDisplay, wallTitle } from '../../shared/wall/hall.ts';
import { addressProblem, parseRoute, type PanelRoute } from '../../shared/wall/routes.ts';
import { describeError } from '../i18n/display.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { useConsole } from '../state/useConsole.ts';
import { useLiveQuery } from '../state/useLiveQuery.ts';
import { RoutedPanel } from './RoutedPanel.tsx';
import { WallStatusBar } from './WallStatusBar.tsx';
import './wall.css';

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

  const route = view ? parseRoute(`#${view.cell.route}`) : null;
  const panelRoute = route && !('wall' in route) ? (route as PanelRoute) : null;
  const span = view ? { cols: view.cell.colSpan, rows: view.cell.rowSpan } : { cols: 1, rows: 1 };
  const offset = view?.offset ?? { col: 0, row: 0 };

  return (
    <div className="wall-window" data-testid="wall-window" data-display={display} data-preset={preset?.id ?? ''}>
      <WallStatusBar title={title} exercise={info?.exerciseData ?? false} />
      <div className="wall-cell" data-testid="wall-cell" data-cell={view?.name ?? ''} data-panel={panelRoute ? `${panelRoute.panel}${panelRoute.board ? `/${panelRoute.board}` : ''}` : ''}>
        {state.error !== null && state.error !== undefined && !state.data && <div className="wall-message wall-message--alarm">{describeError(state.error, locale)}</div>}
        {!known && <div className="wall-message wall-message--alarm">{t('wall.badRoute', { reason: `no display ${display}` })}</div>}
        {state.data && known && !view && <div className="wall-message">{t('wall.unassigned')}</div>}
        {view && !panelRoute && <div className="wall-message wall-message--alarm">{t('wall.badRoute', { reason: addressProblem(view.cell.route) ?? view.cell.route })}</div>}
        {panelRoute && (
          <div className="wall-cell__canvas" style={{
            width: `${span.cols * 100}%`, height: `${span.rows * 100}%`,
            transform: `translate(${(-100 * offset.col) / span.cols}%, ${(-100 * offset.row) / span.rows}%)`,
          }}>
            {/* Keyed by the address: a switch to another panel starts it fresh, the same panel is kept. */}
            <RoutedPanel key={view!.cell.route} route={panelRoute} nodes={nodes} info={info} wall />
          </div>
        )}
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
