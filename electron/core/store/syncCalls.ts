import type { VerifyReport } from '../../../shared/ipc/contract.ts';
import type { ChangeEvent } from '../../../shared/sync/op.ts';
import type { Quarantine } from './quarantine.ts';
import type { FrameArgs, LaneReadArgs, SyncStore } from './syncStore.ts';

/** What a sync call runs against in the store thread. */
export interface SyncContext {
  sync: SyncStore;
  quarantine: Quarantine;
  now: () => number;
}

/** A call's answer; calls that change data also name the changes for subscribed views. */
interface Answer<R> { result: R; changes?: ChangeEvent[] }

/**
 * Every sync call the store thread answers, by name, built like QUERIES: the client's
 * `store.sync(name, args)` is typed from this object, and the worker looks the name up here,
 * so a call cannot be made with the wrong arguments or fall through a string switch.
 */
export const SYNC_CALLS = {
  readLane: (c: SyncContext, args: LaneReadArgs) => ({ result: c.sync.readLane(args) }),
  receiveFrame: (c: SyncContext, args: FrameArgs) => c.sync.receiveFrame(args, c.now()),
  pending: (c: SyncContext, args: { after: number[]; excludeVia: string; visibleTo: string | null }) => ({ result: c.sync.pending(args) }),
  cursors: (c: SyncContext, peer: string) => ({ result: c.sync.cursors(peer) }),
  noteAcked: (c: SyncContext, args: { peer: string; lane: number; upTo: number }) => ({ result: (c.sync.noteAcked(args), null) }),
  quarantineSummary: (c: SyncContext, _args: null) => ({ result: c.sync.quarantineSummary() }),
  quarantineList: (c: SyncContext, args: { expiryMs: number }) => ({ result: c.quarantine.list(args.expiryMs) }),
  tidyQuarantine: (c: SyncContext, args: { maxDriftMs: number; expiryMs: number }) => {
    const { changes, released, expired } = c.quarantine.tidy({ ...args, now: c.now() });
    return { result: { released, expired }, changes };
  },
  decideQuarantine: (c: SyncContext, args: { ids: string[]; action: 'release' | 'discard' }) => {
    const { changes, done, missing } = c.quarantine.decide(args);
    return { result: { done, missing }, changes };
  },
  putPeer: (c: SyncContext, args: Parameters<SyncStore['putPeer']>[0]) => ({ result: (c.sync.putPeer(args), null) }),
  peers: (c: SyncContext, _args: null) => ({ result: c.sync.peers() }),
  verify: (c: SyncContext, scope: string | null): Answer<VerifyReport> => ({ result: c.sync.verify(scope) }),
} satisfies Record<string, (context: SyncContext, args: never) => Answer<unknown>>;

export type SyncCallName = keyof typeof SYNC_CALLS;
export type SyncArgs<N extends SyncCallName> = Parameters<(typeof SYNC_CALLS)[N]>[1];
export type SyncResult<N extends SyncCallName> = ReturnType<(typeof SYNC_CALLS)[N]>['result'];
