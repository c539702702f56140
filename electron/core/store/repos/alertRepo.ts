import type Database from 'better-sqlite3';
import type { Alert, AlertState } from '../../../../shared/domain/alert.ts';

/**
 * Alerts newest first, optionally in one workflow state. Seeded and imported alerts carry no
 * state and count as issued, so the map (which lists issued alerts) never shows a draft.
 */
export function listAlerts(db: Database.Database, state?: AlertState): Alert[] {
  const where = state === undefined ? '' : state === 'issued'
    ? " AND coalesce(json_extract(body, '$.state'), 'issued') = 'issued'"
    : " AND json_extract(body, '$.state') = ?";
  const statement = db.prepare(`SELECT body FROM alerts WHERE live = 1${where} ORDER BY json_extract(body, '$.sent') DESC, key`);
  const rows = (state === undefined || state === 'issued' ? statement.all() : statement.all(state)) as { body: string }[];
  return rows.map((row) => JSON.parse(row.body) as Alert);
}

/**
 * The alerts in force, for the map: issued, not expired, and not superseded by an issued
 * update or cancel that references them (CAP `references`).
 */
export function listActiveAlerts(db: Database.Database, now = Date.now()): Alert[] {
  const issued = listAlerts(db, 'issued');
  const superseded = new Set(issued.flatMap((alert) => (alert.references ?? []).map((reference) => `${reference.sender}\n${reference.identifier}`)));
  return issued.filter((alert) => !superseded.has(`${alert.sender}\n${alert.identifier ?? alert.id}`) && !(alert.expires && Date.parse(alert.expires) <= now));
}
