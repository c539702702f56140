import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { migration0001 } from './0001-initial.ts';
import { migration0002 } from './0002-hazard-tracks.ts';
import { migration0003 } from './0003-allocations.ts';
import { migration0004 } from './0004-sync.ts';

const insertOp = `INSERT INTO ops (origin, seq, hlc, schema, entity, key, kind, body, priority, scope, received_at)
  VALUES (?, ?, ?, 1, ?, ?, 'upsert', '{}', ?, ?, ?)`;

describe('migration 0004 (sync)', () => {
  it('keeps every op, numbers them in arrival order, and gives existing rows their creating scope', () => {
    const db = new Database(':memory:');
    migrate(db, [migration0001, migration0002, migration0003]);
    db.prepare(insertOp).run('node-b', 1, '0000000000020000', 'incident', 'i1', 1, '310101000000', 2000);
    db.prepare(insertOp).run('node-a', 1, '0000000000010000', 'commandNode', '310101000000', 1, '*', 1000);
    db.prepare(insertOp).run('node-a', 2, '0000000000030000', 'boundary', '310101000000', 4, '310101000000', 3000);
    db.prepare('INSERT INTO incidents (key, body) VALUES (?, ?)').run('i1', '{}');
    db.prepare('INSERT INTO command_nodes (key, body) VALUES (?, ?)').run('310101000000', '{}');
    db.prepare('INSERT INTO boundaries (key, body) VALUES (?, ?)').run('310101000000', '{}');

    expect(migrate(db, [migration0001, migration0002, migration0003, migration0004])).toEqual({ from: 3, to: 4 });
    expect(db.prepare('SELECT lseq, origin, seq, via FROM ops ORDER BY lseq').all()).toEqual([
      { lseq: 1, origin: 'node-a', seq: 1, via: null },
      { lseq: 2, origin: 'node-b', seq: 1, via: null },
      { lseq: 3, origin: 'node-a', seq: 2, via: null },
    ]);
    // The same key in two entities keeps each entity's own scope.
    expect(db.prepare('SELECT scope FROM command_nodes').get()).toEqual({ scope: '*' });
    expect(db.prepare('SELECT scope FROM boundaries').get()).toEqual({ scope: '310101000000' });
    expect(db.prepare('SELECT scope FROM incidents').get()).toEqual({ scope: '310101000000' });
    // An op id is still unique: a replay is ignored, a new op appends after the last.
    expect(db.prepare(`INSERT OR IGNORE ${insertOp.slice('INSERT '.length)}`).run('node-a', 1, '0000000000010000', 'commandNode', 'x', 1, '*', 4000).changes).toBe(0);
    expect(db.prepare(insertOp).run('node-c', 1, '0000000000040000', 'incident', 'i2', 1, '*', 5000).lastInsertRowid).toBe(4);
    for (const table of ['sync_cursors', 'sync_peers', 'quarantine']) {
      expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table)).toEqual({ n: 1 });
    }
    expect(db.pragma('user_version', { simple: true })).toBe(4);
  });
});
