import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleCore, type ConsoleCore } from '../../electron/core/consoleCore.ts';
import { isHallAddress } from '../../electron/host/hallControl.ts';
import { startHost, type Host } from '../../electron/host/hostServer.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'electron/host/bin.mjs');
let dataDir: string;
let staticDir: string;
let core: ConsoleCore;
let host: Host;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-hall-'));
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>console</title>');
  core = await createConsoleCore({ dataDir, nodeId: 'hall-node' });
  host = await startHost({ core, port: 0, staticDir, token: 'hall-token' });
}, 120_000);
afterAll(async () => {
  await host.close();
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(staticDir, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${host.port}`;
const hall = (route: string, init: RequestInit & { token?: string } = {}) =>
  fetch(`${base()}/hall/v1/${route}`, { ...init, headers: { ...(init.token !== undefined ? { authorization: `Bearer ${init.token}` } : {}), 'content-type': 'application/json' } });

/** The real CLI in its own process; async, so this process's host keeps answering. */
function cli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('hall control over HTTP', () => {
  it('answers only loopback and private hall addresses', () => {
    for (const address of ['127.0.0.1', '::1', '::ffff:192.168.3.20', '10.1.2.3', '172.20.0.9', 'fd00::5']) expect(isHallAddress(address), address).toBe(true);
    for (const address of ['8.8.8.8', '172.32.0.1', '2001:db8::1', undefined]) expect(isHallAddress(address), String(address)).toBe(false);
  });

  it('refuses a missing or wrong token and audits it, changing nothing', async () => {
    const before = await core.store.query('meta.countOps');
    expect((await hall('presets')).status).toBe(401);
    const wrong = await hall('switch', { method: 'POST', token: 'guess', body: JSON.stringify({ preset: '台风应急' }) });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toContain('access token');
    expect(await core.store.query('meta.countOps')).toBe(before);
    const audit = await core.store.query('audit.recent', { limit: 10 });
    expect(audit.filter((entry) => entry.action === 'hall control refused').map((entry) => (entry.detail as { reason: string }).reason)).toEqual(expect.arrayContaining(['no token', 'wrong token']));
  });

  it('lists presets, switches by name and reads the current one', async () => {
    const presets = await (await hall('presets', { token: 'hall-token' })).json() as { presets: { name: string }[] };
    expect(presets.presets.map((preset) => preset.name)).toEqual(expect.arrayContaining(['日常值守', '台风应急', '防汛', '会商']));
    const switched = await hall('switch', { method: 'POST', token: 'hall-token', body: JSON.stringify({ preset: '防汛', reason: 'rain' }) });
    expect(switched.status).toBe(200);
    const current = await (await hall('current', { token: 'hall-token' })).json() as { preset: { name: string }; by: string; reason: string };
    expect(current).toMatchObject({ preset: { name: '防汛' }, reason: 'rain' });
    expect(current.by).toMatch(/via hall control 127\.0\.0\.1/);
  });

  it('refuses a preset naming an unknown panel or display with the reason, and audits it', async () => {
    const refused = await hall('presets', { method: 'POST', token: 'hall-token', body: JSON.stringify({ name: '坏', cells: [{ display: 'D9', route: '/weather' }] }) });
    expect(refused.status).toBe(400);
    const message = ((await refused.json()) as { error: { message: string } }).error.message;
    expect(message).toContain('unknown panel "weather"');
    expect(message).toContain('the hall has no display D9');
    const audit = await core.store.query('audit.recent', { limit: 3 });
    expect(audit.some((entry) => entry.action === 'hall control refused' && JSON.stringify(entry.detail).includes('weather'))).toBe(true);
    expect((await hall('switch', { method: 'POST', token: 'hall-token', body: '{not json' })).status).toBe(400);
  });
});

describe('resilience-console wall', () => {
  it('switches, lists every window with its address and cell, and lists presets', async () => {
    const switched = await cli('wall', 'switch', '台风应急', '--console', base(), '--token', 'hall-token', '--json');
    expect(switched.stderr).toBe('');
    expect(JSON.parse(switched.stdout.trim())).toMatchObject({ event: 'switched', name: '台风应急', presetId: 'preset:city:typhoon' });
    const windows = await cli('wall', 'windows', '--console', base(), '--token', 'hall-token', '--json');
    expect(windows.status).toBe(0);
    const lines = windows.stdout.trim().split('\n').map((line) => JSON.parse(line) as { display: string; cell: string; panel: string; address: string });
    expect(lines.map((line) => [line.display, line.cell, line.panel])).toEqual([['A1', 'A1–B1', 'map'], ['B1', 'A1–B1', 'map'], ['A2', 'A2', 'incidents'], ['B2', 'B2', 'board/shelters']]);
    expect(lines[3]!.address).toBe(`${base()}/#/wall?hall=hall%3Acity&display=B2&token=hall-token`);
    const presets = await cli('wall', 'presets', '--console', base(), '--token', 'hall-token');
    expect(presets.stdout).toMatch(/^\* 台风应急 \(Typhoon response\)/m);
  });

  it('says plainly when the token is wrong, the preset unknown or the console unreachable', async () => {
    const wrong = await cli('wall', 'presets', '--console', base(), '--token', 'nope');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('missing or wrong access token');
    const unknown = await cli('wall', 'switch', '地震应急', '--console', base(), '--token', 'hall-token');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no preset "地震应急" in this hall');
    const away = await cli('wall', 'current', '--console', 'http://127.0.0.1:9', '--token', 'x');
    expect(away.status).toBe(3);
    expect(away.stderr).toContain('cannot reach the console');
  });
});
