import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ImportFileError, importRefusal } from '../../../shared/formats/importFileError.ts';
import type { BasemapInfo } from '../../../shared/map/basemap.ts';
import { ONLINE_BASEMAP_ID } from '../../../shared/map/basemap.ts';
import { MbtilesFile, type TileFormat } from '../store/tiles/mbtilesFile.ts';

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

/** A file name's stem as a basemap id: lower-case letters, digits and dashes. */
export function basemapId(fileName: string): string {
  const stem = path.basename(fileName, path.extname(fileName)).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  return stem === '' || stem === ONLINE_BASEMAP_ID ? 'basemap' : stem;
}

/**
 * The offline basemaps: MBTiles files in the data folder's `basemaps/`, one id per file stem.
 * Files are opened read-only on first use and kept open; adding one checks it first and copies
 * it in, so the data folder carries everything the console needs.
 */
export class Basemaps {
  readonly dir: string;
  private readonly open = new Map<string, MbtilesFile>();

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'basemaps');
  }

  list(): BasemapInfo[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs.readdirSync(this.dir)
      .filter((file) => file.endsWith(EXTENSION))
      .sort()
      .flatMap((file) => {
        const id = file.slice(0, -EXTENSION.length);
        try {
          return [infoOf(id, this.file(id))];
        } catch {
          return []; // a damaged file put there by hand is left out rather than breaking the list
        }
      });
  }

  /** Checks an MBTiles file and copies it in; a bad file is refused with the problem named. */
  add(source: string): BasemapInfo {
    const fileName = path.basename(source);
    let checked: MbtilesFile;
    try {
      checked = MbtilesFile.open(source);
    } catch (error) {
      if (error instanceof ImportFileError) throw importRefusal(fileName, error);
      throw error;
    }
    checked.close();
    fs.mkdirSync(this.dir, { recursive: true });
    const base = basemapId(fileName);
    let id = base;
    for (let n = 2; fs.existsSync(path.join(this.dir, `${id}${EXTENSION}`)); n += 1) id = `${base}-${n}`;
    const target = path.join(this.dir, `${id}${EXTENSION}`);
    // Copied under a temporary name first, so a half-copied file is never listed.
    const partial = `${target}.partial`;
    fs.copyFileSync(source, partial);
    fs.renameSync(partial, target);
    return infoOf(id, this.file(id));
  }

  /** One tile by XYZ address, ready to send (vector tiles un-gzipped), or null when the set has none there. */
  tile(id: string, z: number, x: number, y: number): TileBody | null {
    if (!/^[a-z0-9-]{1,48}$/.test(id) || !fs.existsSync(path.join(this.dir, `${id}${EXTENSION}`))) return null;
    const file = this.file(id);
    const data = file.tile(z, x, y);
    if (!data) return null;
    const format = file.metadata.format;
    const body = format === 'pbf' && data[0] === 0x1f && data[1] === 0x8b ? zlib.gunzipSync(data) : data;
    return { data: body, contentType: CONTENT_TYPES[format] };
  }

  close(): void {
    for (const file of this.open.values()) file.close();
    this.open.clear();
  }

  private file(id: string): MbtilesFile {
    let file = this.open.get(id);
    if (!file) {
      file = MbtilesFile.open(path.join(this.dir, `${id}${EXTENSION}`));
      this.open.set(id, file);
    }
    return file;
  }
}

function infoOf(id: string, file: MbtilesFile): BasemapInfo {
  const { metadata } = file;
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
