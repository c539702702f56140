import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ENTITY_NAMES } from '../../../../shared/domain/entities.ts';
import { migrate } from '../migrate.ts';
import { TABLE_OF } from '../tables.ts';
import { migration0001 } from './0001-initial.ts';

describe('migration 0001 (initial)', () => {
  it('creates the op log, the identity, and a table for each entity of the first release', () => {
    const db = new Database(':memory:');
    expect(migrate(db, [migration0001])).toEqual({ from: 0, to: 1 });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name);
    expect(tables).toEqual(expect.arrayContaining(['ops', 'node_meta', 'version_vector', 'peer_acks', 'stock_balances', 'audit']));
    for (const entity of ENTITY_NAMES.filter((name) => !['hazardTrack', 'allocation', 'allocationStep', 'equipment', 'volunteer', 'namedArea', 'networkEvent', 'incidentEntry', 'taskEntry'].includes(name))) expect(tables).toContain(TABLE_OF[entity]);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
  });

  it('derives the exercise flag and lookup columns from the body', () => {
    const db = new Database(':memory:');
    migrate(db, [migration0001]);
    db.prepare("INSERT INTO command_nodes (key, body) VALUES ('310101000000', ?)")
      .run(JSON.stringify({ code: '310101000000', parentCode: '310000000000', level: 'district', name: '黄浦区' }));
    db.prepare("INSERT INTO depots (key, body) VALUES ('d1', ?)").run(JSON.stringify({ districtCode: '310101000000', exercise: true }));
    expect(db.prepare('SELECT parent_code, level, name, exercise FROM command_nodes').get())
      .toEqual({ parent_code: '310000000000', level: 'district', name: '黄浦区', exercise: 0 });
    expect(db.prepare('SELECT district_code, exercise FROM depots').get()).toEqual({ district_code: '310101000000', exercise: 1 });
  });

  it('refuses a second op with the same origin and seq at the schema level', () => {
    const db = new Database(':memory:');
    migrate(db, [migration0001]);
    const insert = db.prepare(`INSERT INTO ops (origin, seq, hlc, schema, entity, key, kind, body, priority, scope, received_at)
      VALUES ('a', 1, '0000000000000000', 1, 'task', 'k', 'upsert', NULL, 0, '*', 0)`);
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE/);
  });
});
