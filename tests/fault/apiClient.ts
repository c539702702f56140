import WebSocket from 'ws';
import type { Reply } from '../../shared/ipc/errors.ts';
import type { MethodInput, MethodName, MethodResult } from '../../shared/ipc/contract.ts';

/** A call the node answered with an error reply (as opposed to a connection that failed). */
export class CallRefused extends Error {
  constructor(readonly method: string, readonly code: string, message: string) {
    super(`${method} refused (${code}): ${message}`);
  }
}

/** One WebSocket to a node's console API (`/api?token=`), with `{id, method, input}` calls. */
export class ApiClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(reply: Reply<unknown>): void; reject(error: Error): void; timer: NodeJS.Timeout }>();
  private closedError: Error | null = null;

  private constructor(private readonly ws: WebSocket, readonly label: string) {
    ws.on('message', (data) => {
      let message: { id?: number; reply?: Reply<unknown> };
      try {
        message = JSON.parse(data.toString()) as typeof message;
      } catch {
        return;
      }
      if (typeof message.id !== 'number' || !message.reply) return;
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      clearTimeout(waiting.timer);
      waiting.resolve(message.reply);
    });
    ws.on('close', () => this.failAll(new Error(`${label}: API connection closed`)));
    ws.on('error', (error) => this.failAll(new Error(`${label}: API connection failed: ${error.message}`)));
  }

  static connect(port: number, token: string, label: string, timeoutMs = 10_000): Promise<ApiClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/api?token=${encodeURIComponent(token)}`);
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error(`${label}: API did not open within ${timeoutMs} ms`));
      }, timeoutMs);
      ws.once('open', () => {
        clearTimeout(timer);
        resolve(new ApiClient(ws, label));
      });
      ws.once('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`${label}: ${error.message}`));
      });
    });
  }

  get open(): boolean {
    return this.closedError === null && this.ws.readyState === WebSocket.OPEN;
  }

  /** Calls one contract method; an error reply throws CallRefused, a lost connection an Error. */
  async call<M extends MethodName>(method: M, input: MethodInput<M> | Record<string, unknown>, timeoutMs = 20_000): Promise<MethodResult<M>> {
    const reply = await this.raw(method, input, timeoutMs);
    if (!reply.ok) throw new CallRefused(method, reply.error.code, reply.error.message);
    return reply.result as MethodResult<M>;
  }

  raw(method: string, input: unknown, timeoutMs = 20_000): Promise<Reply<unknown>> {
    if (this.closedError) return Promise.reject(this.closedError);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.label}: ${method} got no reply within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.ws.send(JSON.stringify({ id, method, input }), (error) => {
        if (!error) return;
        this.pending.delete(id);
        clearTimeout(timer);
        reject(new Error(`${this.label}: ${method} not sent: ${error.message}`));
      });
    });
  }

  close(): void {
    this.failAll(new Error(`${this.label}: API client closed`));
    this.ws.terminate();
  }

  private failAll(error: Error): void {
    this.closedError ??= error;
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.reject(error);
      this.pending.delete(id);
    }
  }
}
