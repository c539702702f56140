import type Database from 'better-sqlite3';
import type { ConsultationEntry, ConsultationSession, EvidenceSnapshot } from '../../../../shared/domain/consultation.ts';
import type { IncidentEntry } from '../../../../shared/domain/incident.ts';
import type { Task, TaskEntry } from '../../../../shared/domain/task.ts';

const bodies = <T>(rows: unknown[]): T[] => (rows as { body: string }[]).map((row) => JSON.parse(row.body) as T);

/** One incident's timeline, oldest first (ties broken by id so every replica reads the same order). */
export function incidentTimeline(db: Database.Database, incidentId: string): IncidentEntry[] {
  return bodies(db.prepare('SELECT body FROM incident_entries WHERE incident_id = ? AND live = 1 ORDER BY at, key').all(incidentId));
}

/** The duty log (值班日志): every incident's entries, newest first. */
export function dutyLog(db: Database.Database, limit: number): IncidentEntry[] {
  return bodies(db.prepare('SELECT body FROM incident_entries WHERE live = 1 ORDER BY at DESC, key DESC LIMIT ?').all(limit));
}

export function listTasks(db: Database.Database): Task[] {
  return bodies(db.prepare("SELECT body FROM tasks WHERE live = 1 ORDER BY json_extract(body, '$.createdAt') DESC, key").all());
}

export function taskHistory(db: Database.Database, taskId: string): TaskEntry[] {
  return bodies(db.prepare('SELECT body FROM task_entries WHERE task_id = ? AND live = 1 ORDER BY at, key').all(taskId));
}

export function listSessions(db: Database.Database): ConsultationSession[] {
  return bodies(db.prepare("SELECT body FROM consultation_sessions WHERE live = 1 ORDER BY json_extract(body, '$.startedAt') DESC, key").all());
}

/** A session's entries in time order; two consoles' entries interleave by when they were written. */
export function sessionEntries(db: Database.Database, sessionId: string): ConsultationEntry[] {
  return bodies(db.prepare("SELECT body FROM consultation_entries WHERE session_id = ? AND live = 1 ORDER BY json_extract(body, '$.at'), key").all(sessionId));
}

/** Stock items an evidence snapshot reports, in the order the hall reads them. */
const KEY_ITEMS = ['demo-item-sandbag', 'demo-item-pump', 'demo-item-assault-boat', 'demo-item-life-jacket', 'demo-item-water', 'demo-item-food', 'demo-item-tent', 'demo-item-quilt'];
const SHELTER_M2_PER_PERSON = 2;

/** The key figures of an evidence snapshot, read in one transaction so they agree with each other. */
export function situationFigures(db: Database.Database): EvidenceSnapshot['figures'] & { incidentPoints: EvidenceSnapshot['map']['incidents'] } {
  return db.transaction(() => {
    const incidentsByLevel = { I: 0, II: 0, III: 0, IV: 0 };
    const open = db.prepare("SELECT json_extract(body, '$.level') AS level, count(*) AS n FROM incidents WHERE live = 1 AND status != 'closed' GROUP BY level").all() as { level: keyof typeof incidentsByLevel; n: number }[];
    for (const row of open) if (row.level in incidentsByLevel) incidentsByLevel[row.level] = row.n;
    const items = db.prepare(`SELECT s.key AS itemId, json_extract(s.body, '$.name') AS name, json_extract(s.body, '$.nameEn') AS nameEn,
        json_extract(s.body, '$.unit') AS unit, coalesce((SELECT sum(balance) FROM stock_balances b WHERE b.item_id = s.key), 0) AS quantity
      FROM stock_items s WHERE s.live = 1`).all() as { itemId: string; name: string; nameEn: string | null; unit: string; quantity: number }[];
    const keyStock = items
      .filter((item) => KEY_ITEMS.includes(item.itemId))
      .sort((a, b) => KEY_ITEMS.indexOf(a.itemId) - KEY_ITEMS.indexOf(b.itemId))
      .map((item) => ({ itemId: item.itemId, name: item.name, unit: item.unit, quantity: item.quantity, ...(item.nameEn ? { nameEn: item.nameEn } : {}) }));
    const shelters = db.prepare(`SELECT coalesce(sum(CAST(json_extract(body, '$.usableAreaM2') / ${SHELTER_M2_PER_PERSON} AS INTEGER)), 0) AS capacity,
        coalesce(sum(json_extract(body, '$.occupancy')), 0) AS occupancy FROM shelters WHERE live = 1 AND json_extract(body, '$.state') != 'closed'`).get() as { capacity: number; occupancy: number };
    const teams = db.prepare("SELECT count(*) AS total, coalesce(sum(json_extract(body, '$.status') = 'available'), 0) AS available FROM teams WHERE live = 1").get() as { total: number; available: number };
    const points = db.prepare(`SELECT key AS id, json_extract(body, '$.location.lon') AS lon, json_extract(body, '$.location.lat') AS lat,
        json_extract(body, '$.level') AS level, json_extract(body, '$.type') AS type
      FROM incidents WHERE live = 1 AND status != 'closed' AND json_extract(body, '$.location') IS NOT NULL ORDER BY key LIMIT 2000`).all() as EvidenceSnapshot['map']['incidents'];
    return {
      incidentsByLevel,
      openIncidents: open.reduce((sum, row) => sum + row.n, 0),
      keyStock,
      shelterPlacesFree: shelters.capacity - shelters.occupancy,
      shelterCapacity: shelters.capacity,
      teamsAvailable: teams.available,
      teamsTotal: teams.total,
      activeAlerts: (db.prepare("SELECT count(*) AS n FROM alerts WHERE live = 1 AND json_extract(body, '$.status') IN ('Actual', 'Exercise') AND json_extract(body, '$.msgType') != 'Cancel'").get() as { n: number }).n,
      incidentPoints: points,
    };
  })();
}
