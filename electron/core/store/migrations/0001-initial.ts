import type { Migration } from '../migrate.ts';

/**
 * Entity tables share one shape: the merged body, the base stamp with per-field overrides, and
 * the tombstone stamp (see shared/sync/merge.ts). WITHOUT ROWID: one B-tree per table, not two.
 */
function entityTable(name: string, extraColumns: string[] = [], indexes: string[] = []): string {
  const columns = [
    'key TEXT PRIMARY KEY',
    'body TEXT NOT NULL',
    'base TEXT',
    'stamps TEXT NOT NULL DEFAULT \'{}\'',
    'deleted TEXT',
    'live INTEGER NOT NULL DEFAULT 1',
    'exercise INTEGER GENERATED ALWAYS AS (coalesce(json_extract(body, \'$.exercise\'), 0)) VIRTUAL',
    ...extraColumns,
  ];
  return [
    `CREATE TABLE ${name} (${columns.join(', ')}) STRICT, WITHOUT ROWID;`,
    `CREATE INDEX ${name}_exercise ON ${name}(exercise) WHERE exercise = 1;`,
    ...indexes.map((column) => `CREATE INDEX ${name}_${column} ON ${name}(${column});`),
  ].join('\n');
}

const generated = (column: string, path: string, type = 'TEXT') =>
  `${column} ${type} GENERATED ALWAYS AS (json_extract(body, '$.${path}')) VIRTUAL`;

export const migration0001: Migration = {
  version: 1,
  name: 'initial: op log, node identity, entity tables, stock balances, audit',
  up: `
    CREATE TABLE node_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

    -- The op log. An op's id is origin:seq, so (origin, seq) is the key: one B-tree, and
    -- INSERT OR IGNORE on it is what makes a replayed or duplicated op harmless.
    CREATE TABLE ops (
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
      PRIMARY KEY (origin, seq)
    ) STRICT, WITHOUT ROWID;

    -- Per origin, the highest seq held without a gap (the version vector).
    CREATE TABLE version_vector (origin TEXT PRIMARY KEY, seq INTEGER NOT NULL) STRICT;
    -- Per peer, the highest local seq it has acknowledged (drives the outbox count).
    CREATE TABLE peer_acks (peer TEXT PRIMARY KEY, seq INTEGER NOT NULL, at INTEGER NOT NULL) STRICT;

    ${entityTable('command_nodes', [generated('parent_code', 'parentCode'), generated('level', 'level'), generated('name', 'name')], ['parent_code'])}
    ${entityTable('incidents', [generated('node_code', 'nodeCode'), generated('status', 'status')], ['node_code'])}
    ${entityTable('tasks', [generated('node_code', 'nodeCode'), generated('status', 'status')], ['node_code'])}
    ${entityTable('depots', [generated('district_code', 'districtCode')], ['district_code'])}
    ${entityTable('stock_items')}
    ${entityTable('stock_movements', [generated('depot_id', 'depotId'), generated('item_id', 'itemId')], ['depot_id'])}
    ${entityTable('teams', [generated('district_code', 'districtCode')], ['district_code'])}
    ${entityTable('shelters', [generated('district_code', 'districtCode')], ['district_code'])}
    ${entityTable('network_links')}
    ${entityTable('wall_layouts')}
    ${entityTable('consultation_sessions')}
    ${entityTable('consultation_entries', [generated('session_id', 'sessionId')], ['session_id'])}
    ${entityTable('alerts')}
    ${entityTable('boundaries', [generated('level', 'level')])}

    -- Balances are sums of movements, maintained as movements are inserted, never typed over.
    CREATE TABLE stock_balances (
      depot_id TEXT NOT NULL,
      item_id TEXT NOT NULL,
      balance INTEGER NOT NULL,
      updated_hlc TEXT NOT NULL,
      PRIMARY KEY (depot_id, item_id)
    ) STRICT;

    CREATE TABLE audit (
      id INTEGER PRIMARY KEY,
      at INTEGER NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      detail TEXT NOT NULL
    ) STRICT;
  `,
};
