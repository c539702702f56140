import Layer from 'ol/layer/Layer.js';
import type { FrameState } from 'ol/Map.js';
import type { LivePointsRenderer } from './cpuPointsRenderer.ts';
import type { PositionStore } from './positionStore.ts';

export interface LivePositionsLayerOptions {
  zIndex?: number;
  properties?: Record<string, unknown>;
}

/**
 * An OpenLayers layer that draws the position store with its own renderer (CPU or WebGL),
 * straight from typed arrays: no Feature objects, no source. Hit-testing runs over the same
 * arrays with the transform of the last frame drawn.
 */
export class LivePositionsLayer extends Layer {
  private transform: number[] | null = null;

  constructor(readonly store: PositionStore, readonly points: LivePointsRenderer, options: LivePositionsLayerOptions = {}) {
    super({ zIndex: options.zIndex, properties: options.properties });
  }

  override render(frameState: FrameState | null): HTMLElement | null {
    if (!frameState) return null;
    this.transform = frameState.coordinateToPixelTransform.slice();
    this.rendered = true;
    const opacity = frameState.layerStatesArray[frameState.layerIndex]?.opacity ?? 1;
    return this.points.render(frameState, this.store, opacity);
  }

  /** The slot of the topmost point within `tolerance` CSS pixels of `pixel`, or -1. */
  hitTest(pixel: readonly number[], tolerance = 6): number {
    const transform = this.transform;
    if (!transform || !this.getVisible()) return -1;
    const [a, b, c, d, e, f] = transform as [number, number, number, number, number, number];
    const [px, py] = pixel as [number, number];
    const { x, y, count } = this.store;
    const limit = tolerance * tolerance;
    let best = -1;
    let bestDistance = Infinity;
    // Later slots are drawn on top, so on a tie the later one wins.
    for (let i = 0; i < count; i += 1) {
      const dx = a * x[i]! + c * y[i]! + e - px;
      const dy = b * x[i]! + d * y[i]! + f - py;
      const distance = dx * dx + dy * dy;
      if (distance <= limit && distance <= bestDistance) {
        best = i;
        bestDistance = distance;
      }
    }
    return best;
  }

  protected override disposeInternal(): void {
    this.points.dispose();
    super.disposeInternal();
  }
}
