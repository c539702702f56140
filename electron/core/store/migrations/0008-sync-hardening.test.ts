import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { MIGRATIONS } from './index.ts';
import { migration0008 } from './0008-sync-hardening.ts';

const UP_TO_7 = MIGRATIONS.filter((migration) => migration.version < migration0008.version);

describe('migration 0008 (sync: op authors)', () => {
  it('adds a nullable author to every op, keeping what was there', () => {
    const db = new Database(':memory:');
    migrate(db, UP_TO_7);
    db.prepare(`INSERT INTO ops (origin, seq, hlc, schema, entity, key, kind, body, priority, scope, received_at)
      VALUES ('city', 1, '0000000000010000', 1, 'incident', 'i-1', 'upsert', '{}', 1, '*', 1)`).run();
    expect(migrate(db, [...UP_TO_7, migration0008])).toEqual({ from: 7, to: 8 });
    expect(db.prepare('SELECT origin, seq, author FROM ops').all()).toEqual([{ origin: 'city', seq: 1, author: null }]);
    db.prepare(`INSERT INTO ops (origin, seq, hlc, schema, entity, key, kind, body, priority, scope, received_at, author)
      VALUES ('city', 2, '0000000000020000', 1, 'incident', 'i-1', 'patch', '{}', 1, '*', 2, 'duty.zhang')`).run();
    expect(db.prepare('SELECT author FROM ops WHERE seq = 2').get()).toEqual({ author: 'duty.zhang' });
  });
});
