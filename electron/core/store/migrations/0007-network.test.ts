import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.ts';
import { migration0001 } from './0001-initial.ts';
import { migration0002 } from './0002-hazard-tracks.ts';
import { migration0003 } from './0003-allocations.ts';
import { migration0004 } from './0004-sync.ts';
import { migration0005 } from './0005-forces.ts';
import { migration0006 } from './0006-map.ts';
import { migration0007 } from './0007-network.ts';

const UP_TO_6 = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006];

describe('migration 0007 (network: alarm history and local link samples)', () => {
  it('adds the event history and the sample ring to a version-6 database, keeping what was there', () => {
    const db = new Database(':memory:');
    migrate(db, UP_TO_6);
    db.prepare('INSERT INTO network_links (key, body, scope) VALUES (?, ?, ?)').run('310101000000', JSON.stringify({ id: '310101000000', toCode: '310101000000', state: 'up' }), '310101000000');
    expect(migrate(db, [...UP_TO_6, migration0007])).toEqual({ from: 6, to: 7 });
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(db.prepare('SELECT key FROM network_links').all()).toEqual([{ key: '310101000000' }]);

    db.prepare('INSERT INTO network_events (key, body, scope) VALUES (?, ?, ?)')
      .run('a1:raised', JSON.stringify({ id: 'a1:raised', alarmId: 'a1', kind: 'raised', code: '310101000000', at: '2026-12-01T10:00:00.000Z', by: 'city' }), '310101000000');
    expect(db.prepare('SELECT alarm_id AS alarmId, code, at, live FROM network_events').get())
      .toEqual({ alarmId: 'a1', code: '310101000000', at: '2026-12-01T10:00:00.000Z', live: 1 });
    db.prepare('INSERT INTO network_samples (code, at, state, rtt_ms) VALUES (?, ?, ?, ?)').run('310101000000', 1, 'up', 2.5);
    expect(db.prepare('SELECT code, state, rtt_ms AS rttMs FROM network_samples').get()).toEqual({ code: '310101000000', state: 'up', rttMs: 2.5 });
  });
});
