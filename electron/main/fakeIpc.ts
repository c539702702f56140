import type { IpcRendererLike } from '../preload/buildApi.ts';
import type { IpcInvokeEventLike, IpcMainLike, WebContentsLike } from './ipcHandlers.ts';

type MainListener = (event: IpcInvokeEventLike, ...args: unknown[]) => unknown;
type RendererListener = (event: unknown, ...args: unknown[]) => void;

/** Every `ipcRenderer.invoke`, as the main side received it, for assertions. */
export interface InvokeRecord {
  channel: string;
  args: unknown[];
}

/**
 * For tests only: an in-memory stand-in for Electron's IPC boundary (ipcMain, ipcRenderer and one
 * window's webContents). It behaves like Electron where the console depends on it: arguments and
 * results are structured-cloned, calls and events arrive asynchronously, an unregistered channel
 * rejects, a second handler for a channel throws, and the handler sees `event.senderFrame.url`.
 */
export function createFakeIpc(options: { frameUrl: string | null }) {
  const handlers = new Map<string, MainListener>();
  const rendererListeners = new Map<string, Set<RendererListener>>();
  const invocations: InvokeRecord[] = [];
  const sent: { channel: string; args: unknown[] }[] = [];
  let frameUrl = options.frameUrl;
  let destroyed = false;
  const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };

  const rendererEvent = { sender: null as unknown, senderId: 0, ports: [] as unknown[] };

  const ipcRenderer: IpcRendererLike = {
    async invoke(channel, ...args) {
      const cloned = structuredClone(args);
      await nextTurn();
      invocations.push({ channel, args: cloned });
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
      const event: IpcInvokeEventLike = { senderFrame: frameUrl === null ? null : { url: frameUrl } };
      let result: unknown;
      try {
        result = await handler(event, ...cloned);
      } catch (error) {
        throw new Error(`Error invoking remote method '${channel}': ${String(error)}`);
      }
      await nextTurn();
      return structuredClone(result);
    },
    on(channel, listener) {
      const set = rendererListeners.get(channel) ?? new Set();
      rendererListeners.set(channel, set);
      set.add(listener);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      rendererListeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  rendererEvent.sender = ipcRenderer;

  const webContents: WebContentsLike = {
    send(channel, ...args) {
      if (destroyed) throw new Error('Object has been destroyed');
      const cloned = structuredClone(args);
      sent.push({ channel, args: cloned });
      setImmediate(() => {
        for (const listener of [...(rendererListeners.get(channel) ?? [])]) listener(rendererEvent, ...structuredClone(cloned));
      });
    },
    isDestroyed: () => destroyed,
  };

  return {
    ipcMain,
    ipcRenderer,
    webContents,
    /** Channels with a registered handler. */
    channels: () => [...handlers.keys()],
    /** How many listeners the renderer has on a channel. */
    listenerCount: (channel: string) => rendererListeners.get(channel)?.size ?? 0,
    invocations,
    /** Every message main sent to the window, as the renderer would receive its arguments. */
    sent,
    /** The URL of the frame calls come from (null: a frame that went away). */
    setFrameUrl(url: string | null) {
      frameUrl = url;
    },
    destroyWindow() {
      destroyed = true;
    },
  };
}
