import { ConsoleError, type Reply } from '../../shared/ipc/errors.ts';
import { makeConsoleApi, type ApiTransport } from '../../shared/ipc/dispatch.ts';
import type { ConsoleApi, EventName, MethodName } from '../../shared/ipc/contract.ts';

export type TransportState = 'connecting' | 'open' | 'closed';

/** The part of the WebSocket interface this transport uses (browser WebSocket and `ws` both fit). */
interface SocketLike {
  readyState: number;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
export type SocketFactory = (url: string) => SocketLike;

export interface WsConsoleOptions {
  /** Defaults to the browser's WebSocket. */
  createSocket?: SocketFactory;
  /** How long a call waits for a connection before failing (ms). */
  connectTimeoutMs?: number;
  maxBackoffMs?: number;
}

/** Close code the host uses for a missing or wrong access token. */
export const CLOSE_UNAUTHORIZED = 4401;
const OPEN = 1;

export interface WsConsole {
  api: ConsoleApi;
  onState(listener: (state: TransportState) => void): () => void;
  readonly state: TransportState;
  close(): void;
}

/**
 * The ConsoleApi over a WebSocket to the host (`serve`). Reconnects with backoff, resubscribes
 * to events after a reconnect, and fails calls with DISCONNECTED rather than hanging.
 */
export function connectWsConsole(url: string, options: WsConsoleOptions = {}): WsConsole {
  const createSocket: SocketFactory = options.createSocket ?? ((target) => new WebSocket(target) as unknown as SocketLike);
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const maxBackoffMs = options.maxBackoffMs ?? 5_000;
  const pending = new Map<number, (reply: Reply<unknown>) => void>();
  const waitingForOpen = new Set<() => void>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const stateListeners = new Set<(state: TransportState) => void>();
  let state: TransportState = 'connecting';
  let socket: SocketLike | null = null;
  let nextId = 1;
  let backoff = 250;
  let stopped = false;
  let fatal: ConsoleError | null = null;

  const setState = (next: TransportState) => {
    if (state === next) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const connect = () => {
    setState('connecting');
    const current = createSocket(url);
    socket = current;
    current.onopen = () => {
      backoff = 250;
      setState('open');
      for (const event of listeners.keys()) current.send(JSON.stringify({ subscribe: event }));
      for (const resume of waitingForOpen) resume();
      waitingForOpen.clear();
    };
    current.onmessage = (message) => receive(message.data);
    current.onerror = () => { /* onclose follows and decides */ };
    current.onclose = (event) => {
      socket = null;
      if (event.code === CLOSE_UNAUTHORIZED) {
        fatal = new ConsoleError({ code: 'FORBIDDEN', message: 'This console address has a missing or wrong access token. Open the full address that the console printed when it started.' });
      }
      const error = fatal?.toShape() ?? { code: 'DISCONNECTED' as const, message: 'The connection to the console service was lost before it answered.' };
      for (const settle of pending.values()) settle({ ok: false, error });
      pending.clear();
      setState('closed');
      if (fatal) {
        for (const resume of waitingForOpen) resume();
        waitingForOpen.clear();
        return;
      }
      if (stopped) return;
      setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, maxBackoffMs);
    };
  };

  const receive = (data: unknown) => {
    let message: { id?: number; reply?: Reply<unknown>; event?: EventName; payload?: unknown };
    try {
      message = JSON.parse(String(data));
    } catch {
      return;
    }
    if (typeof message.id === 'number' && message.reply) {
      pending.get(message.id)?.(message.reply);
      pending.delete(message.id);
    } else if (message.event) {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
    }
  };

  const whenOpen = () => new Promise<void>((resolve, reject) => {
    if (fatal) return reject(fatal);
    if (socket?.readyState === OPEN) return resolve();
    const timer = setTimeout(() => {
      waitingForOpen.delete(resume);
      reject(new ConsoleError({ code: 'DISCONNECTED', message: 'The console service cannot be reached; retrying.' }));
    }, connectTimeoutMs);
    const resume = () => {
      clearTimeout(timer);
      if (fatal) reject(fatal);
      else resolve();
    };
    waitingForOpen.add(resume);
  });

  const transport: ApiTransport = {
    async call(method: MethodName, input: unknown) {
      await whenOpen();
      const id = nextId++;
      return new Promise<Reply<unknown>>((resolve) => {
        pending.set(id, resolve);
        socket?.send(JSON.stringify({ id, method, input: input ?? {} }));
      });
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        listeners.set(event, (set = new Set()));
        if (socket?.readyState === OPEN) socket.send(JSON.stringify({ subscribe: event }));
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) {
          listeners.delete(event);
          if (socket?.readyState === OPEN) socket.send(JSON.stringify({ unsubscribe: event }));
        }
      };
    },
  };

  connect();
  return {
    api: makeConsoleApi(transport),
    onState(listener) {
      stateListeners.add(listener);
      return () => { stateListeners.delete(listener); };
    },
    get state() { return state; },
    close() {
      stopped = true;
      socket?.close(1000, 'closed by the console');
    },
  };
}
