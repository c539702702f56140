import { randomUUID } from 'node:crypto';
import { Allocation, type AllocationStatus, type AllocationStep } from '../../../shared/domain/allocation.ts';
import type { EntityName } from '../../../shared/domain/entities.ts';
import type { Handlers, MethodArgs } from '../../../shared/ipc/contract.ts';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import type { OpDraft } from '../../../shared/sync/op.ts';
import type { Store } from '../store/storeClient.ts';
import { requireRecord } from './records.ts';

const DESTINATION_ENTITY: Record<Allocation['destination']['kind'], EntityName> = { incident: 'incident', shelter: 'shelter', depot: 'depot' };

function stepDraft(store: Store, allocation: Allocation, step: AllocationStatus, at: string, note?: string): OpDraft {
  const body: AllocationStep = {
    id: `${allocation.id}-${step}-${randomUUID().slice(0, 8)}`,
    allocationId: allocation.id, step, at, by: store.identity.nodeId, exercise: allocation.exercise,
    ...(note ? { note } : {}),
  };
  return { entity: 'allocationStep', key: body.id, kind: 'insert', body, scope: '*' };
}

/** Checks one request and builds its ops: the allocation and the first line of its ledger. */
async function requestDrafts(store: Store, args: MethodArgs<'resources:requestAllocation'>, at: string): Promise<{ allocation: Allocation; drafts: OpDraft[] }> {
  await requireRecord(store, 'stockItem', args.itemId, 'stock item');
  await requireRecord(store, DESTINATION_ENTITY[args.destination.kind], args.destination.id, args.destination.kind);
  if (args.sourceDepotId) await requireRecord(store, 'depot', args.sourceDepotId, 'depot');
  const allocation = Allocation.parse({
    id: `alloc-${randomUUID()}`, itemId: args.itemId, quantity: args.quantity, destination: args.destination,
    requestedBy: store.identity.nodeCode, status: 'requested', createdAt: at, exercise: args.exercise,
    ...(args.sourceDepotId ? { sourceDepotId: args.sourceDepotId } : {}),
    ...(args.expectedArrival ? { expectedArrival: args.expectedArrival } : {}),
  });
  return {
    allocation,
    drafts: [
      { entity: 'allocation', key: allocation.id, kind: 'upsert', body: allocation, scope: '*' },
      stepDraft(store, allocation, 'requested', at, args.note),
    ],
  };
}

/** Records a request for supplies (EDXL-RM RequestResource) with the first line of its ledger. */
export async function requestAllocation(store: Store, args: MethodArgs<'resources:requestAllocation'>, now = new Date()): Promise<Allocation> {
  const { allocation, drafts } = await requestDrafts(store, args, now.toISOString());
  await store.write(drafts);
  return allocation;
}

/** Records several requests at once (a needs assessment's proposals), all or none. */
export async function requestAllocations(store: Store, args: MethodArgs<'resources:requestAllocations'>, now = new Date()): Promise<Allocation[]> {
  const at = now.toISOString();
  const built = [];
  for (const request of args.requests) built.push(await requestDrafts(store, request, at));
  await store.write(built.flatMap((entry) => entry.drafts));
  return built.map((entry) => entry.allocation);
}

/**
 * Takes one step of an allocation: commit, dispatch, receive, decline or return. The check (its
 * status, the depot's available or held stock) and the write (status, ledger line, any stock
 * movement) happen in one store transaction, so two steps at the same moment cannot both pass a
 * check that only one of them may. A shortfall that only appears when partitioned replicas merge
 * shows as an overdraft instead.
 */
export async function advanceAllocation(store: Store, args: MethodArgs<'resources:advanceAllocation'>, now = new Date(), authorName?: string): Promise<Allocation> {
  // authorName: the hook for users and roles (issue 10 #7): the caller's name goes on the ledger line.
  const outcome = await store.command('allocations.advance', {
    ...args, at: now.toISOString(), by: store.identity.nodeId, stepSuffix: randomUUID().slice(0, 8), ...(authorName ? { authorName } : {}),
  });
  if (!outcome.ok) throw new ConsoleError(outcome.error);
  return outcome.value;
}

/** The stock calls' handlers (shared/ipc/contracts/stock.ts). */
export function stockHandlers(store: Store): Pick<Handlers, 'resources:availability'> {
  return {
    'resources:availability': () => store.query('resources.availability'),
  };
}
