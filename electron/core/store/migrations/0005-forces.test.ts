import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { migration0001 } from './0001-initial.ts';
import { migration0002 } from './0002-hazard-tracks.ts';
import { migration0003 } from './0003-allocations.ts';
import { migration0004 } from './0004-sync.ts';
import { migration0005 } from './0005-forces.ts';

const UP_TO_4 = [migration0001, migration0002, migration0003, migration0004];

describe('migration 0005 (forces: equipment and volunteers)', () => {
  it('adds the equipment and volunteer tables to a version-4 database, keeping what was there', () => {
    const db = new Database(':memory:');
    migrate(db, UP_TO_4);
    db.prepare('INSERT INTO teams (key, body) VALUES (?, ?)').run('t1', JSON.stringify({ id: 't1', exercise: true }));
    expect(migrate(db, [...UP_TO_4, migration0005])).toEqual({ from: 4, to: 5 });
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare('SELECT key FROM teams').all()).toEqual([{ key: 't1' }]);

    db.prepare('INSERT INTO equipment (key, body, scope) VALUES (?, ?, ?)')
      .run('e1', JSON.stringify({ id: 'e1', districtCode: '310101000000', state: 'deployed', exercise: true }), '310101000000');
    db.prepare('INSERT INTO volunteers (key, body) VALUES (?, ?)')
      .run('v1', JSON.stringify({ id: 'v1', districtCode: '310104000000', status: 'calledUp' }));
    expect(db.prepare('SELECT district_code, state, exercise, live, scope FROM equipment').get())
      .toEqual({ district_code: '310101000000', state: 'deployed', exercise: 1, live: 1, scope: '310101000000' });
    expect(db.prepare('SELECT district_code, status, exercise, stamps FROM volunteers').get())
      .toEqual({ district_code: '310104000000', status: 'calledUp', exercise: 0, stamps: '{}' });
    // The district lookup is indexed: the call-up screen filters by district and status.
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT key FROM volunteers WHERE district_code = ? AND status = 'available'").all('310104000000') as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('volunteers_district_status');
  });

  it('runs from an empty database straight to version 5', () => {
    const db = new Database(':memory:');
    expect(migrate(db, [...UP_TO_4, migration0005])).toEqual({ from: 0, to: 5 });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name);
    expect(tables).toEqual(expect.arrayContaining(['equipment', 'volunteers']));
  });
});
