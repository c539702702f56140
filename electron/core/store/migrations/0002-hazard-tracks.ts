import type { Migration } from '../migrate.ts';

/**
 * Tropical-cyclone tracks for the situation map, in the shape every entity table has; a rowid
 * table, unlike 0001's, since a track's body (every fix) is far larger than a typical record.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'hazard tracks',
  up: `
    CREATE TABLE hazard_tracks (
      key TEXT PRIMARY KEY,
      body TEXT NOT NULL,
      base TEXT,
      stamps TEXT NOT NULL DEFAULT '{}',
      deleted TEXT,
      live INTEGER NOT NULL DEFAULT 1,
      exercise INTEGER GENERATED ALWAYS AS (coalesce(json_extract(body, '$.exercise'), 0)) VIRTUAL,
      first_time TEXT GENERATED ALWAYS AS (json_extract(body, '$.points[0].time')) VIRTUAL
    ) STRICT;
    CREATE INDEX hazard_tracks_first_time ON hazard_tracks(first_time);
  `,
};
