import { isEventName, type ConsoleApi, type EventName, type MethodName } from '../../shared/ipc/contract.ts';
import { makeConsoleApi } from '../../shared/ipc/dispatch.ts';
import { isErrorShape, type Reply } from '../../shared/ipc/errors.ts';
import { EVENT_CHANNEL } from './channels.ts';

/** The part of Electron's `ipcRenderer` the preload uses, so tests can fake only this boundary. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

function asReply(value: unknown): Reply<unknown> {
  if (typeof value === 'object' && value !== null && 'ok' in value) {
    const reply = value as { ok: unknown; result?: unknown; error?: unknown };
    if (reply.ok === true) return { ok: true, result: reply.result };
    if (reply.ok === false && isErrorShape(reply.error)) return { ok: false, error: reply.error };
  }
  return { ok: false, error: { code: 'INTERNAL', message: 'the main process sent a malformed reply' } };
}

/**
 * The ConsoleApi over Electron IPC, generic over the contract: calls go to `invoke(method, input)`,
 * events arrive on EVENT_CHANNEL and reach listeners as the payload alone (never Electron's event
 * object). Only this typed object is exposed to the page; never ipcRenderer or a generic invoke.
 */
export function buildApi(ipcRenderer: IpcRendererLike): ConsoleApi {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  // One channel listener for all subscriptions, attached while any exist (no MaxListeners warnings).
  const receive = (_event: unknown, message: unknown) => {
    if (typeof message !== 'object' || message === null) return;
    const { event, payload } = message as { event?: unknown; payload?: unknown };
    if (!isEventName(event)) return;
    for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
  };
  const subscriberCount = () => [...listeners.values()].reduce((sum, set) => sum + set.size, 0);

  return makeConsoleApi({
    async call(method: MethodName, input: unknown): Promise<Reply<unknown>> {
      try {
        return asReply(await ipcRenderer.invoke(method, input));
      } catch (error) {
        // Input that cannot be cloned, or a main process without this handler.
        return { ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) } };
      }
    },
    subscribe(event, listener) {
      if (subscriberCount() === 0) ipcRenderer.on(EVENT_CHANNEL, receive);
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      // Wrap so the same function subscribed twice gets two independent subscriptions.
      const entry = (payload: unknown) => listener(payload);
      set.add(entry);
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        set.delete(entry);
        if (subscriberCount() === 0) ipcRenderer.removeListener(EVENT_CHANNEL, receive);
      };
    },
  });
}
