import path from 'node:path';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import type { OnlineSourceInfo } from '../../../shared/map/basemap.ts';
import { RefusalAudit, type AuditWrite } from '../audit/refusalAudit.ts';
import { TileCacheDb } from '../store/tiles/tileCacheDb.ts';
import type { TileBody } from './mbtiles.ts';
import { FetchRefused, safeFetch, type Resolver, type SafeFetchOptions } from './safeFetch.ts';

export const TILE_CACHE_FILE = 'tilecache.sqlite';
export const DEFAULT_CAP_MB = 512;

/** Largest online tile accepted; the transfer is cut off past it. */
export const MAX_TILE_BYTES = 2 * 1024 * 1024;

export interface OnlineTilesOptions {
  /** DNS for the tile host (a test's fake resolver proves refusals without traffic). */
  resolver?: Resolver;
  /** Replaces http(s).request, so a test can prove no connection was made. */
  request?: SafeFetchOptions['request'];
  /** The audit trail: settings changes, and fetch refusals summarised per minute. */
  audit?: AuditWrite;
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
  private readonly resolver: Resolver | undefined;
  private readonly request: SafeFetchOptions['request'];
  private readonly audit: AuditWrite;
  private readonly refusals: RefusalAudit;
  private readonly timeoutMs: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(dataDir: string, options: OnlineTilesOptions = {}) {
    this.db = new TileCacheDb(path.join(dataDir, TILE_CACHE_FILE));
    this.resolver = options.resolver;
    this.request = options.request;
    this.audit = options.audit ?? (() => undefined);
    this.refusals = new RefusalAudit(this.audit);
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

  /** Hosts the administrator has named: the console API may choose them, and they may resolve to private addresses. */
  get allowedHosts(): string[] {
    try {
      const hosts: unknown = JSON.parse(this.db.setting('allowedHosts') ?? '[]');
      return Array.isArray(hosts) ? hosts.filter((host): host is string => typeof host === 'string') : [];
    } catch {
      return [];
    }
  }

  /** The administrator's list (`online-basemap --allow-host`), replacing the old one. */
  setAllowedHosts(hosts: readonly string[]): string[] {
    const clean = [...new Set(hosts.map((host) => host.trim().toLowerCase().replace(/^\[|\]$/g, '')).filter(Boolean))].sort();
    this.db.setSetting('allowedHosts', JSON.stringify(clean));
    void this.audit('administrator', 'online basemap hosts allowed', { hosts: clean });
    return clean;
  }

  /**
   * Sets (or, with null, removes) the source and the cache cap; a smaller cap evicts at once.
   * Through the console API (`by: 'api'`) only a host the administrator allowed may be chosen;
   * the administrator's own command may set any.
   */
  setSource(urlTemplate: string | null, capMb: number, by: 'api' | 'administrator' = 'administrator'): OnlineSourceInfo {
    if (urlTemplate !== null && by === 'api') {
      const host = new URL(urlTemplate.replace(/\{[xyz]\}/g, '0')).hostname.replace(/^\[|\]$/g, '').toLowerCase();
      if (!this.allowedHosts.includes(host)) {
        throw new ConsoleError({
          code: 'FORBIDDEN',
          message: `在线底图主机 ${host} 未获管理员允许（resilience-console online-basemap --allow-host ${host}）· `
            + `The online basemap host ${host} is not allowed by the administrator (resilience-console online-basemap --allow-host ${host})`,
        });
      }
    }
    this.db.setSetting('urlTemplate', urlTemplate);
    this.db.setSetting('capMb', String(capMb));
    this.db.evict(this.capBytes);
    void this.audit(by === 'api' ? 'console api' : 'administrator', urlTemplate ? 'online basemap set' : 'online basemap off', { urlTemplate, capMb });
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
      const target = tileUrl(template, z, x, y);
      const host = new URL(target).hostname.replace(/^\[|\]$/g, '').toLowerCase();
      const response = await safeFetch(target, {
        allowPrivate: this.allowedHosts.includes(host), maxBytes: MAX_TILE_BYTES, timeoutMs: this.timeoutMs,
        ...(this.resolver ? { resolver: this.resolver } : {}), ...(this.request ? { request: this.request } : {}),
      });
      const { contentType } = response;
      if (response.status === 200 && (contentType.startsWith('image/') || contentType === 'application/x-protobuf' || contentType === 'application/vnd.mapbox-vector-tile')) {
        this.db.put(template, z, x, y, response.data, contentType, this.capBytes, this.now());
        return { data: response.data, contentType, from: 'network' };
      }
    } catch (error) {
      // Refused by policy: audited (summarised). Network gone or too slow: whatever the cache holds.
      if (error instanceof FetchRefused) this.refusals.refuse(error.reason, 'online basemap', 'tile fetch refused', { reason: error.reason, message: error.message.slice(0, 300) });
    }
    return cached ? { data: cached.data, contentType: cached.contentType, from: 'cache' } : null;
  }

  close(): void {
    this.refusals.close();
    this.db.close();
  }
}
