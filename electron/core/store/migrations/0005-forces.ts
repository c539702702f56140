import type { Migration } from '../migrate.ts';

/**
 * Forces beyond teams: equipment by type and state, and the volunteer roster. Entity-table
 * shape as in 0003, with the `scope` column every entity table has had since 0004.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'forces: equipment and volunteers',
  up: `
    CREATE TABLE equipment (
      key TEXT PRIMARY KEY,
      body TEXT NOT NULL,
      base TEXT,
      stamps TEXT NOT NULL DEFAULT '{}',
      deleted TEXT,
      live INTEGER NOT NULL DEFAULT 1,
      scope TEXT,
      exercise INTEGER GENERATED ALWAYS AS (coalesce(json_extract(body, '$.exercise'), 0)) VIRTUAL,
      district_code TEXT GENERATED ALWAYS AS (json_extract(body, '$.districtCode')) VIRTUAL,
      state TEXT GENERATED ALWAYS AS (json_extract(body, '$.state')) VIRTUAL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX equipment_district_code ON equipment(district_code);
    CREATE INDEX equipment_exercise ON equipment(exercise) WHERE exercise = 1;

    CREATE TABLE volunteers (
      key TEXT PRIMARY KEY,
      body TEXT NOT NULL,
      base TEXT,
      stamps TEXT NOT NULL DEFAULT '{}',
      deleted TEXT,
      live INTEGER NOT NULL DEFAULT 1,
      scope TEXT,
      exercise INTEGER GENERATED ALWAYS AS (coalesce(json_extract(body, '$.exercise'), 0)) VIRTUAL,
      district_code TEXT GENERATED ALWAYS AS (json_extract(body, '$.districtCode')) VIRTUAL,
      status TEXT GENERATED ALWAYS AS (json_extract(body, '$.status')) VIRTUAL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX volunteers_district_status ON volunteers(district_code, status);
    CREATE INDEX volunteers_exercise ON volunteers(exercise) WHERE exercise = 1;
  `,
};
