import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/ipc/dispatch.ts';
import { createConsoleCore, type ConsoleCore } from '../../electron/core/consoleCore.ts';
import { startHost, type Host } from '../../electron/host/hostServer.ts';
import { createAppProtocolHandler } from '../../electron/main/appProtocol.ts';
import { SHANGHAI_TILE_COLOUR, writeQuadrantMbtiles } from '../support/tileFixtures.ts';

const dirs: string[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-map-tiles-'));
  dirs.push(dir);
  return dir;
};

async function coreWithBasemap(): Promise<ConsoleCore> {
  const core = await createConsoleCore({ dataDir: tempDir(), seed: false, synchronous: 'NORMAL' });
  cleanups.push(() => core.close());
  const file = path.join(tempDir(), 'quadrants.mbtiles');
  writeQuadrantMbtiles(file);
  const reply = await dispatch(core.handlers, 'map:addBasemap', { path: file });
  expect(reply).toMatchObject({ ok: true, result: { id: 'quadrants', type: 'raster' } });
  return core;
}

const firstPixel = (png: Buffer): number[] => {
  const idat = png.indexOf('IDAT');
  const raw = zlib.inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
  return [raw[1]!, raw[2]!, raw[3]!];
};

describe('base-map tiles over the host and app://', () => {
  it('serves a registered MBTiles set at /tiles/{id}/{z}/{x}/{y} to holders of the token only', async () => {
    const core = await coreWithBasemap();
    const host: Host = await startHost({ core, port: 0, staticDir: tempDir(), token: 'tile-token' });
    cleanups.push(() => host.close());
    const base = `http://127.0.0.1:${host.port}`;

    expect((await fetch(`${base}/tiles/quadrants/1/1/0`)).status).toBe(401);
    expect((await fetch(`${base}/tiles/quadrants/1/1/0?token=wrong-token`)).status).toBe(401);
    const ok = await fetch(`${base}/tiles/quadrants/1/1/0?token=tile-token`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect(firstPixel(Buffer.from(await ok.arrayBuffer()))).toEqual(SHANGHAI_TILE_COLOUR);
    expect((await fetch(`${base}/tiles/quadrants/7/1/0?token=tile-token`)).status).toBe(404);
    expect((await fetch(`${base}/tiles/online/1/1/0?token=tile-token`)).status).toBe(404);
    expect((await fetch(`${base}/tiles/quadrants/1/9/0?token=tile-token`)).status).toBe(404);

    const listed = await dispatch(core.handlers, 'map:listBasemaps', {});
    expect(listed).toMatchObject({ ok: true, result: [{ id: 'quadrants', kind: 'mbtiles' }] });
  });

  it('lists the online source once an administrator sets it, and refuses a template without {z}/{x}/{y}', async () => {
    const core = await coreWithBasemap();
    const bad = await dispatch(core.handlers, 'map:setOnlineSource', { urlTemplate: 'https://tiles.example.org/tile.png', capMb: 64 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringMatching(/must contain \{z\}, \{x\} and \{y\}/) } });
    // The console may choose only a host the administrator named (online-basemap --allow-host).
    const refused = await dispatch(core.handlers, 'map:setOnlineSource', { urlTemplate: 'https://tiles.example.org/{z}/{x}/{y}.png', capMb: 64 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await core.tiles.online.setAllowedHosts(['tiles.example.org']);
    const set = await dispatch(core.handlers, 'map:setOnlineSource', { urlTemplate: 'https://tiles.example.org/{z}/{x}/{y}.png', capMb: 64 });
    expect(set).toMatchObject({ ok: true, result: { urlTemplate: 'https://tiles.example.org/{z}/{x}/{y}.png', capMb: 64, cachedTiles: 0 } });
    const listed = await dispatch(core.handlers, 'map:listBasemaps', {});
    expect(listed).toMatchObject({ ok: true, result: [{ id: 'quadrants' }, { id: 'online', kind: 'online', name: 'tiles.example.org' }] });
  });

  it('serves the same tiles under app:// in the desktop shell', async () => {
    const core = await coreWithBasemap();
    const handle = createAppProtocolHandler({ rootDir: tempDir(), tiles: () => core.tiles });
    const response = await handle(new Request('app://console/tiles/quadrants/1/1/0'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(firstPixel(Buffer.from(await response.arrayBuffer()))).toEqual(SHANGHAI_TILE_COLOUR);
    expect((await handle(new Request('app://console/tiles/quadrants/9/0/0'))).status).toBe(404);
  });
});
