import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EVENT_NAMES, METHOD_NAMES, type Handlers, type MethodName } from '../../shared/ipc/contract.ts';
import { dispatch } from '../../shared/ipc/dispatch.ts';
import type { Reply } from '../../shared/ipc/errors.ts';
import { createConsoleCore, type ConsoleCore } from '../core/consoleCore.ts';
import { EVENT_CHANNEL } from '../preload/channels.ts';
import { createFakeIpc } from './fakeIpc.ts';
import { forwardEvents, registerConsoleHandlers, type IpcInvokeEventLike } from './ipcHandlers.ts';
import { isAllowedNavigation } from './securityBaseline.ts';

const TRUSTED = 'app://console/index.html';
const VALID_REPORT = { title: '外滩观景平台积水', type: 'waterlogging', level: 'IV', nodeCode: '310101013000', exercise: true };

let dataDir: string;
let core: ConsoleCore;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-ipc-handlers-'));
  core = await createConsoleCore({ dataDir });
});
afterAll(async () => {
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const plain = (handlers: Handlers) => (method: MethodName, input: unknown) => dispatch(handlers, method, input);

function wire(frameUrl: string | null, handlers: Handlers = core.handlers) {
  const ipc = createFakeIpc({ frameUrl });
  const dispose = registerConsoleHandlers(ipc.ipcMain, plain(handlers), { isTrustedSender: (url) => isAllowedNavigation(url) });
  const invoke = (channel: string, input?: unknown) => ipc.ipcRenderer.invoke(channel, input) as Promise<Reply<unknown>>;
  return { ipc, dispose, invoke };
}

const writes = async () => ({ ops: await core.store.query('meta.countOps'), incidents: await core.store.query('incidents.list') });

describe('registerConsoleHandlers', () => {
  let baseline: Awaited<ReturnType<typeof writes>>;
  beforeEach(async () => {
    baseline = await writes();
  });

  it('registers exactly one channel per contract call, named after it', () => {
    const { ipc } = wire(TRUSTED);
    expect(ipc.channels().sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('registers no other channel: an unknown one is refused by Electron itself', async () => {
    const { ipc, invoke } = wire(TRUSTED);
    for (const channel of ['store:query', 'incidents:delete', EVENT_CHANNEL, 'invoke', '']) {
      expect(ipc.channels()).not.toContain(channel);
      await expect(invoke(channel, {})).rejects.toThrow(/No handler registered/);
    }
  });

  it('answers a trusted frame', async () => {
    const { invoke } = wire(TRUSTED);
    const reply = await invoke('app:info', {});
    expect(reply).toMatchObject({ ok: true, result: { role: 'city', nodeCode: '310000000000' } });
  });

  it('refuses every call from an untrusted frame with FORBIDDEN and writes nothing', async () => {
    const { invoke } = wire('https://evil.example/');
    for (const method of METHOD_NAMES) {
      const reply = await invoke(method, method === 'incidents:report' ? VALID_REPORT : {});
      expect(reply, method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(JSON.stringify(reply)).not.toContain('310101013000');
    }
    expect(await writes()).toEqual(baseline);
  });

  it('refuses look-alike, foreign-scheme and vanished frames', async () => {
    for (const frameUrl of ['app://console.evil/index.html', 'file:///index.html', 'http://localhost:5173/', 'about:blank', null]) {
      const { invoke } = wire(frameUrl);
      expect(await invoke('incidents:report', VALID_REPORT), String(frameUrl)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await writes()).toEqual(baseline);
  });

  it('reports each refusal worth auditing: an untrusted frame, an invalid argument', async () => {
    const refused: string[] = [];
    const ipc = createFakeIpc({ frameUrl: 'https://evil.example/' });
    registerConsoleHandlers(ipc.ipcMain, plain(core.handlers), {
      isTrustedSender: (url) => isAllowedNavigation(url),
      onRefused: (frameUrl, method, error) => refused.push(`${frameUrl} ${method} ${error.code}`),
    });
    await ipc.ipcRenderer.invoke('app:info', {});
    const trusted = createFakeIpc({ frameUrl: TRUSTED });
    registerConsoleHandlers(trusted.ipcMain, plain(core.handlers), {
      isTrustedSender: (url) => isAllowedNavigation(url),
      onRefused: (frameUrl, method, error) => refused.push(`${frameUrl} ${method} ${error.code}`),
    });
    await trusted.ipcRenderer.invoke('incidents:report', { title: '' });
    await trusted.ipcRenderer.invoke('app:info', {});
    expect(refused).toEqual(['https://evil.example/ app:info FORBIDDEN', `${TRUSTED} incidents:report INVALID_ARGUMENT`]);
  });

  it('treats a frame whose URL cannot be read (destroyed) as untrusted', async () => {
    const calls: string[] = [];
    const ipcMain = {
      listeners: new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => unknown>(),
      handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown) { this.listeners.set(channel, listener); },
      removeHandler() {},
    };
    registerConsoleHandlers(ipcMain, plain(core.handlers), { isTrustedSender: (url) => { calls.push(url); return true; } });
    const destroyedFrame = { get url(): string { throw new Error('Render frame was disposed before WebFrameMain could be accessed'); } };
    const reply = await ipcMain.listeners.get('incidents:list')!({ senderFrame: destroyedFrame }, {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(calls).toEqual([]);
  });

  it('refuses an invalid report with INVALID_ARGUMENT naming the fields, and writes nothing', async () => {
    const { invoke } = wire(TRUSTED);
    const reply = await invoke('incidents:report', { title: '', type: 'flood', level: 'V', nodeCode: '3101' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const issues = (reply as { error: { issues: { path: string }[] } }).error.issues.map((issue) => issue.path).sort();
    expect(issues).toEqual(['level', 'nodeCode', 'title']);
    for (const bad of [undefined, null, 'DROP TABLE ops', 42, [], { ...VALID_REPORT, sql: 'DROP TABLE ops' }]) {
      expect(await invoke('incidents:report', bad), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
    expect(await writes()).toEqual(baseline);
  });

  it('turns a handler that throws into a typed INTERNAL reply instead of a rejected invoke', async () => {
    const failing: Handlers = { ...core.handlers, 'sync:status': () => { throw new Error('link probe crashed'); } };
    const { invoke } = wire(TRUSTED, failing);
    expect(await invoke('sync:status', {})).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'link probe crashed' } });
  });

  it('writes a valid report from a trusted frame', async () => {
    const { invoke } = wire(TRUSTED);
    const reply = await invoke('incidents:report', VALID_REPORT);
    expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true, result: { status: 'reported', nodeCode: '310101013000' } });
    expect((await writes()).ops).toBe(baseline.ops + 2); // the incident and the first entry of its timeline
  });

  it('removes its handlers when disposed', () => {
    const { ipc, dispose } = wire(TRUSTED);
    dispose();
    expect(ipc.channels()).toEqual([]);
  });
});

describe('forwardEvents', () => {
  it('sends core events to the window as { event, payload } only, on the one event channel', async () => {
    const { ipc, invoke } = wire(TRUSTED);
    const stop = forwardEvents(core.subscribe.bind(core), ipc.webContents);
    const reply = await invoke('incidents:report', { ...VALID_REPORT, title: '南京东路人群聚集', type: 'other', level: 'III' });
    const id = (reply as { ok: true; result: { id: string } }).result.id;
    await expect.poll(() => ipc.sent.length).toBeGreaterThan(0);
    for (const message of ipc.sent) {
      expect(message.channel).toBe(EVENT_CHANNEL);
      expect(message.args).toHaveLength(1);
      expect(Object.keys(message.args[0] as object).sort()).toEqual(['event', 'payload']);
      expect(EVENT_NAMES).toContain((message.args[0] as { event: string }).event);
    }
    expect(ipc.sent.map((message) => message.args[0])).toContainEqual({ event: 'store:changed', payload: { entity: 'incident', keys: [id] } });
    stop();
  });

  it('stops sending once stopped, and never sends to a destroyed window', async () => {
    const stopped = wire(TRUSTED);
    forwardEvents(core.subscribe.bind(core), stopped.ipc.webContents)();
    const destroyed = wire(TRUSTED);
    const stop = forwardEvents(core.subscribe.bind(core), destroyed.ipc.webContents);
    destroyed.ipc.destroyWindow();
    await stopped.invoke('incidents:report', { ...VALID_REPORT, title: '延安高架追尾', type: 'traffic', level: 'IV' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stopped.ipc.sent).toEqual([]);
    expect(destroyed.ipc.sent).toEqual([]);
    stop();
  });
});
