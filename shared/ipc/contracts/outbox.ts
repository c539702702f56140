import { z } from 'zod';
import type { EntityName } from '../../domain/entities.ts';
import { call } from '../call.ts';

const Empty = z.object({}).strict();

/** A record with at least one change its parent centre has not acknowledged yet. */
export interface UnsentRecord {
  entity: EntityName;
  key: string;
}

/** What has not reached the parent yet (issue 16: offline must be honest). */
export const OUTBOX_CONTRACT = {
  /** Records with changes the parent has not acknowledged; empty on a node without a parent. */
  'sync:unsent': call<typeof Empty, UnsentRecord[]>(Empty),
};
