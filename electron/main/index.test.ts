import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/ipc/contract.ts';
import type { Reply } from '../../shared/ipc/errors.ts';
import { EVENT_CHANNEL } from '../preload/channels.ts';
import { SECURITY_BASELINE } from './securityBaseline.ts';

/**
 * The main entry wired to a stand-in for the 'electron' module (the binary cannot be installed here):
 * proves the glue in index.ts applies the baseline, in the right order, with the real core.
 */
type Handler = (event: unknown, ...args: unknown[]) => unknown;
type FakeContents = EventEmitter & {
  sent: unknown[][];
  destroyed: boolean;
  send(...args: unknown[]): void;
  isDestroyed(): boolean;
  setWindowOpenHandler(handler: (details: unknown) => unknown): void;
  windowOpenHandler?: (details: unknown) => unknown;
};

const fake = await vi.hoisted(async () => {
  // vi.hoisted runs before the imports above, so it imports what it needs itself.
  const { EventEmitter: Emitter } = await import('node:events');
  const state = {
    ready: false,
    log: [] as string[],
    paths: {} as Record<string, string>,
    windows: [] as { options: Record<string, unknown>; url?: string; webContents: FakeContents }[],
    ipc: new Map<string, Handler>(),
    schemes: [] as unknown[],
    protocols: new Map<string, (request: Request) => Promise<Response>>(),
    permissionRequest: undefined as undefined | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheck: undefined as undefined | ((contents: unknown, permission: string) => boolean),
    quitRequests: 0,
    exitCode: undefined as number | undefined,
  };
  const DISPLAYS = [
    { id: 1, label: 'Desk', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, size: { width: 1920, height: 1080 }, scaleFactor: 1, internal: false },
    { id: 2, label: 'Side', bounds: { x: 1920, y: 0, width: 1920, height: 1080 }, size: { width: 1920, height: 1080 }, scaleFactor: 1, internal: false },
  ];
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => { markReady = resolve; });
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    enableSandbox: () => state.log.push(`enableSandbox ready=${state.ready}`),
    setPath: (name: string, value: string) => { state.paths[name] = value; },
    getPath: (name: string) => state.paths[name] ?? path.join(os.tmpdir(), 'rc-should-not-be-used', name),
    getVersion: () => '0.0.0-test',
    requestSingleInstanceLock: () => true,
    whenReady: () => ready,
    quit() {
      state.quitRequests++;
      const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
      app.emit('will-quit', event);
    },
    exit: (code: number) => { state.exitCode = code; },
  });
  class BrowserWindow extends Emitter {
    readonly webContents: FakeContents;
    url?: string;
    constructor(readonly options: Record<string, unknown>) {
      super();
      const contents: FakeContents = Object.assign(new Emitter(), {
        sent: [] as unknown[][],
        destroyed: false,
        send(...args: unknown[]) { contents.sent.push(structuredClone(args)); },
        isDestroyed: () => contents.destroyed,
        setWindowOpenHandler(handler: (details: unknown) => unknown) { contents.windowOpenHandler = handler; },
      });
      this.webContents = contents;
      state.windows.push(this);
      app.emit('web-contents-created', {}, contents);
    }
    loadURL(url: string) { this.url = url; return Promise.resolve(); }
    getBounds() {
      const { x = 0, y = 0, width = 1600, height = 1000 } = this.options as { x?: number; y?: number; width?: number; height?: number };
      return { x, y, width, height };
    }
    show() {}
    isMinimized() { return false; }
    restore() {}
    focus() {}
    static getAllWindows() { return state.windows; }
  }
  const electron = {
    app,
    BrowserWindow,
    ipcMain: { handle: (channel: string, handler: Handler) => state.ipc.set(channel, handler), removeHandler: (channel: string) => state.ipc.delete(channel) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => { state.log.push(`registerSchemesAsPrivileged ready=${state.ready}`); state.schemes.push(...schemes); },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => state.protocols.set(scheme, handler),
    },
    // Two monitors side by side: the primary (id 1) and a second one (id 2) to its right.
    screen: {
      getAllDisplays: () => DISPLAYS,
      getPrimaryDisplay: () => DISPLAYS[0],
      getDisplayMatching: (bounds: { x: number }) => (bounds.x >= 1920 ? DISPLAYS[1] : DISPLAYS[0]),
    },
    dialog: { showErrorBox: (_title: string, message: string) => { state.log.push(`showErrorBox ${message}`); } },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof state.permissionRequest) => { state.permissionRequest = handler; },
        setPermissionCheckHandler: (handler: typeof state.permissionCheck) => { state.permissionCheck = handler; },
      },
    },
  };
  return { state, electron, becomeReady: () => { state.ready = true; markReady(); } };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { state } = fake;
