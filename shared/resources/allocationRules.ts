import { ALLOCATION_TRANSITIONS, type Allocation, type AllocationStatus, type AllocationStep } from '../domain/allocation.ts';
import type { Depot, StockMovement } from '../domain/resources.ts';
import type { ConsoleErrorShape } from '../ipc/errors.ts';
import type { OpDraft } from '../sync/op.ts';

/** A step the duty officer asks for, with what the store thread adds (time, node, a unique suffix). */
export interface AdvanceCommand {
  id: string;
  to: Exclude<AllocationStatus, 'requested'>;
  sourceDepotId?: string | undefined;
  expectedArrival?: string | undefined;
  note?: string | undefined;
  at: string;
  by: string;
  /** The person who took the step, once consoles have users (shown on the ledger instead of the node id). */
  authorName?: string | undefined;
  stepSuffix: string;
}

/** What the store holds when the step is checked, read in the same transaction that writes it. */
export interface AdvanceState {
  current: Allocation | null;
  source: Depot | null;
  destinationDepot: Depot | null;
  /** The source depot's balance of the item. */
  held: number;
  /** Committed from the source depot to other allocations not yet dispatched. */
  committedElsewhere: number;
}

export type AdvancePlan = { ok: true; next: Allocation; drafts: OpDraft[] } | { ok: false; error: ConsoleErrorShape };

const refuse = (code: ConsoleErrorShape['code'], message: string, reason: NonNullable<ConsoleErrorShape['reason']>): AdvancePlan =>
  ({ ok: false, error: { code, message, reason } });

function movementDraft(allocation: Allocation, depot: Depot, delta: number, reason: StockMovement['reason'], suffix: string, at: string): OpDraft {
  // One movement per allocation and step: two centres recording the same step cannot count it twice.
  const body: StockMovement = {
    id: `${allocation.id}-${suffix}`, depotId: depot.id, itemId: allocation.itemId, delta, reason,
    reference: allocation.id, at, exercise: allocation.exercise,
  };
  return { entity: 'stockMovement', key: body.id, kind: 'insert', body, scope: depot.districtCode };
}

/**
 * Checks one step of an allocation against the invariants it guards and builds its ops:
 * forward-only status; a commit only of what the depot has available (stock less other
 * commitments); a dispatch only of goods the depot holds. Pure, so the store thread can run it
 * inside the transaction that writes the result.
 */
export function planAdvance(command: AdvanceCommand, state: AdvanceState): AdvancePlan {
  const { current } = state;
  if (!current) return refuse('NOT_FOUND', `no allocation with id ${command.id}`, { key: 'allocationMissing', values: {} });
  if (!ALLOCATION_TRANSITIONS[current.status].includes(command.to)) {
    return refuse('CONFLICT', `allocation ${current.id} is ${current.status}; it cannot move to ${command.to}`,
      { key: 'allocationStep', values: { from: current.status, to: command.to } });
  }
  const sourceDepotId = command.sourceDepotId ?? current.sourceDepotId;
  if (sourceDepotId && !state.source) return refuse('NOT_FOUND', `no depot with id ${sourceDepotId}`, { key: 'depotMissing', values: { depotId: sourceDepotId } });
  const needsSource = command.to === 'committed' || command.to === 'dispatched' || command.to === 'returned';
  if (needsSource && !state.source) {
    return refuse('INVALID_ARGUMENT', `choose the depot the goods come from before moving allocation ${current.id} to ${command.to}`, { key: 'chooseDepot', values: {} });
  }
  const source = state.source;
  const available = state.held - state.committedElsewhere;
  if (command.to === 'committed' && source && current.quantity > available) {
    return refuse('CONFLICT', `${source.name} has ${Math.max(0, available)} of this item available (${state.held} held, ${state.committedElsewhere} committed); ${current.quantity} cannot be committed`,
      { key: 'notAvailable', values: { depotId: source.id, itemId: current.itemId, held: state.held, committed: state.committedElsewhere, available: Math.max(0, available), quantity: current.quantity } });
  }
  if (command.to === 'dispatched' && source && state.held < current.quantity) {
    return refuse('CONFLICT', `${source.name} holds ${state.held} of this item; ${current.quantity} cannot be dispatched`,
      { key: 'notHeld', values: { depotId: source.id, itemId: current.itemId, held: state.held, quantity: current.quantity } });
  }
  const next: Allocation = {
    ...current, status: command.to,
    ...(sourceDepotId ? { sourceDepotId } : {}),
    ...(command.expectedArrival ? { expectedArrival: command.expectedArrival } : {}),
  };
  const step: AllocationStep = {
    id: `${current.id}-${command.to}-${command.stepSuffix}`, allocationId: current.id, step: command.to, at: command.at, by: command.by,
    exercise: current.exercise, ...(command.note ? { note: command.note } : {}), ...(command.authorName ? { authorName: command.authorName } : {}),
  };
  const drafts: OpDraft[] = [
    { entity: 'allocation', key: next.id, kind: 'patch', body: { status: next.status, ...(sourceDepotId ? { sourceDepotId } : {}), ...(command.expectedArrival ? { expectedArrival: command.expectedArrival } : {}) }, scope: '*' },
    { entity: 'allocationStep', key: step.id, kind: 'insert', body: step, scope: '*' },
  ];
  const at = command.at;
  if (command.to === 'dispatched' && source) drafts.push(movementDraft(next, source, -current.quantity, 'allocation', 'out', at));
  const destination = state.destinationDepot;
  if (command.to === 'received' && destination) drafts.push(movementDraft(next, destination, current.quantity, 'receipt', 'in', at));
  if (command.to === 'returned' && source) {
    drafts.push(movementDraft(next, source, current.quantity, 'return', 'back', at));
    if (current.status === 'received' && destination) drafts.push(movementDraft(next, destination, -current.quantity, 'return', 'in-back', at));
  }
  return { ok: true, next, drafts };
}
