import { ConsoleError, type Reply } from '../../shared/ipc/errors.ts';
import { makeConsoleApi, type ApiTransport } from '../../shared/ipc/dispatch.ts';
import type { ConsoleApi, EventName, MethodName } from '../../shared/ipc/contract.ts';
import { CLOSE_UNAUTHORIZED, isOutboxMethod, parseServerMessage, type ClientMessage } from '../../shared/ipc/envelope.ts';

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
  /** How long a read waits for a connection before failing (ms). Writes wait in the outbox instead. */
  connectTimeoutMs?: number;
  maxBackoffMs?: number;
  /** Keeps the outbox across a reload of the tab (the browser console uses sessionStorage). */
  outboxStore?: OutboxStore;
}

/** A write waiting for the service, as kept across a reload: resent with the same request id. */
export interface PersistedWrite {
  method: MethodName;
  input: unknown;
  requestId: string;
}

export interface OutboxStore {
  load(): PersistedWrite[];
  save(writes: PersistedWrite[]): void;
}

export { CLOSE_UNAUTHORIZED };
const OPEN = 1;

export interface WsConsole {
  api: ConsoleApi;
  onState(listener: (state: TransportState) => void): () => void;
  readonly state: TransportState;
  /** Writes not yet answered by the service (kept while it cannot be reached, then delivered). */
  readonly outbox: number;
  onOutbox(listener: (count: number) => void): () => void;
  close(): void;
}

interface OutboxEntry {
  method: MethodName;
  input: unknown;
  requestId: string;
  settle: (reply: Reply<unknown>) => void;
}

function newRequestId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The ConsoleApi over a WebSocket to the host (`serve`). Reconnects with backoff and
 * resubscribes to events. Writes go through an outbox: while the service cannot be reached
 * they wait (the banner shows how many) and are sent when it returns, each with a request id
 * the host uses to apply it once however often it is resent. Reads fail with DISCONNECTED
 * rather than hanging.
 */
export function connectWsConsole(url: string, options: WsConsoleOptions = {}): WsConsole {
  const createSocket: SocketFactory = options.createSocket ?? ((target) => new WebSocket(target) as unknown as SocketLike);
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const maxBackoffMs = options.maxBackoffMs ?? 5_000;
  /** Reads sent on the current socket, by message id. */
  const pending = new Map<number, (reply: Reply<unknown>) => void>();
  /** Writes not yet answered, in the order they were made; message ids of those sent on the current socket. */
  const outbox: OutboxEntry[] = [];
  const outboxSent = new Map<number, OutboxEntry>();
  const waitingForOpen = new Set<() => void>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const stateListeners = new Set<(state: TransportState) => void>();
  const outboxListeners = new Set<(count: number) => void>();
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
  const outboxChanged = () => {
    try {
      options.outboxStore?.save(outbox.map(({ method, input, requestId }) => ({ method, input, requestId })));
    } catch {
      // Storage full or refused: the outbox still lives in this page.
    }
    for (const listener of outboxListeners) listener(outbox.length);
  };
  const sendMessage = (message: ClientMessage): boolean => {
    if (socket?.readyState !== OPEN) return false;
    socket.send(JSON.stringify(message));
    return true;
  };
  const sendWrite = (entry: OutboxEntry) => {
    const id = nextId++;
    if (sendMessage({ id, method: entry.method, input: entry.input ?? {}, requestId: entry.requestId })) outboxSent.set(id, entry);
  };
  const settleWrite = (entry: OutboxEntry, reply: Reply<unknown>) => {
    const index = outbox.indexOf(entry);
    if (index < 0) return;
    outbox.splice(index, 1);
    outboxChanged();
    entry.settle(reply);
  };

  const connect = () => {
    setState('connecting');
    const current = createSocket(url);
    socket = current;
    current.onopen = () => {
      backoff = 250;
      setState('open');
      for (const event of listeners.keys()) sendMessage({ subscribe: event });
      // Writes made while away, and any whose reply the lost connection took, in their order.
      for (const entry of outbox) sendWrite(entry);
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
      // Unanswered writes stay in the outbox for the next connection, unless the service refused us for good.
      outboxSent.clear();
      if (fatal) for (const entry of [...outbox]) settleWrite(entry, { ok: false, error: fatal.toShape() });
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
    const message = parseServerMessage(String(data));
    if (!message) return;
    if ('reply' in message) {
      const write = outboxSent.get(message.id);
      if (write) {
        outboxSent.delete(message.id);
        settleWrite(write, message.reply);
        return;
      }
      pending.get(message.id)?.(message.reply);
      pending.delete(message.id);
    } else if ('event' in message) {
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
      if (fatal) throw fatal;
      if (isOutboxMethod(method)) {
        return new Promise<Reply<unknown>>((resolve) => {
          const entry: OutboxEntry = { method, input, requestId: newRequestId(), settle: resolve };
          outbox.push(entry);
          outboxChanged();
          sendWrite(entry);
        });
      }
      await whenOpen();
      if (fatal) throw fatal;
      const id = nextId++;
      return new Promise<Reply<unknown>>((resolve) => {
        // A socket that is closing settles this call from its onclose, with the reason it closed.
        if (!socket) {
          resolve({ ok: false, error: { code: 'DISCONNECTED', message: 'The connection to the console service was lost before it answered.' } });
          return;
        }
        pending.set(id, resolve);
        sendMessage({ id, method, input: input ?? {} });
      });
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        listeners.set(event, (set = new Set()));
        sendMessage({ subscribe: event });
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) {
          listeners.delete(event);
          sendMessage({ unsubscribe: event });
        }
      };
    },
  };

  // Writes a reload interrupted: sent again (applied once, by request id); their views follow through change events.
  try {
    for (const write of options.outboxStore?.load() ?? []) {
      if (isOutboxMethod(write.method)) outbox.push({ ...write, settle: () => undefined });
    }
  } catch {
    // Unreadable storage: start with an empty outbox.
  }
  connect();
  return {
    api: makeConsoleApi(transport),
    onState(listener) {
      stateListeners.add(listener);
      return () => { stateListeners.delete(listener); };
    },
    get state() { return state; },
    get outbox() { return outbox.length; },
    onOutbox(listener) {
      outboxListeners.add(listener);
      return () => { outboxListeners.delete(listener); };
    },
    close() {
      stopped = true;
      socket?.close(1000, 'closed by the console');
    },
  };
}
