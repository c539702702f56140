import type { Migration } from '../migrate.ts';

/**
 * Command-network status (issue 13):
 * - `network_events`: the replicated, insert-only alarm history of every link (raised,
 *   acknowledged, cleared, channel switched), keyed by event so an acknowledgement is never undone;
 * - `network_samples`: this node's own measurements of its links, a ring of the last hours for
 *   the charts and for `network --json` on a running node. Local only: never in the op log.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'network: alarm history and local link samples',
  up: `
    CREATE TABLE network_events (
      key TEXT PRIMARY KEY,
      body TEXT NOT NULL,
      base TEXT,
      stamps TEXT NOT NULL DEFAULT '{}',
      deleted TEXT,
      live INTEGER NOT NULL DEFAULT 1,
      scope TEXT,
      exercise INTEGER GENERATED ALWAYS AS (coalesce(json_extract(body, '$.exercise'), 0)) VIRTUAL,
      alarm_id TEXT GENERATED ALWAYS AS (json_extract(body, '$.alarmId')) VIRTUAL,
      code TEXT GENERATED ALWAYS AS (json_extract(body, '$.code')) VIRTUAL,
      at TEXT GENERATED ALWAYS AS (json_extract(body, '$.at')) VIRTUAL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX network_events_exercise ON network_events(exercise) WHERE exercise = 1;
    CREATE INDEX network_events_alarm ON network_events(alarm_id);
    CREATE INDEX network_events_code ON network_events(code, at);
    CREATE TABLE network_samples (
      code TEXT NOT NULL,
      at INTEGER NOT NULL,
      state TEXT NOT NULL,
      channel TEXT,
      rtt_ms REAL,
      loss REAL,
      throughput_bps REAL,
      ops_behind INTEGER,
      last_contact_at INTEGER,
      clock_offset_ms REAL,
      PRIMARY KEY (code, at)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX network_samples_at ON network_samples(at);
  `,
};
