import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { OpApplier } from './applyOps.ts';
import { LocalWriter } from './localWriter.ts';
import { HybridClock } from '../../../shared/sync/hlc.ts';
import type { ChangeEvent } from '../../../shared/sync/op.ts';
import { openDatabase } from './openDatabase.ts';
import { QUERIES, type QueryName } from './queries.ts';
import { runCommand } from './commands.ts';
import { audit, readIdentity, writeIdentity } from './repos/metaRepo.ts';
import { StoreError } from './storeErrors.ts';
import { SyncStore } from './syncStore.ts';
import { SYNC_CALLS, type SyncCallName, type SyncContext } from './syncCalls.ts';
import { Quarantine } from './quarantine.ts';
import { wallClock } from '../sync/clock.ts';
import type { WorkerInit, WorkerMessage, WorkerRequest } from './workerProtocol.ts';

/** The store's own thread: the only place SQL runs, so the console's main thread never blocks on a query. */
const port = parentPort;
if (!port) throw new Error('storeWorker must run as a worker thread');
const post = (message: WorkerMessage) => port.postMessage(message);

function errorOf(error: unknown): { code: StoreError['code'] | 'INTERNAL'; message: string } {
  if (error instanceof StoreError) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

let db: Database.Database;
let writer: LocalWriter;
let applier: OpApplier;
let syncContext: SyncContext;
const now = wallClock();
try {
  const init = workerData as WorkerInit;
  db = openDatabase(init.file, { synchronous: init.synchronous });
  let identity = readIdentity(db);
  const created = identity === null;
  if (!identity) {
    identity = init.newIdentity;
    writeIdentity(db, identity);
  }
  applier = new OpApplier(db);
  writer = new LocalWriter(db, applier, identity.nodeId, new HybridClock(now));
  syncContext = { sync: new SyncStore(db, applier, writer, identity.nodeId, now), quarantine: new Quarantine(db, applier), now };
  post({ type: 'ready', identity, created });
} catch (error) {
  post({ type: 'failed', ...errorOf(error) });
  process.exit(0);
}

port.on('message', (request: WorkerRequest) => {
  try {
    switch (request.type) {
      case 'write': {
        const { ops, changes } = writer.write(request.drafts);
        post({ type: 'reply', id: request.id, ok: true, result: ops });
        if (changes.length) post({ type: 'changed', changes });
        break;
      }
      case 'apply': {
        const changes = applier.applyBatch(request.ops, request.via ?? null);
        post({ type: 'reply', id: request.id, ok: true, result: changes.reduce((n, c) => n + c.keys.length, 0) });
        if (changes.length) post({ type: 'changed', changes });
        break;
      }
      case 'query': {
        const query = QUERIES[request.name as QueryName] as ((db: Database.Database, args: unknown) => unknown) | undefined;
        if (!query) throw new Error(`unknown store query ${request.name}`);
        post({ type: 'reply', id: request.id, ok: true, result: query(db, request.args) });
        break;
      }
      case 'sync': {
        const run = SYNC_CALLS[request.call as SyncCallName] as ((context: SyncContext, args: unknown) => { result: unknown; changes?: ChangeEvent[] }) | undefined;
        if (!run) throw new Error(`unknown sync call ${request.call}`);
        const { result, changes } = run(syncContext, request.args);
        post({ type: 'reply', id: request.id, ok: true, result });
        if (changes?.length) post({ type: 'changed', changes });
        break;
      }
      case 'command': { const { result, changes } = runCommand({ db, writer }, request.name, request.args); post({ type: 'reply', id: request.id, ok: true, result }); if (changes.length) post({ type: 'changed', changes }); break; }
      case 'audit': {
        audit(db, request.actor, request.action, request.detail);
        post({ type: 'reply', id: request.id, ok: true, result: null });
        break;
      }
      case 'close': {
        db.close();
        post({ type: 'reply', id: request.id, ok: true, result: null });
        port.close();
        break;
      }
    }
  } catch (error) {
    post({ type: 'reply', id: request.id, ok: false, ...errorOf(error) });
  }
});

