import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { ImportFileError } from '../../../../shared/formats/importFileError.ts';
import type { TileCallArgs, TileCallName, TileCallResult, TileWorkerInit, TileWorkerReply } from './tileCalls.ts';

export interface TileWorkerOptions {
  /** The online-tile cache's SQLite file, or null for a worker that only reads MBTiles. */
  cacheFile: string | null;
  /** Longest a call may run before the worker is stopped and replaced (default 10 s). */
  callTimeoutMs?: number;
}

/** A call the worker did not finish in time (a hostile file's endless query, say). */
export class TileWorkerTimeout extends Error {
  constructor(name: string, ms: number) {
    super(`tile call ${name} took more than ${ms} ms and was stopped`);
    this.name = 'TileWorkerTimeout';
  }
}

/**
 * The main thread's handle on the tile worker. Calls queue in the worker; one that runs past
 * its time stops the worker (every call then pending fails) and the next call starts a fresh
 * one, so a hostile file can cost a request, never the service.
 */
export class TileWorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  private readonly timeoutMs: number;
  private closed = false;

  constructor(private readonly options: TileWorkerOptions) {
    this.timeoutMs = options.callTimeoutMs ?? 10_000;
  }

  call<N extends TileCallName>(name: N, args: TileCallArgs<N>, timeoutMs = this.timeoutMs): Promise<TileCallResult<N>> {
    if (this.closed) return Promise.reject(new Error('the tile worker is closed'));
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<TileCallResult<N>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new TileWorkerTimeout(name, timeoutMs));
        void this.restart();
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      worker.postMessage({ id, name, args });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.restart();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const init: TileWorkerInit = { cacheFile: this.options.cacheFile };
    const here = new URL('.', import.meta.url);
    const built = new URL('tileWorker.js', here);
    const worker = fs.existsSync(built) ? new Worker(built, { workerData: init }) : new Worker(new URL('tileWorkerSource.mjs', here), { workerData: init });
    worker.unref();
    worker.on('message', (reply: TileWorkerReply) => this.receive(reply));
    // Only the current worker's end fails what is pending: a replaced one's calls were failed when it was replaced.
    worker.on('error', (error) => {
      if (this.worker === worker) this.failAll(error);
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(new Error('the tile worker stopped'));
    });
    this.worker = worker;
    return worker;
  }

  private receive(reply: TileWorkerReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    clearTimeout(waiting.timer);
    if (reply.ok) waiting.resolve(reply.result);
    else if (reply.error.kind === 'import') waiting.reject(new ImportFileError(reply.error.zh, reply.error.en));
    else waiting.reject(new Error(reply.error.message));
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) {
      clearTimeout(waiting.timer);
      waiting.reject(error);
    }
    this.pending.clear();
  }

  private async restart(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('the tile worker was restarted'));
    if (worker) await worker.terminate();
  }
}
