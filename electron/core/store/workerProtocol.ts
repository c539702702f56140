import type { NodeRole } from '../../../shared/ipc/contract.ts';
import type { ChangeEvent, Op, OpDraft } from '../../../shared/sync/op.ts';
import type { NodeIdentity } from './repos/metaRepo.ts';
import type { StoreErrorCode } from './storeErrors.ts';

export interface WorkerInit {
  file: string;
  synchronous: 'FULL' | 'NORMAL';
  /** Used only when the database has no identity yet. */
  newIdentity: { nodeId: string; nodeCode: string; role: NodeRole };
}

export type WorkerRequest =
  | { id: number; type: 'write'; drafts: OpDraft[] }
  | { id: number; type: 'apply'; ops: Op[]; via?: string }
  | { id: number; type: 'query'; name: string; args: unknown }
  | { id: number; type: 'audit'; actor: string; action: string; detail: unknown }
  | { id: number; type: 'sync'; call: string; args: unknown }
  | { id: number; type: 'command'; name: string; args: unknown }
  | { id: number; type: 'close' };

export type WorkerMessage =
  | { type: 'ready'; identity: NodeIdentity; created: boolean }
  | { type: 'failed'; code: StoreErrorCode | 'INTERNAL'; message: string }
  | { type: 'reply'; id: number; ok: true; result: unknown }
  | { type: 'reply'; id: number; ok: false; code: StoreErrorCode | 'INTERNAL'; message: string }
  | { type: 'changed'; changes: ChangeEvent[] };
