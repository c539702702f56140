import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ACCESS_TOKEN_FILE } from '../../electron/host/accessToken.ts';
import { connectWsConsole, type SocketFactory } from '../../renderer/api/wsTransport.ts';
import { runCli } from '../fault/nodeProcess.ts';
import { ServeProcess } from '../security/hostProcess.ts';

const createSocket: SocketFactory = (url) => new WebSocket(url) as unknown as ReturnType<SocketFactory>;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-restart-'));
const serve = new ServeProcess(dataDir);
afterAll(async () => {
  await serve.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(serve.staticDir, { recursive: true, force: true });
});

const report = (title: string) => ({ title, type: 'flood' as const, level: 'IV' as const, nodeCode: '310101002000', exercise: true });

describe('restarting serve under an open console', () => {
  it('keeps the token, delivers a write made while the service was down, exactly once', async () => {
    await serve.start();
    const token = serve.token;
    const file = path.join(dataDir, ACCESS_TOKEN_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const port = serve.port;
    const client = connectWsConsole(`ws://127.0.0.1:${port}/api?token=${encodeURIComponent(token)}`, { createSocket, connectTimeoutMs: 500, maxBackoffMs: 300 });
    const outboxCounts: number[] = [];
    client.onOutbox((count) => outboxCounts.push(count));
    const before = (await client.api.incidents.list({})).length;

    await serve.stop();
    await expect.poll(() => client.state).toBe('closed');
    // A read fails at once (its view retries); a write waits in the outbox, visible as a count.
    await expect(client.api.incidents.list({})).rejects.toMatchObject({ code: 'DISCONNECTED' });
    const written = client.api.incidents.report(report('断电期间上报的积水点'));
    expect(client.outbox).toBe(1);

    await serve.start(port);
    expect(serve.token).toBe(token);
    const incident = await written;
    expect(incident.title).toBe('断电期间上报的积水点');
    expect(client.outbox).toBe(0);
    expect(outboxCounts).toEqual([1, 0]);
    const titles = (await client.api.incidents.list({})).map((row) => row.title);
    expect(titles).toHaveLength(before + 1);
    expect(titles.filter((title) => title === '断电期间上报的积水点')).toHaveLength(1);
    client.close();
  });

  it('answers a resent write with its first reply instead of applying it twice', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${serve.port}/api?token=${serve.token}`);
    await new Promise((resolve) => ws.once('open', resolve));
    const replies: { id: number; reply: { ok: boolean; result: { id: string } } }[] = [];
    ws.on('message', (data) => replies.push(JSON.parse(data.toString())));
    const call = (id: number) => ws.send(JSON.stringify({ id, method: 'incidents:report', input: report('重发的上报'), requestId: 'resend-test-0001' }));
    call(1);
    call(2);
    await expect.poll(() => replies.length).toBe(2);
    call(3);
    await expect.poll(() => replies.length).toBe(3);
    expect(new Set(replies.map((reply) => reply.reply.result.id)).size).toBe(1);
    const list = await new Promise<{ reply: { result: { title: string }[] } }>((resolve) => {
      ws.once('message', (data) => resolve(JSON.parse(data.toString())));
      ws.send(JSON.stringify({ id: 9, method: 'incidents:list', input: {} }));
    });
    expect(list.reply.result.filter((row) => row.title === '重发的上报')).toHaveLength(1);
    ws.close();
  });

  it('recognises a write resent to a service killed and restarted after it answered', async () => {
    const send = async (id: number) => {
      const ws = new WebSocket(`ws://127.0.0.1:${serve.port}/api?token=${serve.token}`);
      await new Promise((resolve) => ws.once('open', resolve));
      const reply = await new Promise<{ reply: { ok: boolean; result: { id: string } } }>((resolve) => {
        ws.once('message', (data) => resolve(JSON.parse(data.toString())));
        ws.send(JSON.stringify({ id, method: 'incidents:report', input: report('回复丢失后重发'), requestId: 'killed-after-reply-01' }));
      });
      ws.close();
      return reply.reply;
    };
    const first = await send(1);
    expect(first.ok).toBe(true);
    const port = serve.port;
    await serve.kill();
    await serve.start(port);
    const again = await send(2);
    expect(again.result.id).toBe(first.result.id);
    const client = connectWsConsole(`ws://127.0.0.1:${port}/api?token=${serve.token}`, { createSocket });
    expect((await client.api.incidents.list({})).filter((row) => row.title === '回复丢失后重发')).toHaveLength(1);
    client.close();
    expect(fs.statSync(path.join(dataDir, 'recent-requests.json')).mode & 0o777).toBe(0o600);
  });

  it('stops accepting the old token once an administrator rotates it, without a restart', async () => {
    const old = serve.token;
    const ws = new WebSocket(`ws://127.0.0.1:${serve.port}/api?token=${old}`);
    ws.on('error', () => undefined);
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    // An idle console, only listening to events: it must be closed too, not left receiving them.
    const idle = new WebSocket(`ws://127.0.0.1:${serve.port}/api?token=${old}`);
    idle.on('error', () => undefined);
    await new Promise((resolve) => idle.once('open', resolve));
    idle.send(JSON.stringify({ subscribe: 'store:changed' }));
    const idleClosed = new Promise<number>((resolve) => idle.once('close', (code) => resolve(code)));
    const printed = JSON.parse(await runCli(['token', '--rotate', '--data', dataDir, '--json'])) as { token: string; rotated: boolean };
    expect(printed.rotated).toBe(true);
    expect(printed.token).not.toBe(old);
    expect(fs.readFileSync(path.join(dataDir, ACCESS_TOKEN_FILE), 'utf8').trim()).toBe(printed.token);
    expect(fs.statSync(path.join(dataDir, ACCESS_TOKEN_FILE)).mode & 0o777).toBe(0o600);
    ws.send(JSON.stringify({ id: 1, method: 'app:info', input: {} }));
    expect(await closed).toBe(4401);
    expect(await idleClosed).toBe(4401);
    const fresh = connectWsConsole(`ws://127.0.0.1:${serve.port}/api?token=${printed.token}`, { createSocket });
    expect((await fresh.api.app.info({})).nodeId).toMatch(/^node-/);
    fresh.close();
    const stale = connectWsConsole(`ws://127.0.0.1:${serve.port}/api?token=${old}`, { createSocket });
    await expect(stale.api.app.info({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    stale.close();
  });
});
