import type { FrameState } from 'ol/Map.js';
import { KIND_COLOURS, OUTLINE_COLOUR, rgbaWord } from './palette.ts';
import type { PositionStore } from './positionStore.ts';

/** What both live renderers offer the layer. */
export interface LivePointsRenderer {
  readonly path: 'cpu' | 'webgl';
  render(frameState: FrameState, store: PositionStore, opacity: number): HTMLElement;
  dispose(): void;
}

/** Point radius in CSS pixels: the fill, and the outline ring outside it. */
export const POINT_RADIUS = 2.5;
const OUTLINE_RADIUS = 3.5;

interface Rect { x0: number; y0: number; x1: number; y1: number }
const EMPTY: Rect = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };

/** The layer's element: a div like OpenLayers' own layer containers, holding one canvas. */
export function layerContainer(canvas: HTMLCanvasElement): HTMLDivElement {
  const container = document.createElement('div');
  container.className = 'ol-layer rc-live-layer';
  container.style.cssText = 'position:absolute;width:100%;height:100%;pointer-events:none';
  canvas.style.cssText = 'position:absolute;left:0;top:0;width:100%;height:100%;display:block';
  container.appendChild(canvas);
  return container;
}

/**
 * Draws points without a GPU: each point is a small pre-computed disc whose pixels are written
 * as 32-bit words straight into one ImageData from the store's typed arrays, then only the
 * rectangle that changed (this frame's points and last frame's) is put on the canvas.
 * No features, no paths, no per-point canvas calls.
 */
export class CpuPointsRenderer implements LivePointsRenderer {
  readonly path = 'cpu' as const;
  private readonly canvas = document.createElement('canvas');
  private readonly context: CanvasRenderingContext2D;
  private readonly container = layerContainer(this.canvas);
  private image: ImageData | null = null;
  private pixels = new Uint32Array(0);
  private spriteFor = { width: -1, ratio: -1 };
  private fillOffsets = new Int32Array(0);
  private outlineOffsets = new Int32Array(0);
  private fillDx = new Int8Array(0);
  private fillDy = new Int8Array(0);
  private outlineDx = new Int8Array(0);
  private outlineDy = new Int8Array(0);
  private reach = 4;
  private previous: Rect = { ...EMPTY };
  private readonly colours = new Uint32Array(KIND_COLOURS.map(rgbaWord));
  private readonly outline = rgbaWord(OUTLINE_COLOUR);

  constructor() {
    const context = this.canvas.getContext('2d', { alpha: true });
    if (!context) throw new Error('the browser gave no 2D canvas');
    this.context = context;
  }

  render(frameState: FrameState, store: PositionStore, opacity: number): HTMLElement {
    const ratio = frameState.pixelRatio;
    const width = Math.round(frameState.size[0]! * ratio);
    const height = Math.round(frameState.size[1]! * ratio);
    if (this.canvas.width !== width || this.canvas.height !== height || !this.image) {
      this.canvas.width = width;
      this.canvas.height = height;
      this.image = this.context.createImageData(Math.max(1, width), Math.max(1, height));
      this.pixels = new Uint32Array(this.image.data.buffer);
      this.previous = { x0: 0, y0: 0, x1: width - 1, y1: height - 1 };
    }
    if (this.spriteFor.width !== width || this.spriteFor.ratio !== ratio) this.buildSprite(width, ratio);
    this.container.style.opacity = String(opacity);
    if (width === 0 || height === 0) return this.container;

    this.clear(this.previous, width);
    const drawn = this.draw(frameState, store, width, height);
    const dirty = union(this.previous, drawn);
    if (dirty.x1 >= dirty.x0 && dirty.y1 >= dirty.y0) {
      this.context.putImageData(this.image, 0, 0, dirty.x0, dirty.y0, dirty.x1 - dirty.x0 + 1, dirty.y1 - dirty.y0 + 1);
    }
    this.previous = drawn;
    return this.container;
  }

  dispose(): void {
    this.canvas.width = 0;
    this.canvas.height = 0;
    this.image = null;
    this.pixels = new Uint32Array(0);
  }

