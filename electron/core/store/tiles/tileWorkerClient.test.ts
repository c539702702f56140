import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { solidPng, writeQuadrantMbtiles, writeSqlite } from '../../../../tests/support/tileFixtures.ts';
import { TileWorkerClient, TileWorkerTimeout } from './tileWorkerClient.ts';

const dirs: string[] = [];
const clients: TileWorkerClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-tileworker-'));
  dirs.push(dir);
  return dir;
};
const client = () => {
  const worker = new TileWorkerClient({ cacheFile: null });
  clients.push(worker);
  return worker;
};

describe('tile worker', () => {
  it('stops a call that runs past its time and answers the next one from a fresh worker', async () => {
    const file = path.join(tempDir(), 'q.mbtiles');
    writeQuadrantMbtiles(file);
    const worker = client();
    await expect(worker.call('mbtiles.check', { file }, 1)).rejects.toBeInstanceOf(TileWorkerTimeout);
    expect(await worker.call('mbtiles.check', { file })).toMatchObject({ name: 'Test quadrants', format: 'png' });
  });

  it('reads the standard map + images layout from its tables, not from the tiles view', async () => {
    const file = path.join(tempDir(), 'dedup.mbtiles');
    writeSqlite(file, `CREATE TABLE metadata (name TEXT, value TEXT);
      INSERT INTO metadata VALUES ('name', 'Deduplicated'), ('format', 'png');
      CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_id TEXT);
      CREATE TABLE images (tile_data BLOB, tile_id TEXT);
      CREATE VIEW tiles AS SELECT map.zoom_level, map.tile_column, map.tile_row, images.tile_data FROM map JOIN images ON images.tile_id = map.tile_id;
      INSERT INTO map VALUES (1, 0, 0, 'sea'), (1, 1, 0, 'sea');`);
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(file);
    db.prepare('INSERT INTO images VALUES (?, ?)').run(solidPng([0, 0, 200], 8), 'sea');
    db.close();
    const worker = client();
    expect(await worker.call('mbtiles.metadata', { file })).toMatchObject({ name: 'Deduplicated', minZoom: 1, maxZoom: 1 });
    // XYZ (1, 0, 1) is TMS row 0.
    expect(await worker.call('mbtiles.tile', { file, z: 1, x: 0, y: 1 })).toMatchObject({ format: 'png' });
    expect(await worker.call('mbtiles.tile', { file, z: 1, x: 0, y: 0 })).toBeNull();
  });
});
