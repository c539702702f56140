import type { Handlers } from '../../../shared/ipc/contract.ts';
import type { SyncNode } from './syncNode.ts';

/**
 * The operator's quarantine calls. Who acted is recorded as `operator` until the console knows
 * its users (issue 10, finding 7, adds them); every decision is audited with the ids it touched.
 */
export function quarantineHandlers(sync: SyncNode, actor = 'operator'): Pick<Handlers, 'sync:quarantine' | 'sync:releaseQuarantine' | 'sync:discardQuarantine'> {
  return {
    'sync:quarantine': () => sync.quarantine.list(),
    'sync:releaseQuarantine': (args) => sync.quarantine.decide(args.ids, 'release', actor),
    'sync:discardQuarantine': (args) => sync.quarantine.decide(args.ids, 'discard', actor),
  };
}
