import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import MVT from 'ol/format/MVT.js';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import { OTHER_TILE_COLOUR, SHANGHAI_TILE_COLOUR, solidPng, squareMvt, writeMbtiles, writeQuadrantMbtiles, writeSqlite } from '../../../tests/support/tileFixtures.ts';
import { Basemaps, basemapId } from './mbtiles.ts';
import { parseTilePath } from './tiles.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-mbtiles-'));
  dirs.push(dir);
  return dir;
};
const registries: Basemaps[] = [];
afterEach(async () => {
  for (const registry of registries.splice(0)) await registry.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const registry = (dataDir: string) => {
  const basemaps = new Basemaps(dataDir);
  registries.push(basemaps);
  return basemaps;
};

/** The colour of a solid PNG's first pixel (filter byte, then RGB). */
const firstPixel = (png: Buffer): number[] => {
  const idat = png.indexOf('IDAT');
  const length = png.readUInt32BE(idat - 4);
  const raw = zlib.inflateSync(png.subarray(idat + 4, idat + 4 + length));
  return [raw[1]!, raw[2]!, raw[3]!];
};

async function refusal(run: () => Promise<unknown>): Promise<ConsoleError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ConsoleError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('MBTiles basemaps', () => {
  it('reads tile addresses and ids', () => {
    expect(parseTilePath('/tiles/osm-shanghai/9/428/209')).toEqual({ id: 'osm-shanghai', z: 9, x: 428, y: 209 });
    expect(parseTilePath('/tiles/osm/1/2/0')).toBeNull(); // x beyond 2^z
    expect(parseTilePath('/tiles/../x/1/0/0')).toBeNull();
    expect(basemapId('/tmp/Shanghai 2024 (z0-14).mbtiles')).toBe('shanghai-2024-z0-14');
    expect(basemapId('上海.mbtiles')).toBe('basemap');
  });

  it('registers a raster set, copying it in, and serves tiles by XYZ with the TMS rows flipped', async () => {
    const source = path.join(tempDir(), 'Quadrants.mbtiles');
    writeQuadrantMbtiles(source);
    const dataDir = tempDir();
    const basemaps = registry(dataDir);
    const info = await basemaps.add(source);
    expect(info).toMatchObject({ id: 'quadrants', name: 'Test quadrants', kind: 'mbtiles', type: 'raster', format: 'png', minZoom: 0, maxZoom: 1, bounds: [-180, -85, 180, 85] });
    expect(fs.existsSync(path.join(dataDir, 'basemaps', 'quadrants.mbtiles'))).toBe(true);
    fs.rmSync(source);
    expect((await basemaps.list()).map((b) => b.id)).toEqual(['quadrants']);
    // XYZ (1, 1, 0) is the north-east quadrant: stored as TMS row 1.
    const northEast = (await basemaps.tile('quadrants', 1, 1, 0))!;
    expect(northEast.contentType).toBe('image/png');
    expect(firstPixel(northEast.data)).toEqual(SHANGHAI_TILE_COLOUR);
    expect(firstPixel((await basemaps.tile('quadrants', 1, 1, 1))!.data)).toEqual(OTHER_TILE_COLOUR);
    expect(await basemaps.tile('quadrants', 5, 0, 0)).toBeNull();
    expect(await basemaps.tile('nothing', 0, 0, 0)).toBeNull();
    // A second file with the same stem gets its own id.
    writeQuadrantMbtiles(source);
    expect((await basemaps.add(source)).id).toBe('quadrants-2');
  });

  it('serves a gzipped vector tile un-gzipped, and OpenLayers reads its polygon', async () => {
    const source = path.join(tempDir(), 'water.mbtiles');
    writeMbtiles(source, { name: 'Water', format: 'pbf', minzoom: '0', maxzoom: '0' }, [{ z: 0, x: 0, y: 0, data: zlib.gzipSync(squareMvt('water')) }]);
    const basemaps = registry(tempDir());
    expect(await basemaps.add(source)).toMatchObject({ type: 'vector', format: 'pbf' });
    const tile = (await basemaps.tile('water', 0, 0, 0))!;
    expect(tile.contentType).toBe('application/x-protobuf');
    const features = new MVT().readFeatures(new Uint8Array(tile.data).buffer, {
      extent: [0, 0, 4096, 4096], featureProjection: 'EPSG:3857',
    } as never);
    expect(features).toHaveLength(1);
    expect(features[0]!.get('layer')).toBe('water');
    expect(features[0]!.getGeometry()!.getType()).toBe('Polygon');
  });

  it('refuses files that are not usable MBTiles, naming the problem, and registers nothing', async () => {
    const dir = tempDir();
    const dataDir = tempDir();
    const basemaps = registry(dataDir);
    const text = path.join(dir, 'notes.mbtiles');
    fs.writeFileSync(text, 'these are not tiles '.repeat(100));
    expect((await refusal(() => basemaps.add(text))).message).toMatch(/notes\.mbtiles: the file is absent, unreadable or not an MBTiles file; nothing was imported/);

    const plain = path.join(dir, 'plain.mbtiles');
    writeSqlite(plain, 'CREATE TABLE metadata (name TEXT, value TEXT)');
    expect((await refusal(() => basemaps.add(plain))).message).toMatch(/plain\.mbtiles: the file is absent, unreadable or not an MBTiles file/);

    const empty = path.join(dir, 'empty.mbtiles');
    writeMbtiles(empty, { name: 'Empty', format: 'png' }, []);
    expect((await refusal(() => basemaps.add(empty))).message).toMatch(/the MBTiles file holds no tiles/);

    const tiff = path.join(dir, 'tiff.mbtiles');
    writeMbtiles(tiff, { format: 'tiff' }, [{ z: 0, x: 0, y: 0, data: Buffer.from('II*\0') }]);
    expect((await refusal(() => basemaps.add(tiff))).message).toMatch(/tile format tiff is not supported/);

    const mislabelled = path.join(dir, 'mislabelled.mbtiles');
    writeMbtiles(mislabelled, { format: 'jpg' }, [{ z: 0, x: 0, y: 0, data: solidPng([1, 2, 3], 4) }]);
    expect((await refusal(() => basemaps.add(mislabelled))).message).toMatch(/the metadata says jpg but the tiles are png/);

    // A real set cut short: the SQLite header survives, the pages do not.
    const whole = path.join(dir, 'whole.mbtiles');
    writeQuadrantMbtiles(whole);
    const cut = path.join(dir, 'cut.mbtiles');
    fs.writeFileSync(cut, fs.readFileSync(whole).subarray(0, 2048));
    expect((await refusal(() => basemaps.add(cut))).message).toMatch(/cut\.mbtiles：.* \/ cut\.mbtiles: .*nothing was imported/);

    expect(await basemaps.list()).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'basemaps')) ? fs.readdirSync(path.join(dataDir, 'basemaps')) : []).toEqual([]);
  });
});
