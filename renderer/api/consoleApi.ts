import type { ConsoleApi } from '../../shared/ipc/contract.ts';
import { connectWsConsole, type OutboxStore, type PersistedWrite, type TransportState, type WsConsole } from './wsTransport.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser console. */
    resilienceConsole?: ConsoleApi;
  }
}

const TOKEN_KEY = 'resilience-console.token';
const OUTBOX_KEY = 'resilience-console.outbox';

/** The tab's outbox in sessionStorage, so a reload while the service is away loses nothing. */
function sessionOutbox(): OutboxStore {
  return {
    load: () => {
      const saved: unknown = JSON.parse(sessionStorage.getItem(OUTBOX_KEY) ?? '[]');
      return Array.isArray(saved) ? saved as PersistedWrite[] : [];
    },
    save: (writes) => {
      if (writes.length === 0) sessionStorage.removeItem(OUTBOX_KEY);
      else sessionStorage.setItem(OUTBOX_KEY, JSON.stringify(writes));
    },
  };
}
let ws: WsConsole | null = null;

/** Reads the access token from `#token=…` once, keeps it for this tab, and clears it from the address bar. */
function accessToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The console API: the Electron preload's when present, else a WebSocket to this page's host. */
export function getConsoleApi(): ConsoleApi {
  if (window.resilienceConsole) return window.resilienceConsole;
  if (!ws) {
    const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    ws = connectWsConsole(`${scheme}//${window.location.host}/api?token=${encodeURIComponent(accessToken())}`, { outboxStore: sessionOutbox() });
    // Leaving the page with changes still waiting asks first (a reload keeps them; closing the tab would not).
    window.addEventListener('beforeunload', (event) => {
      if (ws && ws.outbox > 0) event.preventDefault();
    });
  }
  return ws.api;
}

/** Transport state for the connection banner; always open under Electron. */
export function onTransportState(listener: (state: TransportState) => void): () => void {
  if (window.resilienceConsole) {
    listener('open');
    return () => {};
  }
  getConsoleApi();
  listener(ws!.state);
  return ws!.onState(listener);
}

export type { TransportState };

/** Writes waiting in the browser console's outbox for the service, now and on every change; always 0 under Electron. */
export function onOutboxCount(listener: (count: number) => void): () => void {
  if (window.resilienceConsole) {
    listener(0);
    return () => {};
  }
  getConsoleApi();
  listener(ws!.outbox);
  return ws!.onOutbox(listener);
}
