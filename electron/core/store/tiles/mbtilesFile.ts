import Database from 'better-sqlite3';
import { ImportFileError } from '../../../../shared/formats/importFileError.ts';

export type TileFormat = 'png' | 'jpg' | 'webp' | 'pbf';

export interface MbtilesMetadata {
  name: string | null;
  format: TileFormat;
  minZoom: number;
  maxZoom: number;
  bounds: [number, number, number, number] | null;
  attribution: string | null;
}

const FORMATS: Record<string, TileFormat> = { png: 'png', jpg: 'jpg', jpeg: 'jpg', webp: 'webp', pbf: 'pbf', mvt: 'pbf' };

/** The format a tile's first bytes show; gzip counts as pbf, since vector tiles are stored gzipped. */
export function sniffFormat(data: Uint8Array): TileFormat | null {
  if (data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) return 'png';
  if (data[0] === 0xff && data[1] === 0xd8) return 'jpg';
  if (data[0] === 0x52 && data[1] === 0x49 && data[2] === 0x46 && data[3] === 0x46 && data[8] === 0x57 && data[9] === 0x45) return 'webp';
  if (data[0] === 0x1f && data[1] === 0x8b) return 'pbf';
  return null;
}

/**
 * One MBTiles file (the MBTiles 1.3 spec: `metadata(name, value)` and `tiles(zoom_level,
 * tile_column, tile_row, tile_data)`, rows in TMS order), opened read-only. Opening checks
 * the file is an MBTiles set in a format the map can draw, and throws ImportFileError if not.
 */
export class MbtilesFile {
  private readonly select: Database.Statement<[number, number, number], { tile_data: Buffer }>;

  private constructor(private readonly db: Database.Database, readonly metadata: MbtilesMetadata) {
    this.select = db.prepare('SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?');
  }

  static open(file: string): MbtilesFile {
    let db: Database.Database;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
    } catch (error) {
      throw new ImportFileError(`无法打开文件（${(error as Error).message}）`, `cannot open the file (${(error as Error).message})`);
    }
    try {
      const metadata = readMetadata(db);
      return new MbtilesFile(db, metadata);
    } catch (error) {
      db.close();
      if (error instanceof ImportFileError) throw error;
      const message = (error as Error).message;
      if (/not a database|malformed|corrupt/i.test(message)) {
        throw new ImportFileError(`不是有效的 SQLite/MBTiles 文件或文件已损坏（${message}）`, `not an SQLite/MBTiles file, or it is damaged (${message})`);
      }
      throw new ImportFileError(`无法读取 MBTiles（${message}）`, `cannot read the MBTiles file (${message})`);
    }
  }

  /** The tile at XYZ (z, x, y), as the map asks for it; MBTiles rows count y from the south (TMS). */
  tile(z: number, x: number, y: number): Buffer | null {
    const tmsY = (1 << z) - 1 - y;
    return this.select.get(z, x, tmsY)?.tile_data ?? null;
  }

  close(): void {
    this.db.close();
  }
}

function readMetadata(db: Database.Database): MbtilesMetadata {
  const objects = db.prepare("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view')").all() as { name: string }[];
  const names = new Set(objects.map((object) => object.name));
  for (const required of ['metadata', 'tiles']) {
    if (!names.has(required)) {
      throw new ImportFileError(`不是 MBTiles 文件：缺少 ${required} 表`, `not an MBTiles file: it has no ${required} table`);
    }
  }
  const columns = new Set((db.prepare("SELECT name FROM pragma_table_info('tiles')").all() as { name: string }[]).map((c) => c.name));
  for (const column of ['zoom_level', 'tile_column', 'tile_row', 'tile_data']) {
    if (!columns.has(column)) throw new ImportFileError(`不是 MBTiles 文件：tiles 表缺少 ${column} 列`, `not an MBTiles file: the tiles table has no ${column} column`);
  }
  const meta = new Map((db.prepare('SELECT name, value FROM metadata').all() as { name: string; value: string }[]).map((row) => [String(row.name), String(row.value)]));
  const first = db.prepare('SELECT tile_data FROM tiles LIMIT 1').get() as { tile_data: Buffer } | undefined;
  if (!first || !(first.tile_data instanceof Uint8Array) || first.tile_data.length === 0) {
    throw new ImportFileError('MBTiles 文件不含任何瓦片', 'the MBTiles file holds no tiles');
  }
  const declared = meta.get('format')?.toLowerCase();
  const sniffed = sniffFormat(first.tile_data);
  const format = declared ? FORMATS[declared] : sniffed ?? undefined;
  if (!format) {
    throw new ImportFileError(`瓦片格式 ${declared ?? '未知'} 不受支持（支持 png、jpg、webp、pbf）`, `tile format ${declared ?? 'unknown'} is not supported (png, jpg, webp or pbf)`);
  }
  if (sniffed && sniffed !== format && !(format === 'pbf' && sniffed === null)) {
    throw new ImportFileError(`元数据声明格式为 ${format}，但瓦片内容为 ${sniffed}`, `the metadata says ${format} but the tiles are ${sniffed}`);
  }
  const zooms = db.prepare('SELECT min(zoom_level) AS lo, max(zoom_level) AS hi FROM tiles').get() as { lo: number; hi: number };
  const zoom = (key: string, fallback: number) => {
    const value = Number(meta.get(key));
    return Number.isInteger(value) && value >= 0 && value <= 24 ? value : fallback;
  };
  const boundsParts = meta.get('bounds')?.split(',').map(Number);
  const bounds = boundsParts?.length === 4 && boundsParts.every(Number.isFinite) ? boundsParts as [number, number, number, number] : null;
  return {
    name: meta.get('name') ?? null,
    format,
    minZoom: zoom('minzoom', zooms.lo),
    maxZoom: zoom('maxzoom', zooms.hi),
    bounds,
    attribution: meta.get('attribution') ?? null,
  };
}
