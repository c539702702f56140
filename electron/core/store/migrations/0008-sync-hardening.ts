import type { Migration } from '../migrate.ts';

/**
 * Sync hardening (issue 10): every op may name its author (a user id), carried on the wire and
 * kept with the op, so an audit of who changed what survives replication. Null where unknown.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'sync: op authors',
  up: `
    ALTER TABLE ops ADD COLUMN author TEXT;
  `,
};
