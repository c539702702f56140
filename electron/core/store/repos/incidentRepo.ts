import type Database from 'better-sqlite3';
import type { Incident } from '../../../../shared/domain/incident.ts';

/** Live incidents, newest report first. */
export function listIncidents(db: Database.Database): Incident[] {
  const rows = db.prepare(`SELECT body FROM incidents WHERE live = 1
    ORDER BY json_extract(body, '$.reportedAt') DESC`).all() as { body: string }[];
  return rows.map((row) => JSON.parse(row.body) as Incident);
}

export function getIncident(db: Database.Database, id: string): Incident | null {
  const row = db.prepare('SELECT body FROM incidents WHERE key = ? AND live = 1').get(id) as { body: string } | undefined;
  return row ? (JSON.parse(row.body) as Incident) : null;
}
