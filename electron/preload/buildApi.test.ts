import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/ipc/contract.ts';
import { ConsoleError } from '../../shared/ipc/errors.ts';
import type { ChangeEvent } from '../../shared/sync/op.ts';
import { buildApi, type IpcRendererLike } from './buildApi.ts';
import { EVENT_CHANNEL } from './channels.ts';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** A fake ipcRenderer: replies from a table and lets the test push messages on a channel. */
function fakeRenderer(reply: (channel: string, input: unknown) => unknown = () => ({ ok: true, result: null })) {
  const listeners = new Map<string, Set<Listener>>();
  const invoked: { channel: string; args: unknown[] }[] = [];
  const ipcRenderer: IpcRendererLike = {
    async invoke(channel, ...args) {
      invoked.push({ channel, args });
      return reply(channel, args[0]);
    },
    on(channel, listener) {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  const electronEvent = { sender: ipcRenderer, senderId: 0, ports: [] };
  const push = (...args: unknown[]) => {
    for (const listener of listeners.get(EVENT_CHANNEL) ?? []) listener(electronEvent, ...args);
  };
  return { ipcRenderer, invoked, push, count: () => listeners.get(EVENT_CHANNEL)?.size ?? 0 };
}

const change: ChangeEvent = { entity: 'incident', keys: ['inc-1'] };

describe('buildApi (the preload)', () => {
  it('exposes exactly the contract: one function per call and `on`, no generic invoke or ipcRenderer', () => {
    const api = buildApi(fakeRenderer().ipcRenderer) as unknown as Record<string, Record<string, unknown>>;
    const domains = [...new Set(METHOD_NAMES.map((method) => method.split(':')[0]))];
    expect(Object.keys(api).sort()).toEqual([...domains, 'on'].sort());
    for (const method of METHOD_NAMES) {
      const [domain, verb] = method.split(':') as [string, string];
      expect(typeof api[domain]?.[verb], method).toBe('function');
    }
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/invoke|ipc|send/i);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('calls the method-named channel with the input alone and unwraps the result', async () => {
    const fake = fakeRenderer(() => ({ ok: true, result: [{ code: '310101013000' }] }));
    const api = buildApi(fake.ipcRenderer);
    expect(await api.nodes.search({ query: '外滩' })).toEqual([{ code: '310101013000' }]);
    expect(fake.invoked).toEqual([{ channel: 'nodes:search', args: [{ query: '外滩' }] }]);
  });

  it('rejects with a typed ConsoleError for an error reply, a malformed reply or a failed invoke', async () => {
    const replies: Record<string, unknown> = {
      'incidents:report': { ok: false, error: { code: 'FORBIDDEN', message: 'not the console' } },
      'nodes:list': 'garbage',
      'sync:status': { ok: false, error: 'no shape' },
    };
    const fake = fakeRenderer((channel) => {
      if (channel === 'app:info') throw new Error("No handler registered for 'app:info'");
      return replies[channel];
    });
    const api = buildApi(fake.ipcRenderer);
    const codeOf = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: unknown) => (error instanceof ConsoleError ? error.code : `untyped ${String(error)}`));
    expect(await codeOf(api.incidents.report({ title: 'x', type: 'fire', level: 'IV', nodeCode: '310101013000' }))).toBe('FORBIDDEN');
    expect(await codeOf(api.nodes.list({}))).toBe('INTERNAL');
    expect(await codeOf(api.sync.status({}))).toBe('INTERNAL');
    expect(await codeOf(api.app.info({}))).toBe('INTERNAL');
  });

  it('hands listeners the payload only, never the Electron event object', () => {
    const fake = fakeRenderer();
    const api = buildApi(fake.ipcRenderer);
    const received: unknown[][] = [];
    api.on('store:changed', (...args: unknown[]) => received.push(args));
    fake.push({ event: 'store:changed', payload: change });
    expect(received).toEqual([[change]]);
  });

  it('delivers each event only to its own listeners and ignores malformed or unknown messages', () => {
    const fake = fakeRenderer();
    const api = buildApi(fake.ipcRenderer);
    const changes: unknown[] = [];
    const statuses: unknown[] = [];
    api.on('store:changed', (payload) => changes.push(payload));
    api.on('sync:status', (payload) => statuses.push(payload));
    fake.push({ event: 'sync:status', payload: { state: 'offline' } });
    fake.push({ event: 'store:changed', payload: change });
    for (const junk of [undefined, null, 'store:changed', { event: 'toString', payload: 1 }, { event: '__proto__' }, { payload: change }]) fake.push(junk);
    expect(changes).toEqual([change]);
    expect(statuses).toEqual([{ state: 'offline' }]);
  });

  it('keeps one channel listener for all subscriptions and removes it after the last unsubscribe', () => {
    const fake = fakeRenderer();
    const api = buildApi(fake.ipcRenderer);
    const seen: string[] = [];
    const listener = () => seen.push('x');
    const first = api.on('store:changed', listener);
    const second = api.on('store:changed', listener);
    const third = api.on('sync:status', () => seen.push('status'));
    expect(fake.count()).toBe(1);
    fake.push({ event: 'store:changed', payload: change });
    expect(seen).toEqual(['x', 'x']);
    first();
    first();
    fake.push({ event: 'store:changed', payload: change });
    expect(seen).toEqual(['x', 'x', 'x']);
    second();
    expect(fake.count()).toBe(1);
    third();
    expect(fake.count()).toBe(0);
    api.on('store:changed', listener);
    expect(fake.count()).toBe(1);
  });

  it('refuses to subscribe to an event that is not in the contract', () => {
    const api = buildApi(fakeRenderer().ipcRenderer);
    expect(() => api.on('db:raw' as 'store:changed', () => {})).toThrow(ConsoleError);
  });
});
