import zlib from 'node:zlib';
import Database from 'better-sqlite3';

/** A solid-colour 256×256 RGB PNG, built byte by byte (signature, IHDR, one IDAT, IEND). */
export function solidPng([r, g, b]: [number, number, number], size = 256): Buffer {
  const row = Buffer.alloc(1 + size * 3);
  for (let x = 0; x < size; x++) row.set([r, g, b], 1 + x * 3);
  return rgbPng(size, Buffer.concat(Array.from({ length: size }, () => row)));
}

/** A 256×256 PNG of pseudo-random pixels (about 197 kB, since noise does not compress). */
export function noisePng(seed: number, size = 256): Buffer {
  let state = seed >>> 0 || 1;
  const raw = Buffer.alloc(size * (1 + size * 3));
  for (let i = 0; i < raw.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    raw[i] = i % (1 + size * 3) === 0 ? 0 : state & 0xff;
  }
  return rgbPng(size, raw);
}

/** Wraps filtered scanlines (filter byte + RGB per row) as a PNG. */
function rgbPng(size: number, raw: Buffer): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const varint = (value: number): number[] => {
  const bytes: number[] = [];
  let v = value >>> 0;
  while (v > 0x7f) {
    bytes.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  bytes.push(v);
  return bytes;
};
const key = (field: number, wire: number) => varint((field << 3) | wire);
const bytesField = (field: number, data: number[]) => [...key(field, 2), ...varint(data.length), ...data];
const zigzag = (n: number) => (n << 1) ^ (n >> 31);

/**
 * A Mapbox Vector Tile (spec 2.1) with one layer holding one square polygon covering the middle
 * of the tile, encoded by hand: layer{version 2, name, feature{id, type POLYGON, geometry}, extent 4096}.
 */
export function squareMvt(layerName: string): Buffer {
  // MoveTo(1) 1024,1024; LineTo(3) +2048,0 0,+2048 -2048,0; ClosePath(1) — y down, so clockwise on screen is exterior.
  const geometry = [
    (1 << 3) | 1, zigzag(1024), zigzag(1024),
    (3 << 3) | 2, zigzag(2048), zigzag(0), zigzag(0), zigzag(2048), zigzag(-2048), zigzag(0),
    (1 << 3) | 7,
  ];
  const packed = geometry.flatMap((n) => varint(n));
  const feature = [...key(1, 0), ...varint(1), ...key(3, 0), ...varint(3), ...bytesField(4, packed)];
  const name = [...Buffer.from(layerName, 'utf8')];
  const layer = [...key(15, 0), ...varint(2), ...bytesField(1, name), ...bytesField(2, feature), ...key(5, 0), ...varint(4096)];
  return Buffer.from(bytesField(3, layer));
}

export interface TileSpec { z: number; x: number; y: number; data: Buffer }

/** Writes an MBTiles file (rows in TMS order, as the spec says) from XYZ-addressed tiles. */
export function writeMbtiles(file: string, metadata: Record<string, string>, tiles: readonly TileSpec[]): void {
  const db = new Database(file);
  db.exec(`CREATE TABLE metadata (name TEXT, value TEXT);
    CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
    CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);`);
  const meta = db.prepare('INSERT INTO metadata (name, value) VALUES (?, ?)');
  for (const [name, value] of Object.entries(metadata)) meta.run(name, value);
  const insert = db.prepare('INSERT INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)');
  for (const tile of tiles) insert.run(tile.z, tile.x, (1 << tile.z) - 1 - tile.y, tile.data);
  db.close();
}

/** Colour of the z1 tile holding Shanghai (x 1, y 0 in XYZ), and of the other three. */
export const SHANGHAI_TILE_COLOUR: [number, number, number] = [0x2e, 0x8b, 0x57];
export const OTHER_TILE_COLOUR: [number, number, number] = [0x8b, 0x3a, 0x3a];

/** A z0–z1 raster set where only the north-east quadrant (Shanghai's) has its own colour: shows the TMS flip. */
export function writeQuadrantMbtiles(file: string): void {
  const tiles: TileSpec[] = [{ z: 0, x: 0, y: 0, data: solidPng(OTHER_TILE_COLOUR) }];
  for (const x of [0, 1]) {
    for (const y of [0, 1]) tiles.push({ z: 1, x, y, data: solidPng(x === 1 && y === 0 ? SHANGHAI_TILE_COLOUR : OTHER_TILE_COLOUR) });
  }
  writeMbtiles(file, { name: 'Test quadrants', format: 'png', minzoom: '0', maxzoom: '1', bounds: '-180,-85,180,85', type: 'baselayer' }, tiles);
}

/** An SQLite file that is not an MBTiles set: runs `sql` on a fresh database. */
export function writeSqlite(file: string, sql: string): void {
  const db = new Database(file);
  db.exec(sql);
  db.close();
}
