import zlib from 'node:zlib';
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

/** Largest stored tile read, and largest vector tile after un-gzipping (a gzip bomb stops here). */
export const MAX_TILE_BYTES = 4 * 1024 * 1024;
export const MAX_INFLATED_BYTES = 8 * 1024 * 1024;
/** Metadata rows read, and the longest name and value kept: a hostile file cannot hand the UI megabytes. */
const MAX_METADATA_ROWS = 200;
const MAX_METADATA_NAME = 64;
const MAX_METADATA_VALUE = 2000;

const FORMATS: Record<string, TileFormat> = { png: 'png', jpg: 'jpg', jpeg: 'jpg', webp: 'webp', pbf: 'pbf', mvt: 'pbf' };

/** The one message for a path that is absent, unreadable or not an MBTiles file, so the API reveals no server path. */
export const NOT_MBTILES = new ImportFileError('文件不存在、无法读取或不是 MBTiles 文件', 'the file is absent, unreadable or not an MBTiles file');

/** The format a tile's first bytes show; gzip counts as pbf, since vector tiles are stored gzipped. */
export function sniffFormat(data: Uint8Array): TileFormat | null {
  if (data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) return 'png';
  if (data[0] === 0xff && data[1] === 0xd8) return 'jpg';
  if (data[0] === 0x52 && data[1] === 0x49 && data[2] === 0x46 && data[3] === 0x46 && data[8] === 0x57 && data[9] === 0x45) return 'webp';
  if (data[0] === 0x1f && data[1] === 0x8b) return 'pbf';
  return null;
}

type Layout = 'tiles' | 'map-images';

/** The tile query for a layout, bounded: one row, and no blob larger than MAX_TILE_BYTES is read out. */
function tileQuery(layout: Layout): string {
  const from = layout === 'tiles'
    ? 'FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?'
    : 'FROM map JOIN images ON images.tile_id = map.tile_id WHERE map.zoom_level = ? AND map.tile_column = ? AND map.tile_row = ?';
  const data = layout === 'tiles' ? 'tile_data' : 'images.tile_data';
  return `SELECT CASE WHEN length(${data}) <= ${MAX_TILE_BYTES} THEN ${data} END AS tile_data ${from} LIMIT 1`;
}

/**
 * One MBTiles file (the MBTiles 1.3 spec: `metadata(name, value)` and `tiles(zoom_level,
 * tile_column, tile_row, tile_data)`, rows in TMS order, or the spec's `map` + `images`
 * layout), opened read-only. Only real tables are read, never views (a view can run any query,
 * such as an endless recursive one); schema functions are not trusted; every query is bounded.
 * Opening checks the file is an MBTiles set the map can draw, and throws ImportFileError if not.
 */
export class MbtilesFile {
  private readonly select: Database.Statement<[number, number, number], { tile_data: Buffer | null }>;

  private constructor(private readonly db: Database.Database, readonly metadata: MbtilesMetadata, layout: Layout) {
    this.select = db.prepare(tileQuery(layout));
  }

  static open(file: string): MbtilesFile {
    let db: Database.Database;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
      db.pragma('trusted_schema = OFF');
      db.pragma('query_only = ON');
      db.pragma('cell_size_check = ON');
    } catch {
      throw NOT_MBTILES;
    }
    try {
      const layout = checkLayout(db);
      const metadata = readMetadata(db, layout);
      return new MbtilesFile(db, metadata, layout);
    } catch (error) {
      db.close();
      if (error instanceof ImportFileError) throw error;
      const message = (error as Error).message;
      if (/not a database|malformed|corrupt|file is not|disk image/i.test(message)) throw NOT_MBTILES;
      throw new ImportFileError(`无法读取 MBTiles（${message.slice(0, 200)}）`, `cannot read the MBTiles file (${message.slice(0, 200)})`);
    }
  }

  /** The stored tile at XYZ (z, x, y), as the map asks for it; MBTiles rows count y from the south (TMS). */
  tile(z: number, x: number, y: number): Buffer | null {
    const tmsY = (1 << z) - 1 - y;
    return this.select.get(z, x, tmsY)?.tile_data ?? null;
  }

  /** The tile ready to send: vector tiles un-gzipped, up to MAX_INFLATED_BYTES; null when absent, too large or not gzip. */
  tileBody(z: number, x: number, y: number): Buffer | null {
    const data = this.tile(z, x, y);
    if (!data || this.metadata.format !== 'pbf' || data[0] !== 0x1f || data[1] !== 0x8b) return data;
    try {
      return zlib.gunzipSync(data, { maxOutputLength: MAX_INFLATED_BYTES });
    } catch {
      return null;
    }
  }

  close(): void {
    this.db.close();
  }
}

