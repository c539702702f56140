import { EVENT_NAMES, METHOD_NAMES, type ConsoleEvents, type EventName, type MethodName } from '../../shared/ipc/contract.ts';
import { AUDITED_REFUSALS, type ConsoleErrorShape, type Reply } from '../../shared/ipc/errors.ts';
import { EVENT_CHANNEL, type EventMessage } from '../preload/channels.ts';

/** The part of Electron's IpcMainInvokeEvent the wrapper reads: which frame sent the call. */
export interface IpcInvokeEventLike {
  readonly senderFrame?: { readonly url: string } | null;
}

/** The part of Electron's `ipcMain` the wrapper uses, so tests can fake only this boundary. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** The part of Electron's WebContents that events are pushed through. */
export interface WebContentsLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export interface ConsoleHandlerOptions {
  /** Whether a call from a frame at this URL may reach the handlers (our app:// origin only). */
  isTrustedSender(frameUrl: string): boolean;
  /** Told of each refused call worth auditing (untrusted sender, invalid argument). */
  onRefused?(frameUrl: string | null, method: string, error: ConsoleErrorShape): void;
}

/**
 * Runs one trusted call: in the app, the core's call gate with the desk user (roles checked,
 * audited); in tests, plain dispatch.
 */
export type CallFn = (method: MethodName, input: unknown, frameUrl: string) => Promise<Reply<unknown>>;

export type Subscribe = <E extends EventName>(event: E, listener: (payload: ConsoleEvents[E]) => void) => () => void;

function senderUrl(event: IpcInvokeEventLike): string | null {
  try {
    // A frame that navigated away or was destroyed has no URL to trust; Electron may throw reading it.
    return event.senderFrame?.url ?? null;
  } catch {
    return null;
  }
}

/**
 * Registers one `ipcMain.handle` per contract call (channel = method name). Each call's sender frame
 * is checked first, then `dispatch` validates the argument and runs the handler; every outcome is a
 * Reply envelope, so nothing but plain data crosses back. Returns a function removing the handlers.
 */
export function registerConsoleHandlers(ipcMain: IpcMainLike, call: CallFn, options: ConsoleHandlerOptions): () => void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(method, async (event, input): Promise<Reply<unknown>> => {
      const url = senderUrl(event);
      const reply: Reply<unknown> = url === null || !options.isTrustedSender(url)
        ? { ok: false, error: { code: 'FORBIDDEN', message: `${method} refused: the calling frame is not the console` } }
        : await call(method, input, url);
      if (!reply.ok && AUDITED_REFUSALS.has(reply.error.code)) options.onRefused?.(url, method, reply.error);
      return reply;
    });
  }
  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(method);
  };
}

/**
 * Forwards every contract event from the core to one window as `{ event, payload }` on
 * EVENT_CHANNEL. Returns a function that stops forwarding (call it when the window goes away).
 */
export function forwardEvents(subscribe: Subscribe, webContents: WebContentsLike): () => void {
  const stops = EVENT_NAMES.map((event) => subscribe(event, (payload) => {
    if (webContents.isDestroyed()) return;
    const message: EventMessage = { event, payload };
    webContents.send(EVENT_CHANNEL, message);
  }));
  return () => {
    for (const stop of stops) stop();
  };
}
