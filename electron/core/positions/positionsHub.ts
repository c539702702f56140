import { MAX_POSITION_BATCH, PositionBatch, type PositionReportResult } from '../../../shared/domain/position.ts';
import { ConsoleError } from '../../../shared/ipc/errors.ts';

export interface PositionsHubOptions {
  /** Most entities held; a report that would go beyond is refused whole (default 200,000). */
  maxEntities?: number;
  /** Subscribers get at most one batch per this many milliseconds (default 50). */
  flushIntervalMs?: number;
  /** How far ahead of the clock a fix may be stamped before it is refused (default 10 minutes). */
  maxFutureMs?: number;
  now?: () => number;
}

type Listener = (batch: PositionBatch) => void;

/**
 * Live positions: the latest value per entity, in memory only (they are outside the op log's
 * history). Reports keep the newest fix per id by `at` and drop older ones; subscribers receive
 * coalesced batches holding only each changed entity's newest value, at most every
 * `flushIntervalMs`. Memory is bounded by `maxEntities`; values live in typed arrays.
 */
export class PositionsHub {
  private readonly maxEntities: number;
  private readonly flushIntervalMs: number;
  private readonly maxFutureMs: number;
  private readonly now: () => number;
  private readonly index = new Map<string, number>();
  private ids: string[] = [];
  private kinds = new Uint8Array(0);
  private lon = new Float64Array(0);
  private lat = new Float64Array(0);
  private at = new Float64Array(0);
  /** NaN where unknown. */
  private heading = new Float64Array(0);
  private speed = new Float64Array(0);
  private nodeCode: (string | null)[] = [];
  private count = 0;
  private readonly listeners = new Set<Listener>();
  /** Entities changed since the last flush, each once. */
  private dirty = new Uint8Array(0);
  private dirtyList: number[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastFlush = -Infinity;
  private closed = false;

  constructor(options: PositionsHubOptions = {}) {
    this.maxEntities = options.maxEntities ?? 200_000;
    this.flushIntervalMs = options.flushIntervalMs ?? 50;
    this.maxFutureMs = options.maxFutureMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** How many entities have a position. */
  get size(): number {
    return this.count;
  }

  /** Validates a batch and keeps each entity's newest fix; a bad batch is refused whole and changes nothing. */
  report(input: unknown): PositionReportResult {
    if (this.closed) throw new ConsoleError({ code: 'STORE_UNAVAILABLE', message: 'the live position feed is closed' });
    const parsed = PositionBatch.safeParse(input);
    if (!parsed.success) {
      throw new ConsoleError({
        code: 'INVALID_ARGUMENT',
        message: `invalid positions: ${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(batch)'}: ${i.message}`).join('; ')}`,
        issues: parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    const batch = parsed.data;
    const n = batch.ids.length;
    const latest = this.now() + this.maxFutureMs;
    const fresh = new Set<string>();
    for (let i = 0; i < n; i += 1) {
      if (batch.at[i]! > latest) {
        throw new ConsoleError({ code: 'INVALID_ARGUMENT', message: `invalid positions: at.${i}: ${new Date(batch.at[i]!).toISOString()} is in the future`, issues: [{ path: `at.${i}`, message: 'is in the future' }] });
      }
      if (!this.index.has(batch.ids[i]!)) fresh.add(batch.ids[i]!);
    }
    if (this.count + fresh.size > this.maxEntities) {
      throw new ConsoleError({ code: 'CONFLICT', message: `the live position table is full: it holds ${this.count} of at most ${this.maxEntities} entities, and this report adds ${fresh.size}` });
    }
    this.reserve(this.count + fresh.size);
    let accepted = 0;
    let stale = 0;
    const tracking = this.listeners.size > 0;
    for (let i = 0; i < n; i += 1) {
      const id = batch.ids[i]!;
      let slot = this.index.get(id);
      if (slot === undefined) {
        slot = this.count++;
        this.index.set(id, slot);
        this.ids[slot] = id;
        this.at[slot] = -Infinity;
      }
      // An older fix never replaces a newer one; one of the same instant does (a correction).
      if (batch.at[i]! < this.at[slot]!) {
        stale += 1;
        continue;
      }
      accepted += 1;
      this.kinds[slot] = batch.kinds[i]!;
      this.lon[slot] = batch.lon[i]!;
      this.lat[slot] = batch.lat[i]!;
      this.at[slot] = batch.at[i]!;
      this.heading[slot] = batch.heading?.[i] ?? Number.NaN;
      this.speed[slot] = batch.speed?.[i] ?? Number.NaN;
      this.nodeCode[slot] = batch.nodeCode?.[i] ?? null;
      if (tracking && this.dirty[slot] === 0) {
        this.dirty[slot] = 1;
        this.dirtyList.push(slot);
      }
    }
    if (this.dirtyList.length > 0) this.scheduleFlush();
    return { accepted, stale };
  }

  /** Every entity's latest position. */
  snapshot(): PositionBatch {
    return this.columns(Array.from({ length: this.count }, (_, i) => i));
  }

  /** Receives coalesced batches of changed positions; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.clearDirty();
    };
  }

  /** Sends what changed since the last flush now (also called by the timer). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.lastFlush = this.now();
    if (this.dirtyList.length === 0) return;
    const slots = this.dirtyList;
    this.clearDirty();
    for (let start = 0; start < slots.length; start += MAX_POSITION_BATCH) {
      const batch = this.columns(slots.slice(start, start + MAX_POSITION_BATCH));
      for (const listener of this.listeners) listener(batch);
    }
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  private scheduleFlush(): void {
    if (this.timer || this.closed) return;
    const wait = Math.max(0, this.lastFlush + this.flushIntervalMs - this.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private clearDirty(): void {
    for (const slot of this.dirtyList) this.dirty[slot] = 0;
    this.dirtyList = [];
  }

  private columns(slots: readonly number[]): PositionBatch {
    const batch = { ids: [] as string[], kinds: [] as number[], lon: [] as number[], lat: [] as number[], at: [] as number[] };
    const heading: (number | null)[] = [];
    const speed: (number | null)[] = [];
    const nodeCode: (string | null)[] = [];
    let withHeading = false;
    let withSpeed = false;
    let withNode = false;
    for (const slot of slots) {
      batch.ids.push(this.ids[slot]!);
      batch.kinds.push(this.kinds[slot]!);
      batch.lon.push(this.lon[slot]!);
      batch.lat.push(this.lat[slot]!);
      batch.at.push(this.at[slot]!);
      const h = this.heading[slot]!;
      const s = this.speed[slot]!;
      const code = this.nodeCode[slot] ?? null;
      heading.push(Number.isNaN(h) ? null : h);
      speed.push(Number.isNaN(s) ? null : s);
      nodeCode.push(code);
      withHeading ||= !Number.isNaN(h);
      withSpeed ||= !Number.isNaN(s);
      withNode ||= code !== null;
    }
    return { ...batch, ...(withHeading ? { heading } : {}), ...(withSpeed ? { speed } : {}), ...(withNode ? { nodeCode } : {}) };
  }

  private reserve(needed: number): void {
    if (needed <= this.lon.length) return;
    const capacity = Math.min(this.maxEntities, Math.max(needed, this.lon.length * 2, 1024));
    const grow = <T extends Float64Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.kinds = grow(this.kinds, (n) => new Uint8Array(n));
    this.dirty = grow(this.dirty, (n) => new Uint8Array(n));
    this.lon = grow(this.lon, (n) => new Float64Array(n));
    this.lat = grow(this.lat, (n) => new Float64Array(n));
    this.at = grow(this.at, (n) => new Float64Array(n));
    this.heading = grow(this.heading, (n) => new Float64Array(n));
    this.speed = grow(this.speed, (n) => new Float64Array(n));
  }
}
