import { randomUUID } from 'node:crypto';
import {
  ALLOCATION_TRANSITIONS, Allocation, type AllocationStatus, type AllocationStep,
} from '../../../shared/domain/allocation.ts';
import type { EntityName } from '../../../shared/domain/entities.ts';
import type { Depot, StockMovement } from '../../../shared/domain/resources.ts';
import type { MethodArgs } from '../../../shared/ipc/contract.ts';
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

function movementDraft(allocation: Allocation, depot: Depot, delta: number, reason: StockMovement['reason'], suffix: string, at: string): OpDraft {
  // One movement per allocation and step: two centres recording the same step cannot count it twice.
  const body: StockMovement = {
    id: `${allocation.id}-${suffix}`, depotId: depot.id, itemId: allocation.itemId, delta, reason,
    reference: allocation.id, at, exercise: allocation.exercise,
  };
  return { entity: 'stockMovement', key: body.id, kind: 'insert', body, scope: depot.districtCode };
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
 * Takes one step of an allocation: commit, dispatch, receive, decline or return. The status,
 * the ledger line and any stock movement are written in one transaction, so the ledger and the
 * balances never disagree. Dispatching more than the depot holds here is refused; a shortfall
 * that only appears when partitioned replicas merge shows as an overdraft instead.
 */
export async function advanceAllocation(store: Store, args: MethodArgs<'resources:advanceAllocation'>, now = new Date()): Promise<Allocation> {
  const current = await requireRecord<Allocation>(store, 'allocation', args.id, 'allocation');
  if (!ALLOCATION_TRANSITIONS[current.status].includes(args.to)) {
    throw new ConsoleError({ code: 'CONFLICT', message: `allocation ${current.id} is ${current.status}; it cannot move to ${args.to}` });
  }
  const at = now.toISOString();
  const sourceDepotId = args.sourceDepotId ?? current.sourceDepotId;
  const next: Allocation = {
    ...current, status: args.to,
    ...(sourceDepotId ? { sourceDepotId } : {}),
    ...(args.expectedArrival ? { expectedArrival: args.expectedArrival } : {}),
  };
  const drafts: OpDraft[] = [];
  const needsSource = args.to === 'committed' || args.to === 'dispatched' || args.to === 'returned';
  const source = needsSource
    ? (sourceDepotId ? await requireRecord<Depot>(store, 'depot', sourceDepotId, 'depot') : null)
    : null;
  if (needsSource && !source) throw new ConsoleError({ code: 'INVALID_ARGUMENT', message: `choose the depot the goods come from before moving allocation ${current.id} to ${args.to}` });
  if (args.to === 'dispatched' && source) {
    const held = await store.query('resources.balance', { depotId: source.id, itemId: current.itemId });
    if (held < current.quantity) {
      throw new ConsoleError({ code: 'CONFLICT', message: `${source.name} holds ${held} of this item; ${current.quantity} cannot be dispatched` });
    }
    drafts.push(movementDraft(next, source, -current.quantity, 'allocation', 'out', at));
  }
  const destinationDepot = current.destination.kind === 'depot'
    ? await requireRecord<Depot>(store, 'depot', current.destination.id, 'depot') : null;
  if (args.to === 'received' && destinationDepot) drafts.push(movementDraft(next, destinationDepot, current.quantity, 'receipt', 'in', at));
  if (args.to === 'returned' && source) {
    drafts.push(movementDraft(next, source, current.quantity, 'return', 'back', at));
    if (current.status === 'received' && destinationDepot) drafts.push(movementDraft(next, destinationDepot, -current.quantity, 'return', 'in-back', at));
  }
  drafts.unshift(
    { entity: 'allocation', key: next.id, kind: 'patch', body: { status: next.status, ...(sourceDepotId ? { sourceDepotId } : {}), ...(args.expectedArrival ? { expectedArrival: args.expectedArrival } : {}) }, scope: '*' },
    stepDraft(store, next, args.to, at, args.note),
  );
  await store.write(drafts);
  return next;
}
