import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { MIGRATIONS } from './index.ts';
import { migration0009 } from './0009-consult.ts';

const BEFORE = MIGRATIONS.filter((migration) => migration.version < 9);

describe('migration 0009 (incident timeline and task history)', () => {
  it('adds the two entry tables to a version-8 database, keeping what was there', () => {
    const db = new Database(':memory:');
    migrate(db, BEFORE);
    db.prepare('INSERT INTO incidents (key, body) VALUES (?, ?)').run('inc-1', JSON.stringify({ id: 'inc-1', status: 'reported' }));
    expect(migrate(db, [...BEFORE, migration0009])).toEqual({ from: 8, to: 9 });
    expect(db.prepare('SELECT key, status FROM incidents').all()).toEqual([{ key: 'inc-1', status: 'reported' }]);

    db.prepare('INSERT INTO incident_entries (key, body, scope) VALUES (?, ?, ?)')
      .run('e-2', JSON.stringify({ id: 'e-2', incidentId: 'inc-1', at: '2026-01-01T02:00:00.000Z', exercise: true }), '*');
    db.prepare('INSERT INTO incident_entries (key, body, scope) VALUES (?, ?, ?)')
      .run('e-1', JSON.stringify({ id: 'e-1', incidentId: 'inc-1', at: '2026-01-01T01:00:00.000Z' }), '*');
    expect(db.prepare('SELECT key, exercise FROM incident_entries WHERE incident_id = ? ORDER BY at').all('inc-1'))
      .toEqual([{ key: 'e-1', exercise: 0 }, { key: 'e-2', exercise: 1 }]);
    db.prepare('INSERT INTO task_entries (key, body, scope) VALUES (?, ?, ?)')
      .run('t-1', JSON.stringify({ id: 't-1', taskId: 'task-1', at: '2026-01-01T01:00:00.000Z' }), '*');
    expect(db.prepare('SELECT task_id AS taskId FROM task_entries').get()).toEqual({ taskId: 'task-1' });
  });
});
