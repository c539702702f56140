import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ChangeEvent, Op, OpDraft } from '../../../shared/sync/op.ts';
import type { NodeRole } from '../../../shared/ipc/contract.ts';
import type { QueryArgs, QueryName, QueryResult } from './queries.ts';
import type { CommandArgs, CommandName, CommandOutcome, CommandValue } from './commands.ts';
import type { NodeIdentity } from './repos/metaRepo.ts';
import { StoreError } from './storeErrors.ts';
import { currentCaller } from '../users/callGate.ts';
import type { SyncArgs, SyncCallName, SyncResult } from './syncCalls.ts';
import type { WorkerInit, WorkerMessage, WorkerRequest } from './workerProtocol.ts';

export interface StoreOptions {
  /** The data folder; the database is `console.db` inside it. */
  dataDir: string;
  synchronous?: 'FULL' | 'NORMAL';
  /** Identity for a new database; an existing one keeps its own. */
  role?: NodeRole;
  nodeCode?: string;
  nodeId?: string;
}

export const DATABASE_FILE = 'console.db';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The main thread's handle on the store worker: async writes, reads and change events. */
export class Store {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly listeners = new Set<(changes: ChangeEvent[]) => void>();
  private closed = false;

  private constructor(private readonly worker: Worker, readonly identity: NodeIdentity, readonly created: boolean) {
    worker.on('message', (message: WorkerMessage) => this.receive(message));
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => this.failAll(new StoreError('STORE_CLOSED', 'The local store has stopped.')));
  }

  /** Opens (creating and migrating if needed) the data folder's database in a worker thread. */
  static async open(options: StoreOptions): Promise<Store> {
    fs.mkdirSync(options.dataDir, { recursive: true });
    const init: WorkerInit = {
      file: path.join(options.dataDir, DATABASE_FILE),
      synchronous: options.synchronous ?? 'FULL',
      newIdentity: {
        nodeId: options.nodeId ?? `node-${randomBytes(5).toString('hex')}`,
        nodeCode: options.nodeCode ?? '310000000000',
        role: options.role ?? 'city',
      },
    };
    const worker = spawnWorker(init);
    const first = await new Promise<WorkerMessage>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    if (first.type === 'failed') {
      await worker.terminate();
      throw new StoreError(first.code === 'INTERNAL' ? 'DB_IO' : first.code, first.message);
    }
    if (first.type !== 'ready') throw new Error(`store worker sent ${first.type} before ready`);
    return new Store(worker, first.identity, first.created);
  }

  /** Writes drafts as this node's ops, in one transaction; resolves once on disk. */
  write(drafts: OpDraft[]): Promise<Op[]> {
    // Every op names the user whose call made it (issue 10, finding 7); the core's own work names none.
    const author = currentCaller()?.userId;
    const stamped = author ? drafts.map((draft) => (draft.author ? draft : { ...draft, author })) : drafts;
    return this.request({ type: 'write', drafts: stamped }) as Promise<Op[]>;
  }

  /** Applies ops made elsewhere (sync); duplicates are ignored. Resolves with keys changed. */
  apply(ops: Op[], via?: string): Promise<number> {
    return this.request({ type: 'apply', ops, ...(via ? { via } : {}) }) as Promise<number>;
  }

  /** Appends a line to the local audit trail (refused connections and calls); never replicated. */
  async audit(actor: string, action: string, detail: unknown): Promise<void> {
    await this.request({ type: 'audit', actor, action, detail });
  }

  /** A sync call run in the store thread (see electron/core/sync/syncStore.ts). */
  sync<C extends SyncCallName>(call: C, args: SyncArgs<C>): Promise<SyncResult<C>> {
    return this.request({ type: 'sync', call, args }) as Promise<SyncResult<C>>;
  }

  /** A command that checks and writes in one store transaction (see store/commands.ts); a refusal comes back as an outcome, not a throw. */
  command<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandOutcome<CommandValue<N>>> {
    return this.request({ type: 'command', name, args }) as Promise<CommandOutcome<CommandValue<N>>>;
  }

  query<N extends QueryName>(name: N, ...args: QueryArgs<N> extends undefined ? [] : [QueryArgs<N>]): Promise<QueryResult<N>> {
    return this.request({ type: 'query', name, args: args[0] }) as Promise<QueryResult<N>>;
  }

  /** Subscribes to change events sent after each committed transaction. */
  onChange(listener: (changes: ChangeEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.request({ type: 'close' });
    this.closed = true;
    await this.worker.terminate();
  }

  private request(body: DistributiveOmit<WorkerRequest, 'id'>): Promise<unknown> {
    if (this.closed) return Promise.reject(new StoreError('STORE_CLOSED', 'The local store is closed.'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...body, id } as WorkerRequest);
    });
  }

  private receive(message: WorkerMessage): void {
    if (message.type === 'changed') {
      for (const listener of this.listeners) listener(message.changes);
      return;
    }
    if (message.type !== 'reply') return;
    const waiter = this.pending.get(message.id);
    if (!waiter) return;
    this.pending.delete(message.id);
    if (message.ok) waiter.resolve(message.result);
    else waiter.reject(message.code === 'INTERNAL' ? new Error(message.message) : new StoreError(message.code, message.message));
  }

  private failAll(error: Error): void {
    this.closed = true;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}

/** Runs the worker from source (.ts, through tsx) in development and tests, or built (.js). */
function spawnWorker(init: WorkerInit): Worker {
  const here = new URL('.', import.meta.url);
  const built = new URL('storeWorker.js', here);
  if (fs.existsSync(built)) return new Worker(built, { workerData: init });
  return new Worker(new URL('storeWorkerSource.mjs', here), { workerData: init });
}
