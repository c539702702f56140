import type { Migration } from '../migrate.ts';
import { migration0001 } from './0001-initial.ts';
import { migration0002 } from './0002-hazard-tracks.ts';
import { migration0003 } from './0003-allocations.ts';
import { migration0004 } from './0004-sync.ts';
import { migration0005 } from './0005-forces.ts';
import { migration0006 } from './0006-map.ts';
import { migration0007 } from './0007-network.ts';
import { migration0008 } from './0008-sync-hardening.ts';
import { migration0009 } from './0009-consult.ts';

/** Every shipped migration in order. Shipped migrations are never edited: add a new one. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009];
