import type { WebSocket } from 'ws';
import { CLOSE_UNAUTHORIZED, isOutboxMethod, parseClientMessage, type ServerMessage } from '../../shared/ipc/envelope.ts';
import type { Caller } from '../../shared/ipc/roles.ts';
import type { ConsoleCore } from '../core/consoleCore.ts';
import type { RefusalAudit } from '../core/audit/refusalAudit.ts';
import type { RequestMemory } from './requestMemory.ts';

export interface ApiClient {
  ws: WebSocket;
  /** For the audit trail: `ws ADDRESS:PORT`. */
  actor: string;
  /** The remote address alone, for rate-limiting refusals by source. */
  source: string;
  token: string;
  /** The user the token signs in as now; null once it was rotated, withdrawn or disabled. */
  caller: () => Caller | null;
  /** False once an administrator has rotated or withdrawn the token this client opened with. */
  tokenCurrent: () => boolean;
}

/**
 * Serves one authenticated browser console over its WebSocket: every frame is parsed by the
 * shared envelope, every call validated by the contract, every refusal audited (rate-limited).
 * Writes carrying a request id are applied once per token however often they are resent.
 */
export function serveApiClient(client: ApiClient, core: ConsoleCore, refusals: RefusalAudit, memory: RequestMemory): void {
  const { ws } = client;
  const subscriptions = new Map<string, () => void>();
  const send = (message: ServerMessage) => {
    if (ws.readyState !== ws.OPEN) return;
    try {
      ws.send(JSON.stringify(message));
    } catch {
      // A result that cannot be encoded or a socket closing underneath: this client loses its reply only.
    }
  };
  ws.on('message', (data, isBinary) => {
    const caller = client.caller();
    if (!caller) {
      ws.close(CLOSE_UNAUTHORIZED, 'the access token was rotated or withdrawn');
      return;
    }
    const parsed = isBinary ? { ok: false as const, reason: 'binary frame' } : parseClientMessage(data.toString());
    if (!parsed.ok) {
      refusals.refuse(client.source, client.actor, 'message refused', { reason: parsed.reason });
      send({ error: { code: 'INVALID_ARGUMENT', message: `messages must be JSON objects: ${parsed.reason}` } });
      return;
    }
    const message = parsed.message;
    if ('method' in message) {
      // The core checks the caller's role and audits; refusals from this socket are rate-limited by source.
      const run = () => core.call(caller, message.method, message.input, client.actor, (actor, action, detail) => {
        refusals.refuse(client.source, actor, action, { ...detail, reason: `${message.method.slice(0, 80)} ${detail.code}` });
      });
      const { reply } = message.requestId && isOutboxMethod(message.method)
        ? memory.once(client.token, message.requestId, run)
        : { reply: run() };
      void reply.then((answer) => send({ id: message.id, reply: answer }));
    } else if ('subscribe' in message) {
      const event = message.subscribe;
      if (!subscriptions.has(event)) subscriptions.set(event, core.subscribe(event, (payload) => send({ event, payload })));
    } else {
      subscriptions.get(message.unsubscribe)?.();
      subscriptions.delete(message.unsubscribe);
    }
  });
  ws.on('close', () => {
    for (const unsubscribe of subscriptions.values()) unsubscribe();
    subscriptions.clear();
  });
}
