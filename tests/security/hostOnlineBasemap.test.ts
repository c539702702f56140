import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleCore, type ConsoleCore } from '../../electron/core/consoleCore.ts';
import { addressRefusal } from '../../electron/core/map/addressPolicy.ts';
import { OnlineTiles } from '../../electron/core/map/tileCache.ts';
import { dispatch } from '../../shared/ipc/dispatch.ts';
import WebSocket from 'ws';
import { runCli } from '../fault/nodeProcess.ts';
import { solidPng } from '../support/tileFixtures.ts';
import { auditRows, checksums, ServeProcess } from './hostProcess.ts';

// Finding 4: the online basemap is no server-side request forgery. Refused addresses are refused
// before any connection (a fake resolver answers, and a request spy must never be called);
// the only real traffic is to a tile server on 127.0.0.1.
const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-sec-online-'));
  dirs.push(dir);
  return dir;
};
let server: http.Server;
let port = 0;
const hits: string[] = [];
beforeAll(async () => {
  server = http.createServer((request, response) => {
    hits.push(request.url ?? '');
    if (request.url?.startsWith('/redirect/')) response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end();
    else if (request.url?.startsWith('/huge/')) {
      // 3 MB with no length given: the cap has to cut it while it streams.
      response.writeHead(200, { 'content-type': 'image/png' });
      for (let i = 0; i < 48; i++) response.write(Buffer.alloc(64 * 1024));
      response.end();
    } else response.writeHead(200, { 'content-type': 'image/png' }).end(solidPng([1, 2, 3], 16));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const audits: string[] = [];
function openTiles(resolved: Record<string, string[]>) {
  const connections: string[] = [];
  const tiles = new OnlineTiles(tempDir(), {
    timeoutMs: 2000,
    resolver: async (hostname) => (resolved[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    request: (url, options, callback) => {
      connections.push(`${String(options.host)} ${url.href}`);
      return http.request(options, callback);
    },
    audit: (actor, action, detail) => { audits.push(`${actor} ${action} ${JSON.stringify(detail)}`); },
  });
  return { tiles, connections };
}

describe('online basemap fetches', () => {
  it('classifies every kind of non-public address', () => {
    for (const [address, reason] of [['127.0.0.1', 'loopback'], ['169.254.169.254', 'link-local'], ['10.1.2.3', 'private'], ['172.16.0.1', 'private'],
      ['192.168.1.1', 'private'], ['100.64.0.1', 'carrier-grade NAT'], ['0.0.0.0', 'unspecified'], ['224.0.0.1', 'multicast'], ['::1', 'loopback'],
      ['::', 'unspecified'], ['fe80::1', 'link-local'], ['fd12::1', 'private'], ['ff02::1', 'multicast'], ['::ffff:127.0.0.1', 'IPv4 inside IPv6'],
      ['::ffff:a9fe:a9fe', 'IPv4 inside IPv6'], ['64:ff9b::a9fe:a9fe', 'IPv4 inside IPv6'], ['2002:a9fe:a9fe::1', 'IPv4 inside IPv6']]) {
      expect(addressRefusal(address!), address).toBe(reason);
    }
    for (const address of ['8.8.8.8', '114.114.114.114', '2400:3200::1']) expect(addressRefusal(address), address).toBeNull();
  });

  it('refuses a name that resolves to a private, loopback, link-local or mapped address before connecting', async () => {
    const { tiles, connections } = openTiles({
      'meta.example': ['169.254.169.254'], 'lan.example': ['10.0.0.8'], 'mixed.example': ['8.8.8.8', '127.0.0.1'], 'mapped.example': ['::ffff:127.0.0.1'],
    });
    for (const template of ['http://meta.example/{z}/{x}/{y}.png', 'http://lan.example/{z}/{x}/{y}.png', 'http://mixed.example/{z}/{x}/{y}.png',
      'http://mapped.example/{z}/{x}/{y}.png', `http://127.0.0.1:${port}/{z}/{x}/{y}.png`, `http://[::1]:${port}/{z}/{x}/{y}.png`, 'http://0.0.0.0/{z}/{x}/{y}.png']) {
      await tiles.setSource(template, 16);
      expect(await tiles.tile(1, 1, 0), template).toBeNull();
    }
    expect(connections).toEqual([]);
    expect(hits).toEqual([]);
    await tiles.close();
    const refused = audits.filter((line) => line.includes('tile fetch refused'));
    expect(refused.map((line) => JSON.parse(line.slice(line.indexOf('{'))).reason)).toEqual(expect.arrayContaining(['link-local', 'private', 'loopback', 'IPv4 inside IPv6', 'unspecified']));
  });

  it('fetches from a host the administrator named, connecting to the address it checked, and follows no redirect', async () => {
    // The resolver answers once with 127.0.0.1; the connection goes to that address, not to a second lookup.
    let lookups = 0;
    const connections: string[] = [];
    const tiles = new OnlineTiles(tempDir(), {
      timeoutMs: 2000,
      resolver: async () => { lookups += 1; return [{ address: '127.0.0.1', family: 4 }]; },
      request: (url, options, callback) => { connections.push(String(options.host)); return http.request(options, callback); },
    });
    await tiles.setAllowedHosts(['tiles.internal']);
    await tiles.setSource(`http://tiles.internal:${port}/ok/{z}/{x}/{y}.png`, 16);
    expect(await tiles.tile(2, 3, 1)).toMatchObject({ from: 'network', contentType: 'image/png' });
    expect(lookups).toBe(1);
    expect(connections).toEqual(['127.0.0.1']);
    await tiles.setSource(`http://tiles.internal:${port}/redirect/{z}/{x}/{y}.png`, 16);
    expect(await tiles.tile(2, 3, 1)).toBeNull();
    await tiles.setSource(`http://tiles.internal:${port}/huge/{z}/{x}/{y}.png`, 16);
    expect(await tiles.tile(2, 3, 1)).toBeNull();
    expect((await tiles.info()).cachedTiles).toBe(1);
    expect(hits).toEqual(['/ok/2/3/1.png', '/redirect/2/3/1.png', '/huge/2/3/1.png']);
    await tiles.close();
  });
});

describe('setting the online basemap through the console API', () => {
  let core: ConsoleCore;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = tempDir();
    core = await createConsoleCore({ dataDir, seed: false });
  });
  afterAll(() => core.close());

  it('refuses a host the administrator has not allowed, audits it and changes nothing', async () => {
    for (const urlTemplate of ['http://169.254.169.254/{z}/{x}/{y}', 'https://tiles.example.org/{z}/{x}/{y}.png']) {
      const reply = await dispatch(core.handlers, 'map:setOnlineSource', { urlTemplate, capMb: 16 });
      expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      if (!reply.ok) expect(reply.error.message).toMatch(/--allow-host .*not allowed by the administrator/);
    }
    expect((await core.tiles.online.info()).urlTemplate).toBeNull();
    await core.tiles.online.setAllowedHosts(['tiles.example.org']);
    const allowed = await dispatch(core.handlers, 'map:setOnlineSource', { urlTemplate: 'https://tiles.example.org/{z}/{x}/{y}.png', capMb: 16 });
    expect(allowed).toMatchObject({ ok: true, result: { urlTemplate: 'https://tiles.example.org/{z}/{x}/{y}.png' } });
    const trail = (await core.store.query('audit.recent', { limit: 20 })).map((line) => `${line.actor} ${line.action}`);
    expect(trail).toEqual(expect.arrayContaining(['administrator online basemap hosts allowed', 'console api online basemap set']));
  });
});

describe('the online basemap on a running serve', () => {
  const serveDir = tempDir();
  const serve = new ServeProcess(serveDir);
  beforeAll(() => serve.start());
  afterAll(async () => {
    await serve.stop();
    fs.rmSync(serve.staticDir, { recursive: true, force: true });
  });

  it('refuses a metadata address from the API and a loopback source the administrator did not name; serves one named', async () => {
    const before = await checksums(serveDir);
    const ws = new WebSocket(`ws://127.0.0.1:${serve.port}/api?token=${serve.token}`);
    await new Promise((resolve) => ws.once('open', resolve));
    const reply = await new Promise<{ reply: { ok: boolean; error?: { code: string } } }>((resolve) => {
      ws.once('message', (data) => resolve(JSON.parse(data.toString())));
      ws.send(JSON.stringify({ id: 1, method: 'map:setOnlineSource', input: { urlTemplate: 'http://169.254.169.254/latest/{z}/{x}/{y}', capMb: 16 } }));
    });
    ws.close();
    expect(reply.reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // The administrator sets a loopback source without naming the host: its tiles are refused before any connection.
    const template = `http://127.0.0.1:${port}/ok/{z}/{x}/{y}.png`;
    await runCli(['online-basemap', '--data', serveDir, '--url', template, '--json']);
    const tile = () => fetch(`http://127.0.0.1:${serve.port}/tiles/online/3/6/3?token=${serve.token}`);
    const hitsBefore = hits.length;
    expect((await tile()).status).toBe(404);
    expect(hits.length).toBe(hitsBefore);
    // Named by the administrator, the same host is fetched.
    await runCli(['online-basemap', '--data', serveDir, '--allow-host', '127.0.0.1', '--json']);
    const served = await tile();
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(hits.slice(hitsBefore)).toEqual(['/ok/3/6/3.png']);

    const trail = await auditRows(serveDir);
    expect(trail.map((row) => `${row.action} ${String(row.detail.reason ?? row.detail.code ?? '')}`)).toEqual(expect.arrayContaining([
      'call refused map:setOnlineSource FORBIDDEN', 'tile fetch refused loopback', 'online basemap set ', 'online basemap hosts allowed ',
    ]));
    expect((await checksums(serveDir)).tables).toEqual(before.tables);
    expect(await serve.healthy()).toBe(true);
  });
});
