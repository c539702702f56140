import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { auditRows, checksums, frame, rawUpgrade, ServeProcess } from './hostProcess.ts';

// Finding 1 (the /api side) and finding 9 (Origin, Host, CSP, refusal flood) against a real `serve`.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-sec-socket-'));
const serve = new ServeProcess(dataDir);
let before: Awaited<ReturnType<typeof checksums>>;

beforeAll(async () => {
  await serve.start();
  before = await checksums(dataDir);
});
afterAll(async () => {
  await serve.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(serve.staticDir, { recursive: true, force: true });
});

/** A real call through an authenticated socket: the service still answers the console. */
async function appInfo(): Promise<{ nodeId: string }> {
  const ws = new WebSocket(`ws://127.0.0.1:${serve.port}/api?token=${serve.token}`);
  ws.on('error', () => undefined);
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  const reply = await new Promise<{ reply: { ok: boolean; result: { nodeId: string } } }>((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(data.toString())));
    ws.send(JSON.stringify({ id: 1, method: 'app:info', input: {} }));
  });
  ws.close();
  expect(reply.reply.ok).toBe(true);
  return reply.reply.result;
}

describe('serve /api: a bad client loses only its own socket', () => {
  it('survives an unmasked frame sent before the token check, with no token and with a wrong one', async () => {
    for (const query of ['', '?token=wrong-token-123']) {
      const { socket, status, closed } = await rawUpgrade(serve.port, `/api${query}`);
      expect(status).toBe('HTTP/1.1 101 Switching Protocols');
      // The 7 bytes from the finding: FIN+text, unmasked, "hello".
      socket.write(Buffer.from([0x81, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f]));
      await closed;
    }
    expect(await serve.healthy()).toBe(true);
    expect((await appInfo()).nodeId).toMatch(/^node-/);
  });

  it('survives an unmasked frame and an oversized frame after the token check', async () => {
    const unmasked = await rawUpgrade(serve.port, `/api?token=${serve.token}`);
    unmasked.socket.write(frame(1, Buffer.from('{"id":1,"method":"app:info"}'), false));
    await unmasked.closed;
    const oversized = await rawUpgrade(serve.port, `/api?token=${serve.token}`);
    // Declares 64 MB (the cap is 1 MB) and starts sending it.
    oversized.socket.write(frame(1, Buffer.alloc(4096, 0x20), true, 64 * 1024 * 1024));
    await oversized.closed;
    expect(await serve.healthy()).toBe(true);
    await appInfo();
  });

  it('refuses a page from another origin, and a rebound DNS name, on the API and on plain HTTP', async () => {
    const foreign = await rawUpgrade(serve.port, `/api?token=${serve.token}`, { Origin: 'http://evil.example' });
    expect(foreign.status).toBe('HTTP/1.1 403 Forbidden');
    // DNS rebinding: evil.example resolves to 127.0.0.1, so the browser sends a matching Origin and Host.
    const rebound = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${serve.port}/api?token=${serve.token}`, { headers: { Host: `evil.example:${serve.port}`, Origin: `http://evil.example:${serve.port}` } });
      ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => undefined);
    });
    expect(rebound).toBe(403);
    const page = await new Promise<number>((resolve) => {
      import('node:http').then(({ default: http }) => http.get({ host: '127.0.0.1', port: serve.port, path: '/', headers: { Host: `evil.example:${serve.port}` } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      }));
    });
    expect(page).toBe(421);
    // The console's own origins are accepted, and the page allows connections to itself only.
    for (const origin of [`http://127.0.0.1:${serve.port}`, `http://localhost:${serve.port}`]) {
      const own = await rawUpgrade(serve.port, `/api?token=${serve.token}`, { Origin: origin });
      expect(own.status).toBe('HTTP/1.1 101 Switching Protocols');
      own.socket.destroy();
    }
    const csp = (await fetch(`http://127.0.0.1:${serve.port}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toMatch(/\bws:|\bwss:/);
  });

  it('writes one audit line for a flood of refused connections from one source, not one per attempt', async () => {
    const count = (rows: Awaited<ReturnType<typeof auditRows>>) => rows.filter((row) => row.action === 'connection refused' && row.detail.reason === 'token').length;
    const start = count(await auditRows(dataDir));
    for (let i = 0; i < 60; i++) {
      const { socket, closed } = await rawUpgrade(serve.port, '/api?token=flood-wrong-token');
      socket.destroy();
      await closed;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    const rows = await auditRows(dataDir);
    // At most the first line of this minute's window (it may already have been written by the first test).
    expect(count(rows) - start).toBeLessThanOrEqual(1);
    expect(count(rows)).toBeGreaterThanOrEqual(1);
    const refusals = rows.filter((row) => row.action.startsWith('connection refused'));
    expect(refusals.map((row) => row.detail.reason)).toEqual(expect.arrayContaining(['token', 'origin', 'host']));
    expect(refusals.every((row) => row.actor.startsWith('ws 127.0.0.1:'))).toBe(true);
    expect(await serve.healthy()).toBe(true);
  });

  it('stored nothing: every table checksum is as before', async () => {
    const after = await checksums(dataDir);
    expect(after.tables).toEqual(before.tables);
    expect(after.opCount).toBe(before.opCount);
  });
});
