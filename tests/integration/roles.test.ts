import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createConsoleCore, type ConsoleCore } from '../../electron/core/consoleCore.ts';
import { startHost, type Host } from '../../electron/host/hostServer.ts';

/** Users and roles over the real browser transport: every call checked in the core, refusals and admin changes audited. */
let dataDir: string;
let core: ConsoleCore;
let host: Host;
const REPORT = { title: '外滩观景平台积水', type: 'waterlogging', level: 'IV', nodeCode: '310101013000', exercise: true };

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-roles-'));
  core = await createConsoleCore({ dataDir });
  host = await startHost({ core, port: 0, staticDir: dataDir, token: 'admin-token' });
});
afterAll(async () => {
  await host.close();
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function session(token: string) {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${encodeURIComponent(token)}`);
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  let next = 1;
  const call = (method: string, input: unknown) => new Promise<{ ok: boolean; result?: unknown; error?: { code: string; message: string } }>((resolve) => {
    const id = next++;
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as { id?: number; reply?: never };
      if (message.id !== id) return;
      ws.off('message', onMessage);
      resolve(message.reply!);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, method, input }));
  });
  return { ws, call };
}

const auditRows = async () => (await core.store.query('audit.recent', { limit: 50 })) as { actor: string; action: string; detail: Record<string, unknown> }[];

describe('users and roles', () => {
  it('signs the console token in as its administrator, who can add users with their own tokens', async () => {
    const admin = await session('admin-token');
    expect(await admin.call('users:me', {})).toMatchObject({ ok: true, result: { role: 'admin' } });
    const added = await admin.call('users:add', { name: '王五（气象局联络员）', role: 'liaison' });
    expect(added.ok).toBe(true);
    const audit = await auditRows();
    expect(audit.find((row) => row.action === 'users:add')?.actor).toMatch(/^admin \(.*\) via ws 127\.0\.0\.1:/);
    admin.ws.close();
  });

  it('refuses a viewer every write, in the core, audited, with nothing stored', async () => {
    const admin = await session('admin-token');
    const made = (await admin.call('users:add', { name: '大屏', role: 'viewer' })).result as { token: string };
    const viewer = await session(made.token);
    const before = await core.store.query('meta.countOps');
    expect(await viewer.call('incidents:list', {})).toMatchObject({ ok: true });
    const refused = await viewer.call('incidents:report', REPORT);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(refused.error!.message).toMatch(/incidents:report.*viewer/);
    expect(await viewer.call('map:setOnlineSource', { urlTemplate: 'https://tiles.example.org/{z}/{x}/{y}.png', capMb: 64 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.store.query('meta.countOps')).toBe(before);
    const refusals = (await auditRows()).filter((row) => row.action === 'call refused' && row.detail.role === 'viewer');
    expect(refusals.map((row) => row.detail.method)).toEqual(expect.arrayContaining(['incidents:report', 'map:setOnlineSource']));
    viewer.ws.close();
    admin.ws.close();
  });

  it('lets a liaison report an incident but keeps boundaries and dispatch to others', async () => {
    const admin = await session('admin-token');
    const made = (await admin.call('users:add', { name: '交通委联络员', role: 'liaison' })).result as { token: string; user: { id: string } };
    const liaison = await session(made.token);
    const before = await core.store.query('meta.countOps');
    const reported = await liaison.call('incidents:report', REPORT);
    expect(reported.error).toBeUndefined();
    expect(reported.ok).toBe(true);
    // Every op the call made names the liaison as its author, and travels with it.
    const ops = await core.store.query('ops.range', { origin: core.store.identity.nodeId, afterSeq: before, limit: 100 });
    expect(ops.length).toBeGreaterThan(0);
    expect(new Set(ops.map((op) => op.author))).toEqual(new Set([made.user.id]));
    expect(await liaison.call('map:importBoundaries', { fileName: 'x.geojson', text: '{}', crs: 'wgs84' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await liaison.call('resources:advanceAllocation', { id: 'a-1', to: 'committed' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    liaison.ws.close();
    admin.ws.close();
  });

  it('takes a role change or a disabled user into account at the next call, without a reconnect', async () => {
    const admin = await session('admin-token');
    const made = (await admin.call('users:add', { name: '值班员甲', role: 'duty' })).result as { token: string; user: { id: string } };
    const duty = await session(made.token);
    expect(await duty.call('users:me', {})).toMatchObject({ ok: true, result: { role: 'duty' } });
    await admin.call('users:update', { id: made.user.id, role: 'viewer' });
    expect(await duty.call('incidents:report', REPORT)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await admin.call('users:update', { id: made.user.id, disabled: true });
    const closed = new Promise<number>((resolve) => duty.ws.once('close', resolve));
    // A withdrawn token's console is closed with the "unauthorised" code, so it shows the access error instead of retrying.
    void duty.call('incidents:list', {});
    expect(await closed).toBe(4401);
    admin.ws.close();
  });
});
