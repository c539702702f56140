// The map benchmark's page: one map, one way of drawing 50,000 moving points, fed by the
// console's real WebSocket API and the console's own position store (renderer/map/live).
import 'ol/ol.css';
import Feature from 'ol/Feature.js';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import Point from 'ol/geom/Point.js';
import VectorLayer from 'ol/layer/Vector.js';
import WebGLVectorLayer from 'ol/layer/WebGLVector.js';
import VectorSource from 'ol/source/Vector.js';
import CircleStyle from 'ol/style/Circle.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import Style from 'ol/style/Style.js';
import { fromLonLat } from 'ol/proj.js';
import { connectWsConsole } from '../../../renderer/api/wsTransport.ts';
import { createPointsRenderer } from '../../../renderer/map/live/livePositions.ts';
import { classifyRenderer, webglRendererName } from '../../../renderer/map/live/detectRenderer.ts';
import { LivePositionsLayer } from '../../../renderer/map/live/LivePositionsLayer.ts';
import { KIND_COLOURS, OUTLINE_COLOUR } from '../../../renderer/map/live/palette.ts';
import { PositionStore } from '../../../renderer/map/live/positionStore.ts';

export type Variant = 'live-cpu' | 'live-webgl' | 'ol-webgl' | 'ol-canvas';

export interface BenchResult {
  frames: number;
  seconds: number;
  deltas: number[];
  /** Time in the live layer's draw call, per map render (live variants only). */
  drawTimes: number[];
  received: number;
  applied: number;
  stale: number;
  count: number;
}

declare global {
  interface Window {
    __bench?: {
      ready: boolean;
      error: string | null;
      variant: Variant;
      renderer: string | null;
      path: string;
      count(): number;
      received(): number;
      start(): void;
      endFrames(): void;
      result(): BenchResult;
      positions(): { ids: string[]; lon: number[]; lat: number[] };
    };
  }
}

const params = new URLSearchParams(window.location.search);
const variant = (params.get('variant') ?? 'live-cpu') as Variant;
const expected = Number(params.get('expect') ?? '0');
const api = connectWsConsole(`ws://${window.location.host}/api?token=${encodeURIComponent(params.get('token') ?? '')}`).api;

const store = new PositionStore({ initialCapacity: 65_536 });
const map = new OlMap({
  target: 'map',
  controls: [],
  view: new View({ center: fromLonLat([121.47, 31.2]), zoom: 10 }),
});

let path = variant;
let recording = false;
let drawTimes: number[] = [];
const rendererName = webglRendererName();
if (variant === 'live-cpu' || variant === 'live-webgl') {
  const { renderer, choice } = createPointsRenderer(classifyRenderer(rendererName, variant === 'live-cpu' ? 'cpu' : 'webgl'));
  path = `live-${choice.path}` as Variant;
  // Timed, so the figures can tell drawing apart from everything else in a frame.
  const draw = renderer.render.bind(renderer);
  renderer.render = (frameState, from, opacity) => {
    const started = performance.now();
    const element = draw(frameState, from, opacity);
    if (recording) drawTimes.push(performance.now() - started);
    return element;
  };
  const layer = new LivePositionsLayer(store, renderer);
  map.addLayer(layer);
  store.onApplied(() => layer.changed());
} else {
  // Stock OpenLayers: one Feature per entity, moved with setCoordinates as positions arrive.
  const source = new VectorSource<Feature<Point>>({ wrapX: false });
  const features: Feature<Point>[] = [];
  if (variant === 'ol-webgl') {
    const colour: unknown[] = ['match', ['get', 'kind']];
    KIND_COLOURS.forEach((hex, kind) => colour.push(kind, hex));
    colour.push(KIND_COLOURS[0]);
    map.addLayer(new WebGLVectorLayer({
      source,
      style: { 'circle-radius': 3.5, 'circle-fill-color': colour as never, 'circle-stroke-color': OUTLINE_COLOUR, 'circle-stroke-width': 1 },
    }));
  } else {
    const styles = KIND_COLOURS.map((hex) => new Style({ image: new CircleStyle({ radius: 3, fill: new Fill({ color: hex }), stroke: new Stroke({ color: OUTLINE_COLOUR, width: 1 }) }) }));
    map.addLayer(new VectorLayer({ source, style: (feature) => styles[feature.get('kind') as number] ?? styles[0]! }));
  }
  store.onApplied((changed) => {
    const added: Feature<Point>[] = [];
    for (const slot of changed) {
      const feature = features[slot];
      if (feature) {
        feature.getGeometry()!.setCoordinates([store.x[slot]!, store.y[slot]!]);
        if (feature.get('kind') !== store.kind[slot]) feature.set('kind', store.kind[slot]);
      } else {
        const created = new Feature({ geometry: new Point([store.x[slot]!, store.y[slot]!]), kind: store.kind[slot] });
        features[slot] = created;
        added.push(created);
      }
    }
    if (added.length > 0) source.addFeatures(added);
  });
}

let received = 0;
let frames: number[] = [];
let base = { received: 0, applied: 0, stale: 0 };
api.on('positions:batch', (batch) => {
  received += batch.ids.length;
  store.push(batch);
});
const tick = (time: number) => {
  if (recording) frames.push(time);
  requestAnimationFrame(tick);
};
requestAnimationFrame(tick);

window.__bench = {
  ready: false,
  error: null,
  variant,
  renderer: rendererName,
  path,
  count: () => store.count,
  received: () => received - base.received,
  start() {
    base = { received, applied: store.totals.applied, stale: store.totals.stale };
    frames = [];
    drawTimes = [];
    recording = true;
  },
  endFrames() {
    recording = false;
  },
  result() {
    const deltas = frames.slice(1).map((time, i) => time - frames[i]!);
    return {
      frames: deltas.length,
      seconds: frames.length > 1 ? (frames[frames.length - 1]! - frames[0]!) / 1000 : 0,
      deltas,
      drawTimes,
      received: received - base.received,
      applied: store.totals.applied - base.applied,
      stale: store.totals.stale - base.stale,
      count: store.count,
    };
  },
  positions: () => ({ ids: store.ids.slice(0, store.count), lon: Array.from(store.lon.subarray(0, store.count)), lat: Array.from(store.lat.subarray(0, store.count)) }),
};

api.positions.snapshot({}).then((snapshot) => {
  store.push(snapshot);
  const wait = () => {
    if (store.count >= expected) window.__bench!.ready = true;
    else requestAnimationFrame(wait);
  };
  wait();
}, (error: unknown) => {
  window.__bench!.error = String(error);
});
