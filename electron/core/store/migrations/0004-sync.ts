import type { Migration } from '../migrate.ts';

/** Entity tables that exist at schema 3; each gains the scope of the op that created its rows. */
const ENTITY_TABLES_AT_3: Record<string, string> = {
  command_nodes: 'commandNode', incidents: 'incident', tasks: 'task', depots: 'depot', stock_items: 'stockItem',
  stock_movements: 'stockMovement', teams: 'team', shelters: 'shelter', network_links: 'networkLink',
  wall_layouts: 'wallLayout', consultation_sessions: 'consultationSession', consultation_entries: 'consultationEntry',
  alerts: 'alert', boundaries: 'boundary', hazard_tracks: 'hazardTrack', allocations: 'allocation',
  allocation_steps: 'allocationStep',
};

/**
 * Sync between hubs and consoles (sync.md):
 * - the op log gains `lseq`, the order this node received its ops in, so a link streams "everything after
 *   cursor N" per priority lane, and `via`, the peer that delivered an op, so it is never echoed back;
 * - entity rows gain the scope of the op that created them, so a parent can checksum what a child should hold;
 * - per link and lane, the highest sender lseq received (stored in the same transaction as the ops);
 * - peers, and ops held in quarantine because their clock ran too far ahead.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'sync: op arrival order, lanes, cursors, peers, quarantine',
  up: `
    CREATE TABLE ops_v4 (
      lseq INTEGER PRIMARY KEY,
      origin TEXT NOT NULL,
      seq INTEGER NOT NULL,
      hlc TEXT NOT NULL,
      schema INTEGER NOT NULL,
      entity TEXT NOT NULL,
      key TEXT NOT NULL,
      kind TEXT NOT NULL,
      body TEXT,
      priority INTEGER NOT NULL,
      scope TEXT NOT NULL,
      received_at INTEGER NOT NULL,
      via TEXT
    ) STRICT;
    INSERT INTO ops_v4 (origin, seq, hlc, schema, entity, key, kind, body, priority, scope, received_at)
      SELECT origin, seq, hlc, schema, entity, key, kind, body, priority, scope, received_at FROM ops ORDER BY received_at, hlc, origin, seq;
    DROP TABLE ops;
    ALTER TABLE ops_v4 RENAME TO ops;
    CREATE UNIQUE INDEX ops_id ON ops(origin, seq);
    CREATE INDEX ops_lane ON ops(priority);

    CREATE INDEX ops_entity_key ON ops(entity, key, hlc);
    ${Object.entries(ENTITY_TABLES_AT_3).map(([table, entity]) => `ALTER TABLE ${table} ADD COLUMN scope TEXT;
    UPDATE ${table} SET scope = (SELECT scope FROM ops WHERE ops.entity = '${entity}' AND ops.key = ${table}.key ORDER BY hlc LIMIT 1);`).join('\n    ')}
    DROP INDEX ops_entity_key;

    CREATE TABLE sync_cursors (
      peer TEXT NOT NULL,
      lane INTEGER NOT NULL,
      received INTEGER NOT NULL,
      PRIMARY KEY (peer, lane)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE sync_peers (
      peer TEXT PRIMARY KEY,
      relation TEXT NOT NULL CHECK (relation IN ('parent', 'child')),
      role TEXT NOT NULL,
      node_code TEXT NOT NULL,
      public_key TEXT,
      last_seen INTEGER,
      info TEXT NOT NULL DEFAULT '{}'
    ) STRICT;

    CREATE TABLE quarantine (
      origin TEXT NOT NULL,
      seq INTEGER NOT NULL,
      op TEXT NOT NULL,
      via TEXT,
      drift_ms INTEGER NOT NULL,
      at INTEGER NOT NULL,
      PRIMARY KEY (origin, seq)
    ) STRICT, WITHOUT ROWID;
  `,
};
