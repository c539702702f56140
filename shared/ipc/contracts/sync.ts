import { z } from 'zod';
import { call } from '../call.ts';

/** One op held in quarantine because its clock ran too far ahead, as the operator's list shows it. */
export interface QuarantinedOp {
  id: string;
  origin: string;
  entity: string;
  key: string;
  kind: string;
  scope: string;
  /** The peer that delivered it. */
  via: string | null;
  /** How far ahead of this node's clock its stamp was when it arrived. */
  driftMs: number;
  /** Its own stamp's wall time, when it arrived, and when it expires unapplied (ISO 8601). */
  stampedAt: string;
  heldAt: string;
  expiresAt: string;
}

const Empty = z.object({}).strict();
const OpId = z.string().regex(/^[a-z0-9-]{3,40}:[1-9]\d{0,15}$/, 'an op id is origin:seq');
/** Held ops to act on, by id (from `sync:quarantine`). */
export const QuarantineDecision = z.object({ ids: z.array(OpId).min(1, 'choose at least one held op').max(1000) }).strict();
export interface QuarantineOutcome {
  /** Ids acted on. */
  done: string[];
  /** Ids no longer held (already released, discarded or expired). */
  missing: string[];
}

/**
 * The operator's hand on the clock quarantine (issue 10): list what is held, release it (applied
 * now with its own stamps; this node's clock does not move) or discard it. Both are audited.
 */
export const SYNC_CONTRACT = {
  'sync:quarantine': call<typeof Empty, QuarantinedOp[]>(Empty),
  'sync:releaseQuarantine': call<typeof QuarantineDecision, QuarantineOutcome>(QuarantineDecision),
  'sync:discardQuarantine': call<typeof QuarantineDecision, QuarantineOutcome>(QuarantineDecision),
};