  private draw(frameState: FrameState, store: PositionStore, width: number, height: number): Rect {
    const ratio = frameState.pixelRatio;
    const [a, b, c, d, e, f] = frameState.coordinateToPixelTransform as [number, number, number, number, number, number];
    const ta = a * ratio, tb = b * ratio, tc = c * ratio, td = d * ratio, te = e * ratio, tf = f * ratio;
    const { x, y, kind, count } = store;
    const pixels = this.pixels;
    const colours = this.colours;
    const outline = this.outline;
    const fillOffsets = this.fillOffsets;
    const outlineOffsets = this.outlineOffsets;
    const nFill = fillOffsets.length;
    const nOutline = outlineOffsets.length;
    const reach = this.reach;
    const xMax = width - reach;
    const yMax = height - reach;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let i = 0; i < count; i += 1) {
      const wx = x[i]!;
      const wy = y[i]!;
      const px = Math.round(ta * wx + tc * wy + te);
      const py = Math.round(tb * wx + td * wy + tf);
      if (px < -reach || py < -reach || px >= width + reach || py >= height + reach) continue;
      const colour = colours[kind[i]!] ?? colours[0]!;
      if (px >= reach && py >= reach && px < xMax && py < yMax) {
        const base = py * width + px;
        for (let k = 0; k < nOutline; k += 1) pixels[base + outlineOffsets[k]!] = outline;
        for (let k = 0; k < nFill; k += 1) pixels[base + fillOffsets[k]!] = colour;
      } else {
        this.drawClipped(px, py, width, height, colour);
      }
      if (px < x0) x0 = px;
      if (px > x1) x1 = px;
      if (py < y0) y0 = py;
      if (py > y1) y1 = py;
    }
    if (x0 > x1) return { ...EMPTY };
    return {
      x0: Math.max(0, x0 - reach), y0: Math.max(0, y0 - reach),
      x1: Math.min(width - 1, x1 + reach), y1: Math.min(height - 1, y1 + reach),
    };
  }

  /** A point near the edge: pixel by pixel, skipping those outside the canvas. */
  private drawClipped(px: number, py: number, width: number, height: number, colour: number): void {
    const put = (dx: Int8Array, dy: Int8Array, value: number) => {
      for (let k = 0; k < dx.length; k += 1) {
        const sx = px + dx[k]!;
        const sy = py + dy[k]!;
        if (sx >= 0 && sy >= 0 && sx < width && sy < height) this.pixels[sy * width + sx] = value;
      }
    };
    put(this.outlineDx, this.outlineDy, this.outline);
    put(this.fillDx, this.fillDy, colour);
  }

  private clear(rect: Rect, width: number): void {
    if (rect.x1 < rect.x0 || rect.y1 < rect.y0) return;
    if (rect.x0 === 0 && rect.x1 === width - 1) {
      this.pixels.fill(0, rect.y0 * width, (rect.y1 + 1) * width);
      return;
    }
    for (let row = rect.y0; row <= rect.y1; row += 1) this.pixels.fill(0, row * width + rect.x0, row * width + rect.x1 + 1);
  }

  /** The disc's pixel offsets for this canvas width and pixel ratio. */
  private buildSprite(width: number, ratio: number): void {
    const fillRadius = POINT_RADIUS * ratio;
    const outlineRadius = OUTLINE_RADIUS * ratio;
    const reach = Math.ceil(outlineRadius);
    const fill: [number, number][] = [];
    const ring: [number, number][] = [];
    for (let dy = -reach; dy <= reach; dy += 1) {
      for (let dx = -reach; dx <= reach; dx += 1) {
        const distance = Math.hypot(dx, dy);
        if (distance <= fillRadius) fill.push([dx, dy]);
        else if (distance <= outlineRadius) ring.push([dx, dy]);
      }
    }
    this.fillOffsets = Int32Array.from(fill, ([dx, dy]) => dy * width + dx);
    this.outlineOffsets = Int32Array.from(ring, ([dx, dy]) => dy * width + dx);
    this.fillDx = Int8Array.from(fill, ([dx]) => dx);
    this.fillDy = Int8Array.from(fill, ([, dy]) => dy);
    this.outlineDx = Int8Array.from(ring, ([dx]) => dx);
    this.outlineDy = Int8Array.from(ring, ([, dy]) => dy);
    this.reach = reach + 1;
    this.spriteFor = { width, ratio };
  }
}

function union(a: Rect, b: Rect): Rect {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}
