import { useState } from 'react';
import type { WallLayout } from '../../shared/domain/wallLayout.ts';
import type { ConsoleApi } from '../../shared/ipc/contract.ts';
import { cellName } from '../../shared/wall/hall.ts';
import { describeError, formatTime } from '../i18n/display.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { useConsole } from '../state/useConsole.ts';
import { useLiveQuery } from '../state/useLiveQuery.ts';
import { LayoutEditor } from './LayoutEditor.tsx';
import { placeDisplays, windowFeatures, type ScreenBox } from './placement.ts';
import './wall.css';
import './hallPanel.css';

const loadState = (api: ConsoleApi) => api.wall.state({});
const loadWindows = (api: ConsoleApi) => api.wall.windows({});

declare global {
  interface Window { getScreenDetails?: () => Promise<{ screens: ScreenBox[] }> }
}

/** The screens of this wall PC, where the browser tells (Window Management API); none otherwise. */
async function screens(): Promise<ScreenBox[]> {
  try {
    return window.getScreenDetails ? (await window.getScreenDetails()).screens : [];
  } catch {
    return [];
  }
}

/**
 * The hall from an operator's desk: what the wall shows, one click to switch preset, the rule's
 * proposal waiting for a click, the wall windows to open, and the preset editor.
 */
export function HallPanel() {
  const { t, locale } = useI18n();
  const { api } = useConsole();
  const state = useLiveQuery(loadState, ['wallLayout']);
  const windows = useLiveQuery(loadWindows, ['wallLayout']);
  const [failure, setFailure] = useState<string | null>(null);
  const [editing, setEditing] = useState<WallLayout | 'new' | null>(null);
  const nameOf = (preset: WallLayout | undefined) => (preset ? (locale === 'en' && preset.nameEn ? preset.nameEn : preset.name) : t('wall.none'));
  const current = state.data?.presets.find((preset) => preset.id === state.data?.currentId);
  const proposal = state.data?.hall.proposal;
  const run = (action: Promise<unknown>) => {
    setFailure(null);
    action.catch((error: unknown) => setFailure(t('wall.failed', { reason: describeError(error, locale) })));
  };

  const openAll = async () => {
    const hall = state.data?.hall;
    if (!hall || !windows.data) return;
    const placed = placeDisplays(hall.displays ?? [], await screens());
    for (const window_ of windows.data) {
      const screen = placed.get(window_.display);
      window.open(window_.address, `wall-${window_.display}`, screen ? windowFeatures(screen) : `popup,width=${Math.round(window_.width / 2)},height=${Math.round(window_.height / 2)}`);
    }
  };

  return (
    <section className="panel hall-panel" aria-labelledby="wall-title" data-testid="panel-wall">
      <div className="panel__header">
        <h2 id="wall-title" className="panel__title">{t('wall.title')}</h2>
        {state.data && <span className="panel__summary">{t('wall.hall')}：{locale === 'en' ? state.data.hall.nameEn ?? state.data.hall.name : state.data.hall.name}</span>}
      </div>
      {failure && <div className="panel__notice panel__notice--error" role="alert" data-testid="wall-failure">{failure}</div>}
      {proposal && (
        <div className="hall-proposal" role="alert" data-testid="wall-proposal">
          <span>{t('wall.proposal', { preset: nameOf(state.data?.presets.find((preset) => preset.id === proposal.presetId)), reason: proposal.reason })}</span>
          <button type="button" className="button" data-testid="wall-accept" onClick={() => run(api.wall.acceptProposal({}))}>{t('wall.accept')}</button>
          <button type="button" className="button button--small" data-testid="wall-dismiss" onClick={() => run(api.wall.dismissProposal({}))}>{t('wall.dismiss')}</button>
        </div>
      )}
      <div className="hall-layout">
        <div className="hall-card">
          <h3 className="map-card__title">{t('wall.current')}</h3>
          <div className="hall-current" data-testid="wall-current">{nameOf(current)}</div>
          {state.data?.hall.current && (
            <div className="hall-meta">
              {t('wall.switchedBy', { time: formatTime(state.data.hall.current.at, locale), by: state.data.hall.current.by })}
              {state.data.hall.current.reason && <div>{t('wall.reason', { reason: state.data.hall.current.reason })}</div>}
            </div>
          )}
          <div className="hall-presets" role="group">
            {(state.data?.presets ?? []).map((preset) => (
              <div key={preset.id} className="hall-preset">
                <button type="button" className={`button hall-preset__switch${preset.id === current?.id ? ' button--active' : ''}`} aria-pressed={preset.id === current?.id}
                  data-testid={`wall-preset-${preset.id}`} onClick={() => run(api.wall.switch({ preset: preset.id }))}>{nameOf(preset)}</button>
                <button type="button" className="button button--small" onClick={() => setEditing(preset)}>{t('wall.editor.edit')}</button>
              </div>
            ))}
            <button type="button" className="button button--small" data-testid="wall-new-preset" onClick={() => setEditing('new')}>{t('wall.editor.new')}</button>
          </div>
        </div>
        <div className="hall-card">
          <h3 className="map-card__title">{t('wall.windows')}</h3>
          <ul className="hall-windows">
            {(windows.data ?? []).map((window_) => (
              <li key={window_.display} data-testid="wall-window-row">
                <strong>{window_.display}</strong>
                <span>{window_.cell ?? '—'} · {window_.panel ? t(`wall.panel.${window_.panel}` as 'wall.panel.map') : t('wall.unassigned')}</span>
                <a className="button button--small" href={window_.address} target={`wall-${window_.display}`} rel="opener">{t('wall.openWindow')}</a>
              </li>
            ))}
          </ul>
          <button type="button" className="button" data-testid="wall-open-all" onClick={() => void openAll()}>{t('wall.openAll')}</button>
        </div>
      </div>
      {editing && state.data && (
        <LayoutEditor hall={state.data.hall} preset={editing === 'new' ? null : editing} onClose={() => setEditing(null)}
          describeCell={(cell) => `${cellName(cell)} · ${t(`wall.panel.${cell.route.split('?')[0]!.slice(1)}` as 'wall.panel.map')}`} />
      )}
    </section>
  );
}
