import { POSITION_KINDS, type Position, type PositionBatch } from '../../../shared/domain/position.ts';

const EARTH_RADIUS = 6378137;
const MAX_LAT = 85.0511287798066;

/** Web Mercator (EPSG:3857, the map's projection) from WGS84, inlined: it runs 5,000 times a second. */
export function mercatorX(lon: number): number {
  return (EARTH_RADIUS * Math.PI * lon) / 180;
}
export function mercatorY(lat: number): number {
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  return EARTH_RADIUS * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360));
}

/** Called after a frame's batches are applied, with the slots that changed (each once; valid only during the call). */
export type AppliedListener = (changed: Int32Array) => void;

export interface PositionStoreOptions {
  /** Schedules the once-per-frame apply; defaults to requestAnimationFrame. */
  requestFrame?: (callback: () => void) => void;
  initialCapacity?: number;
}

/**
 * The live positions the map draws, in typed arrays (no OpenLayers features): slot i holds one
 * entity's map coordinates (`x`, `y`, EPSG:3857), kind, fix time and WGS84 position. Pushed
 * batches queue up and are applied together once per animation frame, newest fix per entity
 * winning, then listeners are told which slots changed so the layer renders once.
 */
export class PositionStore {
  x: Float64Array;
  y: Float64Array;
  lon: Float64Array;
  lat: Float64Array;
  at: Float64Array;
  kind: Uint8Array;
  /** NaN where unknown. */
  heading: Float32Array;
  speed: Float32Array;
  /** Slot → entity id. */
  readonly ids: string[] = [];
  /** How many slots are in use. */
  count = 0;
  /** Bumped by every apply that changed something: renderers compare it to skip uploads. */
  version = 0;
  /** Totals since creation: positions received in batches, applied as newer, dropped as older. */
  readonly totals = { received: 0, applied: 0, stale: 0, frames: 0 };

  private readonly index = new Map<string, number>();
  private readonly requestFrame: (callback: () => void) => void;
  private queue: PositionBatch[] = [];
  private frameRequested = false;
  private readonly listeners = new Set<AppliedListener>();
  private changed: Int32Array;
  /** Per slot, the apply round that last listed it as changed (dedupes the changed list). */
  private mark: Uint32Array;
  private round = 0;

  constructor(options: PositionStoreOptions = {}) {
    this.requestFrame = options.requestFrame ?? ((callback) => { requestAnimationFrame(() => callback()); });
    const capacity = Math.max(16, options.initialCapacity ?? 1024);
    this.x = new Float64Array(capacity);
    this.y = new Float64Array(capacity);
    this.lon = new Float64Array(capacity);
    this.lat = new Float64Array(capacity);
    this.at = new Float64Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.heading = new Float32Array(capacity);
    this.speed = new Float32Array(capacity);
    this.changed = new Int32Array(capacity);
    this.mark = new Uint32Array(capacity);
  }

  /** Room for this many entities before the arrays grow. */
  get capacity(): number {
    return this.x.length;
  }

  /** Queues a batch; it is applied with the others at the next animation frame. */
  push(batch: PositionBatch): void {
    if (batch.ids.length === 0) return;
    this.queue.push(batch);
    this.totals.received += batch.ids.length;
    if (this.frameRequested) return;
    this.frameRequested = true;
    this.requestFrame(() => {
      this.frameRequested = false;
      this.applyQueued();
    });
  }

  /** Applies every queued batch now; returns how many slots changed. */
  applyQueued(): number {
    if (this.queue.length === 0) return 0;
    const batches = this.queue;
    this.queue = [];
    this.round += 1;
    let changedCount = 0;
    for (const batch of batches) {
      const n = batch.ids.length;
      for (let i = 0; i < n; i += 1) {
        const id = batch.ids[i]!;
        let slot = this.index.get(id);
        if (slot === undefined) {
          slot = this.add(id);
        } else if (batch.at[i]! < this.at[slot]!) {
          this.totals.stale += 1;
          continue;
        }
        const lon = batch.lon[i]!;
        const lat = batch.lat[i]!;
        this.lon[slot] = lon;
        this.lat[slot] = lat;
        this.x[slot] = mercatorX(lon);
        this.y[slot] = mercatorY(lat);
        this.at[slot] = batch.at[i]!;
        this.kind[slot] = batch.kinds[i]!;
        this.heading[slot] = batch.heading?.[i] ?? Number.NaN;
        this.speed[slot] = batch.speed?.[i] ?? Number.NaN;
        this.totals.applied += 1;
        if (this.mark[slot] !== this.round) {
          this.mark[slot] = this.round;
          this.changed[changedCount++] = slot;
        }
      }
    }
    this.totals.frames += 1;
    if (changedCount > 0) {
      this.version += 1;
      const changed = this.changed.subarray(0, changedCount);
      for (const listener of this.listeners) listener(changed);
    }
    return changedCount;
  }

  onApplied(listener: AppliedListener): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  /** The slot holding an entity, or -1. */
  slotOf(id: string): number {
    return this.index.get(id) ?? -1;
  }

  /** One slot's position as an object (for the details popup and tests). */
  position(slot: number): Position | null {
    if (slot < 0 || slot >= this.count) return null;
    const position: Position = {
      id: this.ids[slot]!, kind: POSITION_KINDS[this.kind[slot]!] ?? 'team',
      lon: this.lon[slot]!, lat: this.lat[slot]!, at: this.at[slot]!,
    };
    if (!Number.isNaN(this.heading[slot]!)) position.heading = this.heading[slot]!;
    if (!Number.isNaN(this.speed[slot]!)) position.speed = this.speed[slot]!;
    return position;
  }

  /** Forgets every entity. */
  clear(): void {
    this.index.clear();
    this.ids.length = 0;
    this.count = 0;
    this.queue = [];
    this.version += 1;
    for (const listener of this.listeners) listener(new Int32Array(0));
  }

  private add(id: string): number {
    if (this.count === this.capacity) this.grow(this.capacity * 2);
    const slot = this.count++;
    this.index.set(id, slot);
    this.ids[slot] = id;
    return slot;
  }

  private grow(capacity: number): void {
    const grown = <T extends Float64Array | Float32Array | Uint8Array | Int32Array | Uint32Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.x = grown(this.x, (n) => new Float64Array(n));
    this.y = grown(this.y, (n) => new Float64Array(n));
    this.lon = grown(this.lon, (n) => new Float64Array(n));
    this.lat = grown(this.lat, (n) => new Float64Array(n));
    this.at = grown(this.at, (n) => new Float64Array(n));
    this.kind = grown(this.kind, (n) => new Uint8Array(n));
    this.heading = grown(this.heading, (n) => new Float32Array(n));
    this.speed = grown(this.speed, (n) => new Float32Array(n));
    this.changed = grown(this.changed, (n) => new Int32Array(n));
    this.mark = grown(this.mark, (n) => new Uint32Array(n));
  }
}
