import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { migration0001 } from './0001-initial.ts';
import { migration0002 } from './0002-hazard-tracks.ts';

describe('migration 0002 (hazard tracks)', () => {
  it('adds the track table to a version-1 database and keeps its data', () => {
    const db = new Database(':memory:');
    migrate(db, [migration0001]);
    db.prepare("INSERT INTO incidents (key, body) VALUES ('i1', '{\"id\":\"i1\"}')").run();
    expect(migrate(db, [migration0001, migration0002])).toEqual({ from: 1, to: 2 });
    db.prepare('INSERT INTO hazard_tracks (key, body) VALUES (?, ?)').run('cma-2106', JSON.stringify({ points: [{ time: '2021-07-23T00:00:00.000Z' }] }));
    expect(db.prepare('SELECT first_time, exercise FROM hazard_tracks').get()).toEqual({ first_time: '2021-07-23T00:00:00.000Z', exercise: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM incidents').get()).toEqual({ n: 1 });
  });
});
