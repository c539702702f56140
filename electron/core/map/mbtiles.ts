import fs from 'node:fs';
import path from 'node:path';
import { ImportFileError, importRefusal } from '../../../shared/formats/importFileError.ts';
import type { BasemapInfo } from '../../../shared/map/basemap.ts';
import { ONLINE_BASEMAP_ID } from '../../../shared/map/basemap.ts';
import { NOT_MBTILES, type MbtilesMetadata, type TileFormat } from '../store/tiles/mbtilesFile.ts';
import { TileWorkerClient } from '../store/tiles/tileWorkerClient.ts';

export interface TileBody {
  data: Buffer;
  contentType: string;
}

export const CONTENT_TYPES: Record<TileFormat, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  pbf: 'application/x-protobuf',
};

const EXTENSION = '.mbtiles';
/** Checking a file reads its metadata and zoom range: a large set may take a while, a hostile one is stopped here. */
const CHECK_TIMEOUT_MS = 60_000;

/** A file name's stem as a basemap id: lower-case letters, digits and dashes. */
export function basemapId(fileName: string): string {
  const stem = path.basename(fileName, path.extname(fileName)).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return stem === '' || stem === ONLINE_BASEMAP_ID ? 'basemap' : stem;
}

/**
 * The offline basemaps: MBTiles files in the data folder's `basemaps/`, one id per file stem.
 * Files are read in the tile worker (never on the serving thread) and kept open there; adding
 * one checks it first and copies it in, so the data folder carries everything the console needs.
 */
export class Basemaps {
  readonly dir: string;
  private readonly worker: TileWorkerClient;
  private readonly ownsWorker: boolean;

  constructor(dataDir: string, worker?: TileWorkerClient) {
    this.dir = path.join(dataDir, 'basemaps');
    this.ownsWorker = !worker;
    this.worker = worker ?? new TileWorkerClient({ cacheFile: null });
  }

  async list(): Promise<BasemapInfo[]> {
    if (!fs.existsSync(this.dir)) return [];
    const ids = fs.readdirSync(this.dir).filter((file) => file.endsWith(EXTENSION)).sort().map((file) => file.slice(0, -EXTENSION.length));
    const listed: BasemapInfo[] = [];
    for (const id of ids) {
      try {
        listed.push(infoOf(id, await this.worker.call('mbtiles.metadata', { file: this.file(id) })));
      } catch {
        // A damaged or hostile file put there by hand is left out rather than breaking the list.
      }
    }
    return listed;
  }

  /**
   * Checks an MBTiles file and copies it in; a bad file is refused with the problem named. A path
   * that is absent, unreadable or not MBTiles gets one message, so the refusal reveals nothing
   * about which paths exist on the machine running the core.
   */
  async add(source: string): Promise<BasemapInfo> {
    const fileName = path.basename(source);
    try {
      if (!fs.statSync(source).isFile()) throw NOT_MBTILES;
      await this.worker.call('mbtiles.check', { file: source }, CHECK_TIMEOUT_MS);
    } catch (error) {
      throw importRefusal(fileName, error instanceof ImportFileError ? error : NOT_MBTILES);
    }
    fs.mkdirSync(this.dir, { recursive: true });
    const base = basemapId(fileName);
    let id = base;
    for (let n = 2; fs.existsSync(path.join(this.dir, `${id}${EXTENSION}`)); n += 1) id = `${base}-${n}`;
    const target = path.join(this.dir, `${id}${EXTENSION}`);
    // Copied under a temporary name first, so a half-copied file is never listed.
    const partial = `${target}.partial`;
    fs.copyFileSync(source, partial);
    fs.renameSync(partial, target);
    return infoOf(id, await this.worker.call('mbtiles.metadata', { file: target }, CHECK_TIMEOUT_MS));
  }

  /** One tile by XYZ address, ready to send (vector tiles un-gzipped, within a cap), or null when the set has none there. */
  async tile(id: string, z: number, x: number, y: number): Promise<TileBody | null> {
    if (!/^[a-z0-9-]{1,48}$/.test(id) || !fs.existsSync(this.file(id))) return null;
    try {
      const tile = await this.worker.call('mbtiles.tile', { file: this.file(id), z, x, y });
      if (!tile) return null;
      return { data: Buffer.from(tile.data.buffer, tile.data.byteOffset, tile.data.byteLength), contentType: CONTENT_TYPES[tile.format] };
    } catch {
      return null; // a damaged or hostile file answers "no tile" rather than an error page
    }
  }

  async close(): Promise<void> {
    if (this.ownsWorker) await this.worker.close();
    else await this.worker.call('mbtiles.closeAll', undefined).catch(() => null);
  }

  private file(id: string): string {
    return path.join(this.dir, `${id}${EXTENSION}`);
  }
}

function infoOf(id: string, metadata: MbtilesMetadata): BasemapInfo {
  return {
    id,
    name: metadata.name ?? id,
    kind: 'mbtiles',
    type: metadata.format === 'pbf' ? 'vector' : 'raster',
    format: metadata.format,
    minZoom: metadata.minZoom,
    maxZoom: metadata.maxZoom,
    bounds: metadata.bounds,
    attribution: metadata.attribution,
  };
}
