import type { Migration } from '../migrate.ts';

/**
 * Named areas drawn on the map (replicated like every entity, with the 0004 `scope` column).
 * Basemaps and the online tile cache are not here: MBTiles files live in the data folder's
 * `basemaps/`, and the tile cache in its own `tilecache.sqlite`, since neither is replicated.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'map: named areas',
  up: `
    CREATE TABLE named_areas (
      key TEXT PRIMARY KEY,
      body TEXT NOT NULL,
      base TEXT,
      stamps TEXT NOT NULL DEFAULT '{}',
      deleted TEXT,
      live INTEGER NOT NULL DEFAULT 1,
      scope TEXT,
      exercise INTEGER GENERATED ALWAYS AS (coalesce(json_extract(body, '$.exercise'), 0)) VIRTUAL,
      name TEXT GENERATED ALWAYS AS (json_extract(body, '$.name')) VIRTUAL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX named_areas_exercise ON named_areas(exercise) WHERE exercise = 1;
  `,
};
