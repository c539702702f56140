import type OlMap from 'ol/Map.js';
import type MapBrowserEvent from 'ol/MapBrowserEvent.js';
import Overlay from 'ol/Overlay.js';
import type { Position } from '../../../shared/domain/position.ts';
import type { ConsoleApi } from '../../../shared/ipc/contract.ts';
import { CpuPointsRenderer, type LivePointsRenderer } from './cpuPointsRenderer.ts';
import { detectLivePath, type LivePathChoice } from './detectRenderer.ts';
import { LivePositionsLayer } from './LivePositionsLayer.ts';
import { PositionStore } from './positionStore.ts';
import { WebglPointsRenderer } from './webglPointsRenderer.ts';

/** The live-positions layer on a map, fed by the console API. */
export interface LivePositions {
  readonly layer: LivePositionsLayer;
  readonly store: PositionStore;
  readonly choice: LivePathChoice;
  setVisible(visible: boolean): void;
  /** The selected entity's latest position, or null. */
  selected(): Position | null;
  select(id: string | null): void;
  /** Loads the snapshot again: after the transport dropped, pushed batches were lost. */
  reload(): void;
  /** Called (at most once per frame) when positions changed. */
  onChange(listener: () => void): () => void;
  dispose(): void;
}

export interface LivePositionsOptions {
  /** The page's query string, for the `?live=cpu|webgl` override. */
  search?: string;
  zIndex?: number;
}

/** Makes the renderer for a path; a WebGL context the browser refuses falls back to the CPU path. */
export function createPointsRenderer(choice: LivePathChoice): { renderer: LivePointsRenderer; choice: LivePathChoice } {
  if (choice.path === 'webgl') {
    try {
      return { renderer: new WebglPointsRenderer(), choice };
    } catch {
      return { renderer: new CpuPointsRenderer(), choice: { ...choice, path: 'cpu', reason: 'no-webgl' } };
    }
  }
  return { renderer: new CpuPointsRenderer(), choice };
}

const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/**
 * Adds the live layer to `map`: picks the CPU or WebGL path at start-up, subscribes to
 * `positions:batch` (applied once per animation frame), loads the snapshot, and lets a click
 * on a point select it (a ring and its id follow the point as it moves).
 */
export function attachLivePositions(map: OlMap, api: ConsoleApi, options: LivePositionsOptions = {}): LivePositions {
  const { renderer, choice } = createPointsRenderer(detectLivePath(options.search));
  const store = new PositionStore({ initialCapacity: 4096 });
  const layer = new LivePositionsLayer(store, renderer, { zIndex: options.zIndex ?? 6, properties: { id: 'live' } });
  map.addLayer(layer);

  const element = document.createElement('div');
  element.className = 'live-selection';
  element.dataset.testid = 'live-selection';
  element.style.cssText = 'pointer-events:none;position:relative';
  const ring = document.createElement('div');
  ring.style.cssText = 'position:absolute;left:-9px;top:-9px;width:14px;height:14px;border:2px solid #fff;border-radius:50%;box-shadow:0 0 0 1px #050b14';
  const label = document.createElement('div');
  label.style.cssText = 'position:absolute;left:12px;top:-10px;white-space:nowrap;font:12px/1.4 sans-serif;color:#e8eef6;background:rgba(5,11,20,.85);border:1px solid #4f86c0;border-radius:3px;padding:1px 6px';
  element.append(ring, label);
  const overlay = new Overlay({ element, stopEvent: false });
  map.addOverlay(overlay);

  let selectedId: string | null = null;
  const changeListeners = new Set<() => void>();
  const showSelection = () => {
    const slot = selectedId === null ? -1 : store.slotOf(selectedId);
    if (slot < 0 || !layer.getVisible()) {
      overlay.setPosition(undefined);
      return;
    }
    overlay.setPosition([store.x[slot]!, store.y[slot]!]);
    label.textContent = `${store.ids[slot]} · ${TIME.format(store.at[slot]!)}`;
  };
  const stopApplied = store.onApplied(() => {
    layer.changed();
    if (selectedId !== null) showSelection();
    for (const listener of changeListeners) listener();
  });
  const stopEvents = api.on('positions:batch', (batch) => store.push(batch));
  // Newest fix wins in the store, so a snapshot racing with pushed batches does no harm.
  const loadSnapshot = () => {
    void api.positions.snapshot({}).then((batch) => store.push(batch)).catch((error: unknown) => {
      console.warn('live positions: the snapshot could not be loaded', error);
    });
  };
  loadSnapshot();

  const onClick = (event: MapBrowserEvent) => {
    const slot = layer.hitTest(event.pixel);
    selectedId = slot >= 0 ? store.ids[slot]! : null;
    showSelection();
  };
  map.on('singleclick', onClick);

  return {
    layer, store, choice,
    setVisible(visible) {
      layer.setVisible(visible);
      showSelection();
    },
    selected: () => (selectedId === null ? null : store.position(store.slotOf(selectedId))),
    select(id) {
      selectedId = id;
      showSelection();
    },
    reload: loadSnapshot,
    onChange(listener) {
      changeListeners.add(listener);
      return () => { changeListeners.delete(listener); };
    },
    dispose() {
      stopEvents();
      stopApplied();
      map.un('singleclick', onClick);
      map.removeOverlay(overlay);
      map.removeLayer(layer);
      layer.dispose();
    },
  };
}
