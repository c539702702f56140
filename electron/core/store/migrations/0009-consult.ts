import type { Migration } from '../migrate.ts';

function entryTable(name: string, parentColumn: string, parentField: string): string {
  return `
    CREATE TABLE ${name} (
      key TEXT PRIMARY KEY,
      body TEXT NOT NULL,
      base TEXT,
      stamps TEXT NOT NULL DEFAULT '{}',
      deleted TEXT,
      live INTEGER NOT NULL DEFAULT 1,
      scope TEXT,
      exercise INTEGER GENERATED ALWAYS AS (coalesce(json_extract(body, '$.exercise'), 0)) VIRTUAL,
      ${parentColumn} TEXT GENERATED ALWAYS AS (json_extract(body, '$.${parentField}')) VIRTUAL,
      at TEXT GENERATED ALWAYS AS (json_extract(body, '$.at')) VIRTUAL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX ${name}_${parentColumn} ON ${name}(${parentColumn}, at);
    CREATE INDEX ${name}_at ON ${name}(at);
    CREATE INDEX ${name}_exercise ON ${name}(exercise) WHERE exercise = 1;`;
}

/**
 * Incident timelines and task histories (issue 12): insert-only entries in the entity-table
 * shape, indexed by their parent and time so a timeline and the duty log read in order.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'consultation: incident timeline and task history',
  up: `
    ${entryTable('incident_entries', 'incident_id', 'incidentId')}
    ${entryTable('task_entries', 'task_id', 'taskId')}
    CREATE INDEX tasks_status ON tasks(status);
  `,
};
