import { ONLINE_BASEMAP_ID, TILE_ROUTE_PREFIX } from '../../../shared/map/basemap.ts';
import { Basemaps, type TileBody } from './mbtiles.ts';
import path from 'node:path';
import { TileWorkerClient } from '../store/tiles/tileWorkerClient.ts';
import { OnlineTiles, TILE_CACHE_FILE, type OnlineTilesOptions } from './tileCache.ts';

export interface TileAddress {
  id: string;
  z: number;
  x: number;
  y: number;
}

/** Reads `/tiles/{id}/{z}/{x}/{y}` (an extension on y is allowed); null for anything else or out of range. */
export function parseTilePath(pathname: string): TileAddress | null {
  if (!pathname.startsWith(TILE_ROUTE_PREFIX)) return null;
  const match = /^([a-z0-9-]{1,48})\/(\d{1,2})\/(\d{1,8})\/(\d{1,8})(?:\.[a-z0-9]{1,5})?$/.exec(pathname.slice(TILE_ROUTE_PREFIX.length));
  if (!match) return null;
  const [z, x, y] = [Number(match[2]), Number(match[3]), Number(match[4])];
  if (z > 24 || x >= 2 ** z || y >= 2 ** z) return null;
  return { id: match[1]!, z, x, y };
}

/** Every base-map tile the console serves: offline MBTiles sets and the cached online source, both read in one tile worker. */
export class TileService {
  readonly basemaps: Basemaps;
  readonly online: OnlineTiles;
  private readonly worker: TileWorkerClient;

  constructor(dataDir: string, onlineOptions: OnlineTilesOptions = {}) {
    this.worker = new TileWorkerClient({ cacheFile: path.join(dataDir, TILE_CACHE_FILE) });
    this.basemaps = new Basemaps(dataDir, this.worker);
    this.online = new OnlineTiles(dataDir, { ...onlineOptions, worker: this.worker });
  }

  async tile(address: TileAddress): Promise<TileBody | null> {
    if (address.id === ONLINE_BASEMAP_ID) return this.online.tile(address.z, address.x, address.y);
    return this.basemaps.tile(address.id, address.z, address.x, address.y);
  }

  async close(): Promise<void> {
    await this.online.close();
    await this.worker.close();
  }
}
