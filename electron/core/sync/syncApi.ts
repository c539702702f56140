import type { Handlers } from '../../../shared/ipc/contract.ts';
import { auditActor, currentCaller } from '../users/callGate.ts';
import type { SyncNode } from './syncNode.ts';

/** Who decided: the signed-in user, or `operator` for the core's own housekeeping. */
function actor(): string {
  const caller = currentCaller();
  return caller ? auditActor(caller, 'quarantine') : 'operator';
}

/** The operator's quarantine calls; every decision is audited with the ids it touched and who made it. */
export function quarantineHandlers(sync: SyncNode): Pick<Handlers, 'sync:quarantine' | 'sync:releaseQuarantine' | 'sync:discardQuarantine'> {
  return {
    'sync:quarantine': () => sync.quarantine.list(),
    'sync:releaseQuarantine': (args) => sync.quarantine.decide(args.ids, 'release', actor()),
    'sync:discardQuarantine': (args) => sync.quarantine.decide(args.ids, 'discard', actor()),
  };
}
