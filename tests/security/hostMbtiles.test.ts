import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_INFLATED_BYTES } from '../../electron/core/store/tiles/mbtilesFile.ts';
import { solidPng, squareMvt, writeMbtiles, writeSqlite } from '../support/tileFixtures.ts';
import { auditRows, checksums, ServeProcess } from './hostProcess.ts';

// Finding 6 (hostile MBTiles) and finding 9's path-probing part, against a real `serve`: each
// file is offered through the console API, refused with a clear message or served within its
// caps, and the service keeps answering — its serving thread never runs the file's queries.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-sec-mbtiles-'));
const files = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-sec-mbtiles-files-'));
const serve = new ServeProcess(dataDir);
let ws: WebSocket;
let nextId = 1;
let before: Awaited<ReturnType<typeof checksums>>;

function call(method: string, input: unknown): Promise<{ ok: boolean; result?: unknown; error?: { code: string; message: string } }> {
  const id = nextId++;
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as { id?: number; reply?: { ok: boolean } };
      if (message.id !== id) return;
      ws.off('message', onMessage);
      resolve(message.reply as never);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, method, input }));
  });
}

/** Times a health check while something else runs: the serving thread must stay free. */
async function healthLatency(): Promise<number> {
  const started = performance.now();
  expect(await serve.healthy()).toBe(true);
  return performance.now() - started;
}

beforeAll(async () => {
  await serve.start();
  ws = new WebSocket(`ws://127.0.0.1:${serve.port}/api?token=${serve.token}`);
  await new Promise((resolve) => ws.once('open', resolve));
  before = await checksums(dataDir);
});
afterAll(async () => {
  ws.close();
  await serve.stop();
  for (const dir of [dataDir, files, serve.staticDir]) fs.rmSync(dir, { recursive: true, force: true });
});

describe('hostile MBTiles files', () => {
  it('refuses a tiles view built on an endless recursive query, without blocking the service', async () => {
    const file = path.join(files, 'endless.mbtiles');
    writeSqlite(file, `CREATE TABLE metadata (name TEXT, value TEXT);
      INSERT INTO metadata VALUES ('name', 'Endless'), ('format', 'png');
      CREATE VIEW tiles AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
        SELECT 0 AS zoom_level, 0 AS tile_column, 0 AS tile_row, zeroblob(10) AS tile_data FROM n WHERE i < 0;`);
    const started = performance.now();
    const reply = await call('map:addBasemap', { path: file });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(/tiles in this MBTiles file is a view, not a table/) } });
    expect(await healthLatency()).toBeLessThan(1000);
  });

  it('refuses a metadata view and a 5-million-character name', async () => {
    const view = path.join(files, 'metaview.mbtiles');
    writeSqlite(view, `CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
      CREATE VIEW metadata AS SELECT 'name' AS name, 'x' AS value;`);
    expect(await call('map:addBasemap', { path: view })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/metadata in this MBTiles file is a view/) } });

    const long = path.join(files, 'longname.mbtiles');
    writeMbtiles(long, { name: 'N'.repeat(5_000_000), format: 'png' }, [{ z: 0, x: 0, y: 0, data: solidPng([1, 2, 3], 8) }]);
    const reply = await call('map:addBasemap', { path: long });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(/metadata entry name is 5000000 characters long; at most 2000/) } });
    expect(reply.error!.message.length).toBeLessThan(600);
  });

  it('refuses computed columns that would run on every read', async () => {
    const file = path.join(files, 'generated.mbtiles');
    writeSqlite(file, `CREATE TABLE metadata (name TEXT, value TEXT);
      CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, seed INTEGER, tile_data BLOB GENERATED ALWAYS AS (zeroblob(seed)) VIRTUAL);
      INSERT INTO tiles (zoom_level, tile_column, tile_row, seed) VALUES (0, 0, 0, 1000);`);
    expect(await call('map:addBasemap', { path: file })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/computed columns/) } });
  });

  it('serves a gzip bomb as no tile instead of inflating it, and an honest vector tile as before', async () => {
    const file = path.join(files, 'bomb.mbtiles');
    // 64 MB of zeros gzip to about 64 kB; the cap on inflation is far below that.
    const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    expect(MAX_INFLATED_BYTES).toBeLessThan(64 * 1024 * 1024);
    writeMbtiles(file, { name: 'Bomb', format: 'pbf' }, [{ z: 1, x: 0, y: 0, data: bomb }, { z: 1, x: 1, y: 0, data: zlib.gzipSync(squareMvt('water')) }]);
    const added = await call('map:addBasemap', { path: file });
    expect(added).toMatchObject({ ok: true, result: { id: 'bomb', type: 'vector' } });
    const tile = (x: number) => fetch(`http://127.0.0.1:${serve.port}/tiles/bomb/1/${x}/0?token=${serve.token}`);
    const exploded = await tile(0);
    expect(exploded.status).toBe(404);
    const honest = await tile(1);
    expect(honest.status).toBe(200);
    expect(Buffer.from(await honest.arrayBuffer())).toEqual(squareMvt('water'));
    expect(await healthLatency()).toBeLessThan(1000);
  });

  it('gives one message for a path that is absent, unreadable, a folder or not MBTiles', async () => {
    const unreadable = path.join(files, 'secret.mbtiles');
    fs.writeFileSync(unreadable, 'x');
    fs.chmodSync(unreadable, 0o000);
    const text = path.join(files, 'notes.mbtiles');
    fs.writeFileSync(text, 'not a database '.repeat(200));
    const messages = new Set<string>();
    for (const probe of ['/etc/shadow', '/nonexistent/file.mbtiles', '/etc', unreadable, text, '/etc/passwd']) {
      const reply = await call('map:addBasemap', { path: probe });
      expect(reply.ok).toBe(false);
      messages.add(reply.error!.message.replaceAll(path.basename(probe), 'FILE'));
    }
    expect([...messages]).toEqual(['FILE：文件不存在、无法读取或不是 MBTiles 文件，未导入任何数据。 / FILE: the file is absent, unreadable or not an MBTiles file; nothing was imported.']);
  });

  it('audited the refusals, stored nothing replicated, and is still serving', async () => {
    const refused = (await auditRows(dataDir)).filter((row) => row.action === 'call refused' && row.detail.method === 'map:addBasemap');
    expect(refused.length).toBeGreaterThanOrEqual(1);
    const list = await call('map:listBasemaps', {});
    expect((list.result as { id: string }[]).map((basemap) => basemap.id)).toEqual(['bomb']);
    const after = await checksums(dataDir);
    expect(after.tables).toEqual(before.tables);
    expect(await serve.healthy()).toBe(true);
  });
});
