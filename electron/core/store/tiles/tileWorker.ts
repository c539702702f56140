import { parentPort, workerData } from 'node:worker_threads';
import { ImportFileError } from '../../../../shared/formats/importFileError.ts';
import { TILE_CALLS, type TileCallName, type TileWorkerInit, type TileWorkerReply, type TileWorkerState } from './tileCalls.ts';

// The tile worker: answers TILE_CALLS one at a time. A call that runs too long is the main
// thread's to stop (it terminates this worker and starts another).
const init = workerData as TileWorkerInit;
const state: TileWorkerState = { files: new Map(), cache: null, cacheFile: init.cacheFile };

parentPort!.on('message', (message: { id: number; name: TileCallName; args: unknown }) => {
  let reply: TileWorkerReply;
  try {
    const call = TILE_CALLS[message.name] as (state: TileWorkerState, args: unknown) => unknown;
    if (typeof call !== 'function') throw new Error(`no tile call ${String(message.name)}`);
    reply = { id: message.id, ok: true, result: call(state, message.args) };
  } catch (error) {
    reply = {
      id: message.id,
      ok: false,
      error: error instanceof ImportFileError ? { kind: 'import', zh: error.zh, en: error.en } : { kind: 'other', message: (error as Error).message ?? String(error) },
    };
  }
  parentPort!.postMessage(reply);
});
