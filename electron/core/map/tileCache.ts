import path from 'node:path';
import type { OnlineSourceInfo } from '../../../shared/map/basemap.ts';
import { TileCacheDb } from '../store/tiles/tileCacheDb.ts';
import type { TileBody } from './mbtiles.ts';

export const TILE_CACHE_FILE = 'tilecache.sqlite';
export const DEFAULT_CAP_MB = 512;

export interface OnlineTilesOptions {
  fetch?: typeof fetch;
  /** How long the upstream may take before the cache answers instead (default 4 s). */
  timeoutMs?: number;
  /** A cached tile younger than this is served without asking upstream (default 7 days). */
  maxAgeMs?: number;
  now?: () => number;
}

/** Fills an XYZ template such as `https://tile.example/{z}/{x}/{y}.png`. */
export function tileUrl(template: string, z: number, x: number, y: number): string {
  return template.replaceAll('{z}', String(z)).replaceAll('{x}', String(x)).replaceAll('{y}', String(y));
}

/**
 * The administrator's online XYZ source, fetched by the core and cached in `tilecache.sqlite`
 * with a size cap (least recently used tiles go first). When the upstream fails or times out,
 * the cached tile is served however old it is: a console cut off from the internet keeps the
 * map it has already seen.
 */
export class OnlineTiles {
  private readonly db: TileCacheDb;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(dataDir: string, options: OnlineTilesOptions = {}) {
    this.db = new TileCacheDb(path.join(dataDir, TILE_CACHE_FILE));
    this.fetch = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? 4000;
    this.maxAgeMs = options.maxAgeMs ?? 7 * 24 * 3600 * 1000;
    this.now = options.now ?? Date.now;
  }

  get urlTemplate(): string | null {
    return this.db.setting('urlTemplate');
  }

  get capBytes(): number {
    return this.capMb * 1024 * 1024;
  }

  private get capMb(): number {
    const value = Number(this.db.setting('capMb'));
    return Number.isFinite(value) && value > 0 ? value : DEFAULT_CAP_MB;
  }

  /** Sets (or, with null, removes) the source and the cache cap; a smaller cap evicts at once. */
  setSource(urlTemplate: string | null, capMb: number): OnlineSourceInfo {
    this.db.setSetting('urlTemplate', urlTemplate);
    this.db.setSetting('capMb', String(capMb));
    this.db.evict(this.capBytes);
    return this.info();
  }

  info(): OnlineSourceInfo {
    const stats = this.db.stats();
    return { urlTemplate: this.urlTemplate, capMb: this.capMb, cachedBytes: stats.bytes, cachedTiles: stats.tiles };
  }

  /** The tile from the cache when fresh, else from upstream (and cached), else the stale cached one. */
  async tile(z: number, x: number, y: number): Promise<(TileBody & { from: 'cache' | 'network' }) | null> {
    const template = this.urlTemplate;
    if (!template) return null;
    const cached = this.db.get(template, z, x, y, this.now());
    if (cached && this.now() - cached.fetchedAt < this.maxAgeMs) return { data: cached.data, contentType: cached.contentType, from: 'cache' };
    try {
      const response = await this.fetch(tileUrl(template, z, x, y), { signal: AbortSignal.timeout(this.timeoutMs) });
      const contentType = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
      if (response.ok && (contentType.startsWith('image/') || contentType === 'application/x-protobuf' || contentType === 'application/vnd.mapbox-vector-tile')) {
        const data = Buffer.from(await response.arrayBuffer());
        this.db.put(template, z, x, y, data, contentType, this.capBytes, this.now());
        return { data, contentType, from: 'network' };
      }
      await response.body?.cancel();
    } catch {
      // Network gone or too slow: fall through to whatever the cache holds.
    }
    return cached ? { data: cached.data, contentType: cached.contentType, from: 'cache' } : null;
  }

  close(): void {
    this.db.close();
  }
}