let dataDir: string;
const previousDataDir = process.env.RESILIENCE_CONSOLE_DATA_DIR;

function call(frameUrl: string | null, method: string, input: unknown = {}): Promise<Reply<unknown>> {
  const handler = state.ipc.get(method);
  if (!handler) throw new Error(`no handler for ${method}`);
  return handler({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, input) as Promise<Reply<unknown>>;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-main-entry-'));
  process.env.RESILIENCE_CONSOLE_DATA_DIR = dataDir;
  // The last session left the alerts board popped out on a monitor that is gone, and one broken entry.
  fs.writeFileSync(path.join(dataDir, 'desk-windows.json'), JSON.stringify([
    { route: '#/alerts', monitorId: 7, monitorLabel: 'Gone', bounds: { x: 5000, y: 0, width: 1280, height: 800 } },
  ]));
  await import('./index.ts');
  fake.becomeReady();
  await vi.waitFor(() => expect(state.windows).toHaveLength(2), { timeout: 30_000, interval: 50 });
});

afterAll(() => {
  if (previousDataDir === undefined) delete process.env.RESILIENCE_CONSOLE_DATA_DIR;
  else process.env.RESILIENCE_CONSOLE_DATA_DIR = previousDataDir;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the main entry (with a stand-in for electron)', () => {
  it('enables the sandbox and registers the app:// scheme before ready', () => {
    expect(state.log).toEqual(['enableSandbox ready=false', 'registerSchemesAsPrivileged ready=false']);
    expect(state.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('opens one window with the baseline webPreferences and the preload, loading app://console', () => {
    const [window] = state.windows;
    expect((window!.options as { webPreferences: unknown }).webPreferences).toEqual({
      ...SECURITY_BASELINE.webPreferences,
      preload: path.join(import.meta.dirname, 'preload.js'),
    });
    expect(window!.url).toBe('app://console/index.html');
  });

  it('keeps the test run in its throwaway folder', () => {
    expect(state.paths.userData).toBe(path.join(dataDir, 'profile'));
    expect(fs.existsSync(path.join(dataDir, 'console.db'))).toBe(true);
  });

  it('serves the console over IPC to app://console only', async () => {
    expect([...state.ipc.keys()].sort()).toEqual([...METHOD_NAMES].sort());
    expect(await call('app://console/index.html', 'app:info')).toMatchObject({ ok: true, result: { version: '0.0.0-test', role: 'city' } });
    expect(await call('https://evil.example/', 'app:info')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(null, 'incidents:list')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('forwards store changes to the window as { event, payload }', async () => {
    const contents = state.windows[0]!.webContents;
    const reply = await call('app://console/index.html', 'incidents:report', { title: '苏州河水位超警', type: 'flood', level: 'III', nodeCode: '310101013000' });
    const id = (reply as { ok: true; result: { id: string } }).result.id;
    await vi.waitFor(() => expect(contents.sent).toContainEqual([EVENT_CHANNEL, { event: 'store:changed', payload: { entity: 'incident', keys: [id] } }]));
  });

  it('serves app:// through the refusing protocol handler with the CSP', async () => {
    const handler = state.protocols.get('app')!;
    const refused = await handler(new Request('app://console/..%2f..%2fpackage.json'));
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-security-policy')).toBe(SECURITY_BASELINE.contentSecurityPolicy);
  });

  it('blocks navigation away, new windows, webviews and permission requests', () => {
    const contents = state.windows[0]!.webContents;
    const attempt = (event: string, url: string) => {
      let prevented = false;
      contents.emit(event, { preventDefault: () => { prevented = true; } }, url);
      return prevented;
    };
    expect(attempt('will-navigate', 'https://example.org/')).toBe(true);
    expect(attempt('will-redirect', 'https://example.org/')).toBe(true);
    expect(attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(attempt('will-navigate', 'app://console/index.html')).toBe(false);
    expect(attempt('will-attach-webview', 'https://example.org/')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/', features: '' })).toEqual({ action: 'deny' });
    let granted: boolean | undefined;
    state.permissionRequest!({}, 'media', (answer) => { granted = answer; });
    expect(granted).toBe(false);
    expect(state.permissionCheck!({}, 'geolocation')).toBe(false);
  });

  it('reopens the pop-outs of the last session, on a monitor that is still there', () => {
    const restored = state.windows[1]!;
    expect(restored.url).toBe('app://console/index.html#/alerts');
    // Monitor 7 is gone: the window moves onto the primary monitor, whole.
    expect(restored.options).toMatchObject({ x: 640, y: 0, width: 1280, height: 800 });
    expect((restored.options as { webPreferences: unknown }).webPreferences).toEqual({ ...SECURITY_BASELINE.webPreferences, preload: path.join(import.meta.dirname, 'preload.js') });
  });

  it('opens a panel the console pops out as a window of its own, remembers it, and refuses anything else', () => {
    const contents = state.windows[0]!.webContents;
    const before = state.windows.length;
    expect(contents.windowOpenHandler?.({ url: 'app://console/index.html#/map?view=121.47,31.23,10', features: 'popup,width=1280,height=800,left=2000,top=40' })).toEqual({ action: 'deny' });
    expect(state.windows).toHaveLength(before + 1);
    const popped = state.windows.at(-1)!;
    expect(popped.url).toBe('app://console/index.html#/map?view=121.47,31.23,10');
    expect(popped.options).toMatchObject({ x: 2000, y: 40, width: 1280, height: 800 });
    expect((popped.options as { webPreferences: unknown }).webPreferences).toEqual({ ...SECURITY_BASELINE.webPreferences, preload: path.join(import.meta.dirname, 'preload.js') });
    const desk = JSON.parse(fs.readFileSync(path.join(dataDir, 'desk-windows.json'), 'utf8')) as { route: string; monitorId: number }[];
    expect(desk).toEqual(expect.arrayContaining([expect.objectContaining({ route: '#/map?view=121.47,31.23,10', monitorId: 2 })]));
    // Closed by the operator: forgotten.
    (popped as unknown as EventEmitter).emit('closed');
    expect((JSON.parse(fs.readFileSync(path.join(dataDir, 'desk-windows.json'), 'utf8')) as { route: string }[]).map((window) => window.route)).toEqual(['#/alerts']);
    // Foreign addresses and addresses that are no panel open nothing.
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/#/map', features: '' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://console/index.html#/settings', features: '' })).toEqual({ action: 'deny' });
    expect(state.windows).toHaveLength(before + 1);
  });

  it('closes the core before quitting', async () => {
    const { app } = fake.electron;
    app.quit();
    await vi.waitFor(() => expect(state.quitRequests).toBe(2));
    expect(state.exitCode).toBeUndefined();
    // The store is closed: IPC calls now fail with a typed error instead of hanging.
    const after = await call('app://console/index.html', 'incidents:list');
    expect(after.ok).toBe(false);
  });
});
