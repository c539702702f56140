import path from 'node:path';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import type { OnlineSourceInfo } from '../../../shared/map/basemap.ts';
import { RefusalAudit, type AuditWrite } from '../audit/refusalAudit.ts';
import { TileWorkerClient } from '../store/tiles/tileWorkerClient.ts';
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
  /** The worker that holds the cache file; one is started when absent. */
  worker?: TileWorkerClient;
}

/** Fills an XYZ template such as `https://tile.example/{z}/{x}/{y}.png`. */
export function tileUrl(template: string, z: number, x: number, y: number): string {
  return template.replaceAll('{z}', String(z)).replaceAll('{x}', String(x)).replaceAll('{y}', String(y));
}

const hostOf = (url: string) => new URL(url.replace(/\{[xyz]\}/g, '0')).hostname.replace(/^\[|\]$/g, '').toLowerCase();

/**
 * The administrator's online XYZ source, fetched by the core and cached in `tilecache.sqlite`
 * with a size cap (least recently used tiles go first). The cache is read and written in the
 * tile worker, off the serving thread. When the upstream fails or times out, the cached tile is
 * served however old it is: a console cut off from the internet keeps the map it has seen.
 */
export class OnlineTiles {
  private readonly worker: TileWorkerClient;
  private readonly ownsWorker: boolean;
  private readonly resolver: Resolver | undefined;
  private readonly request: SafeFetchOptions['request'];
  private readonly audit: AuditWrite;
  private readonly refusals: RefusalAudit;
  private readonly timeoutMs: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(dataDir: string, options: OnlineTilesOptions = {}) {
    this.ownsWorker = !options.worker;
    this.worker = options.worker ?? new TileWorkerClient({ cacheFile: path.join(dataDir, TILE_CACHE_FILE) });
    this.resolver = options.resolver;
    this.request = options.request;
    this.audit = options.audit ?? (() => undefined);
    this.refusals = new RefusalAudit(this.audit);
    this.timeoutMs = options.timeoutMs ?? 4000;
    this.maxAgeMs = options.maxAgeMs ?? 7 * 24 * 3600 * 1000;
    this.now = options.now ?? Date.now;
  }

  urlTemplate(): Promise<string | null> {
    return this.worker.call('cache.setting', { name: 'urlTemplate' });
  }

  private async capMb(): Promise<number> {
    const value = Number(await this.worker.call('cache.setting', { name: 'capMb' }));
    return Number.isFinite(value) && value > 0 ? value : DEFAULT_CAP_MB;
  }

  /** Hosts the administrator has named: the console API may choose them, and they may resolve to private addresses. */
  async allowedHosts(): Promise<string[]> {
    try {
      const hosts: unknown = JSON.parse(await this.worker.call('cache.setting', { name: 'allowedHosts' }) ?? '[]');
      return Array.isArray(hosts) ? hosts.filter((host): host is string => typeof host === 'string') : [];
    } catch {
      return [];
    }
  }

  /** The administrator's list (`online-basemap --allow-host`), replacing the old one. */
  async setAllowedHosts(hosts: readonly string[]): Promise<string[]> {
    const clean = [...new Set(hosts.map((host) => host.trim().toLowerCase().replace(/^\[|\]$/g, '')).filter(Boolean))].sort();
    await this.worker.call('cache.setSetting', { name: 'allowedHosts', value: JSON.stringify(clean) });
    await this.audit('administrator', 'online basemap hosts allowed', { hosts: clean });
    return clean;
  }

  /**
   * Sets (or, with null, removes) the source and the cache cap; a smaller cap evicts at once.
   * Through the console API (`by: 'api'`) only a host the administrator allowed may be chosen;
   * the administrator's own command may set any.
   */
  async setSource(urlTemplate: string | null, capMb: number, by: 'api' | 'administrator' = 'administrator'): Promise<OnlineSourceInfo> {
    if (urlTemplate !== null && by === 'api') {
      const host = hostOf(urlTemplate);
      if (!(await this.allowedHosts()).includes(host)) {
        throw new ConsoleError({
          code: 'FORBIDDEN',
          message: `在线底图主机 ${host} 未获管理员允许（resilience-console online-basemap --allow-host ${host}）· `
            + `The online basemap host ${host} is not allowed by the administrator (resilience-console online-basemap --allow-host ${host})`,
        });
      }
    }
    await this.worker.call('cache.setSetting', { name: 'urlTemplate', value: urlTemplate });
    await this.worker.call('cache.setSetting', { name: 'capMb', value: String(capMb) });
    await this.worker.call('cache.evict', { capBytes: capMb * 1024 * 1024 });
    await this.audit(by === 'api' ? 'console api' : 'administrator', urlTemplate ? 'online basemap set' : 'online basemap off', { urlTemplate, capMb });
    return this.info();
  }

  async info(): Promise<OnlineSourceInfo> {
    const stats = await this.worker.call('cache.stats', undefined);
    return { urlTemplate: await this.urlTemplate(), capMb: await this.capMb(), cachedBytes: stats.bytes, cachedTiles: stats.tiles };
  }

  /** The tile from the cache when fresh, else from upstream (and cached), else the stale cached one. */
  async tile(z: number, x: number, y: number): Promise<(TileBody & { from: 'cache' | 'network' }) | null> {
    const template = await this.urlTemplate();
    if (!template) return null;
    const cachedRow = await this.worker.call('cache.get', { source: template, z, x, y, now: this.now() });
    const cached = cachedRow ? { data: Buffer.from(cachedRow.data), contentType: cachedRow.contentType, fetchedAt: cachedRow.fetchedAt } : null;
    if (cached && this.now() - cached.fetchedAt < this.maxAgeMs) return { data: cached.data, contentType: cached.contentType, from: 'cache' };
    try {
      const target = tileUrl(template, z, x, y);
      const response = await safeFetch(target, {
        allowPrivate: (await this.allowedHosts()).includes(hostOf(target)), maxBytes: MAX_TILE_BYTES, timeoutMs: this.timeoutMs,
        ...(this.resolver ? { resolver: this.resolver } : {}), ...(this.request ? { request: this.request } : {}),
      });
      const { contentType } = response;
      if (response.status === 200 && (contentType.startsWith('image/') || contentType === 'application/x-protobuf' || contentType === 'application/vnd.mapbox-vector-tile')) {
        await this.worker.call('cache.put', { source: template, z, x, y, data: response.data, contentType, capBytes: (await this.capMb()) * 1024 * 1024, now: this.now() });
        return { data: response.data, contentType, from: 'network' };
      }
    } catch (error) {
      // Refused by policy: audited (summarised). Network gone or too slow: whatever the cache holds.
      if (error instanceof FetchRefused) this.refusals.refuse(error.reason, 'online basemap', 'tile fetch refused', { reason: error.reason, message: error.message.slice(0, 300) });
    }
    return cached ? { data: cached.data, contentType: cached.contentType, from: 'cache' } : null;
  }

  async close(): Promise<void> {
    this.refusals.close();
    if (this.ownsWorker) await this.worker.close();
  }
}
