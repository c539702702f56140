import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { noisePng, solidPng } from '../../../tests/support/tileFixtures.ts';
import { OnlineTiles, TILE_CACHE_FILE, tileUrl } from './tileCache.ts';

const dirs: string[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-tilecache-'));
  dirs.push(dir);
  return dir;
};

/** A real XYZ tile server on 127.0.0.1: each tile a PNG whose colour encodes its address; counts requests. */
async function startTileServer(): Promise<{ template: string; hits: string[]; stop(): Promise<void> }> {
  const hits: string[] = [];
  const server = http.createServer((request, response) => {
    const match = /^\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(request.url ?? '');
    hits.push(request.url ?? '');
    if (!match) {
      response.writeHead(404).end();
      return;
    }
    const [z, x, y] = match.slice(1).map(Number) as [number, number, number];
    // Zoom 10 and deeper: incompressible tiles of about 197 kB, so a 1 MB cache fills in a few.
    response.writeHead(200, { 'content-type': 'image/png' }).end(z >= 10 ? noisePng(z * 1_000_003 + x * 1009 + y) : solidPng([z * 10, x, y], 64));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  cleanups.push(stop);
  return { template: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`, hits, stop };
}

async function openTiles(dataDir: string, options: ConstructorParameters<typeof OnlineTiles>[1] = {}): Promise<OnlineTiles> {
  const tiles = new OnlineTiles(dataDir, { timeoutMs: 1500, ...options });
  cleanups.push(() => tiles.close());
  // The test's tile server is on loopback, which only a host the administrator named may reach.
  await tiles.setAllowedHosts(['127.0.0.1']);
  return tiles;
}

describe('online tile cache', () => {
  it('fills a template', () => {
    expect(tileUrl('https://t.example/{z}/{x}/{y}.png?k=1', 9, 428, 209)).toBe('https://t.example/9/428/209.png?k=1');
  });

  it('serves nothing until an administrator sets a source', async () => {
    const tiles = await openTiles(tempDir());
    expect(await tiles.tile(0, 0, 0)).toBeNull();
    expect(await tiles.info()).toEqual({ urlTemplate: null, capMb: 512, cachedBytes: 0, cachedTiles: 0 });
  });

  it('fetches from upstream, keeps the tile, and serves it from the cache once upstream is gone', async () => {
    const upstream = await startTileServer();
    const dataDir = tempDir();
    // maxAge 0: every request tries upstream first, so the cache answering proves the fallback.
    const tiles = await openTiles(dataDir, { maxAgeMs: 0 });
    await tiles.setSource(upstream.template, 64);
    const first = await tiles.tile(9, 428, 209);
    expect(first).toMatchObject({ from: 'network', contentType: 'image/png' });
    expect(upstream.hits).toEqual(['/9/428/209.png']);
    expect(fs.existsSync(path.join(dataDir, TILE_CACHE_FILE))).toBe(true);

    await upstream.stop();
    const offline = await tiles.tile(9, 428, 209);
    expect(offline).toMatchObject({ from: 'cache', contentType: 'image/png' });
    expect(Buffer.compare(offline!.data, first!.data)).toBe(0);
    // A tile never seen before has nothing to fall back on.
    expect(await tiles.tile(9, 429, 209)).toBeNull();
    expect(await tiles.info()).toMatchObject({ cachedTiles: 1, cachedBytes: first!.data.length });
  });

  it('answers from the cache without asking upstream while the tile is fresh, and keeps the cache across restarts', async () => {
    const upstream = await startTileServer();
    const dataDir = tempDir();
    const tiles = await openTiles(dataDir);
    await tiles.setSource(upstream.template, 64);
    await tiles.tile(3, 6, 3);
    expect(await tiles.tile(3, 6, 3)).toMatchObject({ from: 'cache' });
    expect(upstream.hits).toHaveLength(1);
    await tiles.close();
    cleanups.pop();
    const reopened = await openTiles(dataDir);
    expect(await reopened.info()).toMatchObject({ urlTemplate: upstream.template, capMb: 64, cachedTiles: 1 });
    expect(await reopened.tile(3, 6, 3)).toMatchObject({ from: 'cache' });
    expect(upstream.hits).toHaveLength(1);
  });

  it('evicts the least recently used tiles once the cache passes its cap', async () => {
    const upstream = await startTileServer();
    let clock = 1_000_000;
    const tiles = await openTiles(tempDir(), { now: () => clock });
    await tiles.setSource(upstream.template, 1);
    const fetch = async (x: number) => {
      const tile = await tiles.tile(12, x, 0);
      clock += 1;
      return tile;
    };
    const size = (await fetch(0))!.data.length;
    expect(size).toBeGreaterThan(190_000);
    const fit = Math.floor((1024 * 1024) / size);
    for (let x = 1; x < fit; x++) await fetch(x);
    expect((await tiles.info()).cachedTiles).toBe(fit);
    // Use tile 0 again, so tile 1 is now the least recently used; one more tile must push tile 1 out.
    expect(await fetch(0)).toMatchObject({ from: 'cache' });
    await fetch(fit);
    expect((await tiles.info()).cachedTiles).toBe(fit);
    expect((await tiles.info()).cachedBytes).toBeLessThanOrEqual(1024 * 1024);
    await upstream.stop();
    expect(await fetch(0)).toMatchObject({ from: 'cache' });
    expect(await fetch(fit)).toMatchObject({ from: 'cache' });
    expect(await fetch(1)).toBeNull();
  });

  it('evicts at once when the administrator lowers the cap', async () => {
    const upstream = await startTileServer();
    const tiles = await openTiles(tempDir());
    await tiles.setSource(upstream.template, 5);
    for (let x = 0; x < 8; x++) await tiles.tile(10, x, 0);
    expect((await tiles.info()).cachedTiles).toBe(8);
    expect(await tiles.setSource(upstream.template, 1)).toMatchObject({ capMb: 1, cachedTiles: 5 });
    expect(await tiles.setSource(null, 1)).toMatchObject({ urlTemplate: null });
    expect(await tiles.tile(10, 7, 0)).toBeNull();
  });
});
