import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createConsoleCore } from '../../electron/core/consoleCore.ts';
import { startHost, type Host } from '../../electron/host/hostServer.ts';
import type { ChangeEvent } from '../../shared/sync/op.ts';
import { connectWsConsole, type SocketFactory, type TransportState } from '../../renderer/api/wsTransport.ts';

const createSocket: SocketFactory = (url) => new WebSocket(url) as unknown as ReturnType<SocketFactory>;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-reconnect-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('WebSocket transport when the host goes away', () => {
  it('fails calls fast while the host is down, then reconnects and resubscribes by itself', async () => {
    const core = await createConsoleCore({ dataDir, seed: false });
    let host: Host = await startHost({ core, port: 0, staticDir: dataDir, token: 't' });
    const port = host.port;
    const states: TransportState[] = [];
    const client = connectWsConsole(`ws://127.0.0.1:${port}/api?token=t`, { createSocket, connectTimeoutMs: 300, maxBackoffMs: 200 });
    client.onState((state) => states.push(state));
    const events: ChangeEvent[] = [];
    client.api.on('store:changed', (event) => events.push(event));
    expect((await client.api.app.info({})).nodeId).toBe(core.store.identity.nodeId);

    await host.close();
    await expect.poll(() => client.state).toBe('closed');
    await expect(client.api.app.info({})).rejects.toMatchObject({ code: 'DISCONNECTED' });

    host = await startHost({ core, port, staticDir: dataDir, token: 't' });
    await expect.poll(() => client.state, { timeout: 5000 }).toBe('open');
    expect(states).toEqual(expect.arrayContaining(['closed', 'connecting', 'open']));
    await new Promise((resolve) => setTimeout(resolve, 50)); // the resubscription crosses the socket
    await core.store.write([{ entity: 'task', key: 'task-1', kind: 'upsert', scope: '*', body: {
      id: 'task-1', title: '核查', assigneeUnit: '黄浦区应急局', nodeCode: '310101000000', status: 'open', createdAt: new Date().toISOString(), exercise: true,
    } }]);
    await expect.poll(() => events).toContainEqual({ entity: 'task', keys: ['task-1'] });

    client.close();
    await host.close();
    await core.close();
  });

  it('stops retrying and says why when the token is wrong', async () => {
    const core = await createConsoleCore({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'rc-token-')), seed: false });
    const host = await startHost({ core, port: 0, staticDir: dataDir, token: 'right' });
    const client = connectWsConsole(`ws://127.0.0.1:${host.port}/api?token=wrong`, { createSocket });
    const error = await client.api.app.info({}).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FORBIDDEN' });
    expect((error as Error).message).toMatch(/access token/);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(client.state).toBe('closed');
    client.close();
    await host.close();
    await core.close();
  });
});
