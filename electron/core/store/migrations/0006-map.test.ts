import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { migration0001 } from './0001-initial.ts';
import { migration0002 } from './0002-hazard-tracks.ts';
import { migration0003 } from './0003-allocations.ts';
import { migration0004 } from './0004-sync.ts';
import { migration0005 } from './0005-forces.ts';
import { migration0006 } from './0006-map.ts';

const UP_TO_5 = [migration0001, migration0002, migration0003, migration0004, migration0005];

describe('migration 0006 (map: named areas)', () => {
  it('adds the named-area table to a version-5 database, keeping what was there', () => {
    const db = new Database(':memory:');
    migrate(db, UP_TO_5);
    db.prepare('INSERT INTO boundaries (key, body) VALUES (?, ?)').run('310101000000', JSON.stringify({ code: '310101000000' }));
    expect(migrate(db, [...UP_TO_5, migration0006])).toEqual({ from: 5, to: 6 });
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare('SELECT key FROM boundaries').all()).toEqual([{ key: '310101000000' }]);

    db.prepare('INSERT INTO named_areas (key, body, scope) VALUES (?, ?, ?)')
      .run('area-1', JSON.stringify({ id: 'area-1', name: '沿江低洼区', exercise: true }), '*');
    expect(db.prepare('SELECT name, exercise, live, scope, stamps FROM named_areas').get())
      .toEqual({ name: '沿江低洼区', exercise: 1, live: 1, scope: '*', stamps: '{}' });
  });
});
