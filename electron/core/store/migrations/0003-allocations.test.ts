import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { migration0001 } from './0001-initial.ts';
import { migration0002 } from './0002-hazard-tracks.ts';
import { migration0003 } from './0003-allocations.ts';

describe('migration 0003 (allocations and their ledger)', () => {
  it('adds the allocation tables to a version-2 database, with lookups derived from the body', () => {
    const db = new Database(':memory:');
    migrate(db, [migration0001, migration0002]);
    expect(migrate(db, [migration0001, migration0002, migration0003])).toEqual({ from: 2, to: 3 });
    db.prepare('INSERT INTO allocations (key, body) VALUES (?, ?)').run('a1', JSON.stringify({ sourceDepotId: 'd1', status: 'committed', exercise: true }));
    db.prepare('INSERT INTO allocation_steps (key, body) VALUES (?, ?)').run('s1', JSON.stringify({ allocationId: 'a1', at: '2026-07-25T10:00:00.000Z' }));
    expect(db.prepare('SELECT source_depot_id, status, exercise FROM allocations').get()).toEqual({ source_depot_id: 'd1', status: 'committed', exercise: 1 });
    expect(db.prepare('SELECT allocation_id, at FROM allocation_steps').get()).toEqual({ allocation_id: 'a1', at: '2026-07-25T10:00:00.000Z' });
    expect(db.pragma('user_version', { simple: true })).toBe(3);
  });
});
