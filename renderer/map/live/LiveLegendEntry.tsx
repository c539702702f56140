import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/useI18n.ts';
import { useConsole } from '../../state/useConsole.ts';
import { LegendSwatch } from '../LegendSwatch.tsx';
import type { LivePositions } from './livePositions.ts';
import { KIND_COLOURS } from './palette.ts';

/** How often the legend's count follows the feed: a number flickering 60 times a second helps no one. */
const COUNT_EVERY_MS = 500;

/** The legend line of the live-positions layer: its switch, count and drawing path (CPU or GPU). */
export function LiveLegendEntry({ live }: { live: LivePositions | null }) {
  const { t } = useI18n();
  const [visible, setVisible] = useState(true);
  const [count, setCount] = useState(0);
  const { transport } = useConsole();
  const wasClosed = useRef(false);

  // Batches pushed while the link was down are lost: catch up from the snapshot once it is back.
  useEffect(() => {
    if (transport === 'closed') wasClosed.current = true;
    if (transport === 'open' && wasClosed.current) {
      wasClosed.current = false;
      live?.reload();
    }
  }, [transport, live]);

  useEffect(() => {
    if (!live) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setCount(live.store.count);
    const stop = live.onChange(() => {
      timer ??= setTimeout(() => {
        timer = undefined;
        setCount(live.store.count);
      }, COUNT_EVERY_MS);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [live]);

  useEffect(() => live?.setVisible(visible), [live, visible]);

  if (!live) return null;
  const path = live.choice.path === 'webgl' ? 'GPU' : 'CPU';
  return (
    <li className={`legend__entry legend__entry--live${visible ? '' : ' legend__entry--off'}`} data-testid="legend-live"
      data-visible={String(visible)} data-path={live.choice.path}
      title={t('map.live.pathTitle', { path, renderer: live.choice.renderer ?? '—' })}>
      <label className="legend__layer">
        <input type="checkbox" checked={visible} data-testid="layer-toggle-live"
          aria-label={t('map.layerToggle', { layer: t('map.layer.live') })}
          onChange={(event) => setVisible(event.target.checked)} />
        <LegendSwatch swatch={{ shape: 'circle', colour: KIND_COLOURS[0]! }} />
        <span className="legend__name">{t('map.layer.live')} · {path}</span>
        <span className="legend__count" data-testid="legend-count-live">{count}</span>
      </label>
    </li>
  );
}