/** Which layout the file uses, by real tables only; views, generated and hidden columns are refused. */
function checkLayout(db: Database.Database): Layout {
  const objects = new Map((db.prepare("SELECT name, type FROM sqlite_master WHERE name IN ('metadata', 'tiles', 'map', 'images') LIMIT 8").all() as { name: string; type: string }[])
    .map((object) => [object.name, object.type]));
  const requireTable = (name: string, columns: string[]) => {
    const type = objects.get(name);
    if (type === 'view') throw new ImportFileError(`MBTiles 文件中的 ${name} 是视图而非数据表，出于安全不予读取`, `${name} in this MBTiles file is a view, not a table; views are not read, for safety`);
    if (type !== 'table') throw NOT_MBTILES;
    const info = db.prepare(`SELECT name, hidden FROM pragma_table_xinfo('${name}') LIMIT 64`).all() as { name: string; hidden: number }[];
    if (info.some((column) => column.hidden !== 0)) {
      throw new ImportFileError(`MBTiles 文件中的 ${name} 表含计算列，不予读取`, `the ${name} table has computed columns, which are not read`);
    }
    const names = new Set(info.map((column) => column.name));
    for (const column of columns) {
      if (!names.has(column)) throw new ImportFileError(`不是 MBTiles 文件：${name} 表缺少 ${column} 列`, `not an MBTiles file: the ${name} table has no ${column} column`);
    }
  };
  requireTable('metadata', ['name', 'value']);
  if (objects.get('tiles') === 'table' || !objects.has('map')) {
    requireTable('tiles', ['zoom_level', 'tile_column', 'tile_row', 'tile_data']);
    return 'tiles';
  }
  requireTable('map', ['zoom_level', 'tile_column', 'tile_row', 'tile_id']);
  requireTable('images', ['tile_data', 'tile_id']);
  return 'map-images';
}

function readMetadata(db: Database.Database, layout: Layout): MbtilesMetadata {
  const rows = db.prepare(`SELECT substr(CAST(name AS TEXT), 1, ${MAX_METADATA_NAME + 1}) AS name, length(CAST(value AS TEXT)) AS length,
    substr(CAST(value AS TEXT), 1, ${MAX_METADATA_VALUE + 1}) AS value FROM metadata LIMIT ${MAX_METADATA_ROWS}`).all() as { name: string | null; length: number | null; value: string | null }[];
  const meta = new Map<string, string>();
  for (const row of rows) {
    if (row.name === null || row.value === null || row.name.length > MAX_METADATA_NAME) continue;
    if ((row.length ?? 0) > MAX_METADATA_VALUE) {
      throw new ImportFileError(`MBTiles 元数据 ${row.name} 长达 ${row.length} 个字符，上限 ${MAX_METADATA_VALUE}`,
        `the MBTiles metadata entry ${row.name} is ${row.length} characters long; at most ${MAX_METADATA_VALUE} are accepted`);
    }
    meta.set(row.name, row.value);
  }
  const table = layout === 'tiles' ? 'tiles' : 'images';
  const first = db.prepare(`SELECT substr(tile_data, 1, 16) AS head FROM ${table} WHERE length(tile_data) > 0 LIMIT 1`).get() as { head: Buffer | string } | undefined;
  if (!first || !(first.head instanceof Uint8Array)) {
    throw new ImportFileError('MBTiles 文件不含任何瓦片', 'the MBTiles file holds no tiles');
  }
  const declared = meta.get('format')?.toLowerCase();
  const sniffed = sniffFormat(first.head);
  const format = declared ? FORMATS[declared] : sniffed ?? undefined;
  if (!format) {
    throw new ImportFileError(`瓦片格式 ${declared?.slice(0, 20) ?? '未知'} 不受支持（支持 png、jpg、webp、pbf）`, `tile format ${declared?.slice(0, 20) ?? 'unknown'} is not supported (png, jpg, webp or pbf)`);
  }
  if (sniffed && sniffed !== format) {
    throw new ImportFileError(`元数据声明格式为 ${format}，但瓦片内容为 ${sniffed}`, `the metadata says ${format} but the tiles are ${sniffed}`);
  }
  const zoomTable = layout === 'tiles' ? 'tiles' : 'map';
  const zooms = db.prepare(`SELECT min(zoom_level) AS lo, max(zoom_level) AS hi FROM ${zoomTable}`).get() as { lo: number | null; hi: number | null };
  const zoom = (key: string, fallback: number | null) => {
    const value = Number(meta.get(key));
    if (Number.isInteger(value) && value >= 0 && value <= 24) return value;
    return Number.isInteger(fallback) && fallback! >= 0 && fallback! <= 24 ? fallback! : 0;
  };
  const boundsParts = meta.get('bounds')?.split(',').map(Number);
  const bounds = boundsParts?.length === 4 && boundsParts.every(Number.isFinite) ? boundsParts as [number, number, number, number] : null;
  return {
    name: meta.get('name')?.slice(0, 200) ?? null,
    format,
    minZoom: zoom('minzoom', zooms.lo),
    maxZoom: zoom('maxzoom', zooms.hi),
    bounds,
    attribution: meta.get('attribution') ?? null,
  };
}
