import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createConsoleCore, type ConsoleCore } from '../../electron/core/consoleCore.ts';
import { startHost, type Host } from '../../electron/host/hostServer.ts';

let dataDir: string;
let staticDir: string;
let core: ConsoleCore;
let host: Host;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-host-'));
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>console</title>');
  fs.writeFileSync(path.join(dataDir, 'secret.txt'), 'not for the browser');
  core = await createConsoleCore({ dataDir, seed: false });
  host = await startHost({ core, port: 0, staticDir, token: 'right-token' });
});
afterAll(async () => {
  await host.close();
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(staticDir, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${host.port}`;

/** A GET that sends its path byte for byte (fetch would normalise `..` away before it left). */
function rawGet(requestPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: host.port, path: requestPath }, (response) => {
      let body = '';
      response.on('data', (chunk) => { body += chunk; });
      response.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

function openSocket(query: string, headers: Record<string, string> = {}): Promise<{ ws: WebSocket; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api${query}`, { headers });
    const closed = new Promise<number>((done) => ws.on('close', (code) => done(code)));
    ws.once('open', () => resolve({ ws, closed }));
    ws.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
}

describe('browser console host', () => {
  it('prints an address with the access token and answers health checks', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=right-token`);
    const response = await fetch(`${base()}/healthz`);
    expect(await response.json()).toEqual({ ok: true, nodeId: core.store.identity.nodeId });
  });

  it('serves the renderer with a CSP and never a file outside it', async () => {
    const page = await fetch(`${base()}/`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<title>console</title>');
    const escape = `../${path.basename(dataDir)}/secret.txt`;
    for (const attempt of [`/${escape}`, `/%2e%2e/${path.basename(dataDir)}/secret.txt`, '/..%2f..%2f..%2fetc%2fpasswd', '/../../../../etc/passwd']) {
      const text = await rawGet(attempt);
      expect(text).not.toContain('not for the browser');
      expect(text).not.toContain('root:');
    }
  });

  it('closes a connection with a wrong or missing token before any call', async () => {
    for (const query of ['?token=wrong-token', '']) {
      const { ws, closed } = await openSocket(query);
      ws.send(JSON.stringify({ id: 1, method: 'nodes:list', input: {} }));
      expect(await closed).toBe(4401);
    }
  });

  it('refuses a page from another origin', async () => {
    await expect(openSocket('?token=right-token', { origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('answers malformed and unknown messages with errors and stores nothing', async () => {
    const before = await core.store.query('meta.countOps');
    const { ws } = await openSocket('?token=right-token');
    ws.send('{not json');
    expect(await nextMessage(ws)).toMatchObject({ error: { code: 'INVALID_ARGUMENT' } });
    ws.send(JSON.stringify({ id: 7, method: 'store:dropEverything', input: {} }));
    expect(await nextMessage(ws)).toMatchObject({ id: 7, reply: { ok: false, error: { code: 'UNKNOWN_METHOD' } } });
    ws.send(JSON.stringify({ id: 8, method: 'incidents:report', input: 'DROP TABLE ops' }));
    expect(await nextMessage(ws)).toMatchObject({ id: 8, reply: { ok: false, error: { code: 'INVALID_ARGUMENT' } } });
    ws.send(JSON.stringify({ subscribe: 'everything' }));
    expect(await nextMessage(ws)).toMatchObject({ error: { code: 'INVALID_ARGUMENT' } });
    ws.close();
    expect(await core.store.query('meta.countOps')).toBe(before);
  });

  it('keeps an audit trail of refused connections and calls', async () => {
    const trail = await core.store.query('audit.recent', { limit: 50 });
    const actions = trail.map((line) => `${line.action}: ${JSON.stringify(line.detail)}`);
    expect(actions).toEqual(expect.arrayContaining([
      'connection refused: {"reason":"token"}',
      expect.stringMatching(/^connection refused: \{"reason":"origin","path":"\/api","origin":"http:\/\/evil\.example","host":"127\.0\.0\.1:\d+"\}$/),
      'message refused: {"reason":"not a JSON object"}',
      expect.stringMatching(/^call refused: \{"method":"store:dropEverything","role":"admin","code":"UNKNOWN_METHOD"/),
      expect.stringMatching(/^call refused: \{"method":"incidents:report","role":"admin","code":"INVALID_ARGUMENT"/),
    ]));
    // Connections are refused before anyone signs in; calls are made by a user, named with where they came from.
    expect(trail.every((line) => line.actor.startsWith('ws 127.0.0.1:') || /^admin \(.+\) via ws 127\.0\.0\.1:/.test(line.actor))).toBe(true);
  });
});
