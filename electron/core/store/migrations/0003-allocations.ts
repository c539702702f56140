import type { Migration } from '../migrate.ts';

/** Allocations (EDXL-RM style) and their insert-only ledger, in the entity-table shape. */
export const migration0003: Migration = {
  version: 3,
  name: 'allocations and their ledger',
  up: `
    CREATE TABLE allocations (
      key TEXT PRIMARY KEY,
      body TEXT NOT NULL,
      base TEXT,
      stamps TEXT NOT NULL DEFAULT '{}',
      deleted TEXT,
      live INTEGER NOT NULL DEFAULT 1,
      exercise INTEGER GENERATED ALWAYS AS (coalesce(json_extract(body, '$.exercise'), 0)) VIRTUAL,
      source_depot_id TEXT GENERATED ALWAYS AS (json_extract(body, '$.sourceDepotId')) VIRTUAL,
      status TEXT GENERATED ALWAYS AS (json_extract(body, '$.status')) VIRTUAL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX allocations_source_depot_id ON allocations(source_depot_id);
    CREATE INDEX allocations_exercise ON allocations(exercise) WHERE exercise = 1;

    CREATE TABLE allocation_steps (
      key TEXT PRIMARY KEY,
      body TEXT NOT NULL,
      base TEXT,
      stamps TEXT NOT NULL DEFAULT '{}',
      deleted TEXT,
      live INTEGER NOT NULL DEFAULT 1,
      exercise INTEGER GENERATED ALWAYS AS (coalesce(json_extract(body, '$.exercise'), 0)) VIRTUAL,
      allocation_id TEXT GENERATED ALWAYS AS (json_extract(body, '$.allocationId')) VIRTUAL,
      at TEXT GENERATED ALWAYS AS (json_extract(body, '$.at')) VIRTUAL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX allocation_steps_allocation_id ON allocation_steps(allocation_id, at);
    CREATE INDEX allocation_steps_exercise ON allocation_steps(exercise) WHERE exercise = 1;
  `,
};
