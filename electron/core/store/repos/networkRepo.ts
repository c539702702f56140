import type Database from 'better-sqlite3';
import type { NetworkEvent, NetworkLink } from '../../../../shared/domain/network.ts';
import type { LocalObservation } from '../../../../shared/network/view.ts';
import type { NodeState } from '../../../../shared/network/state.ts';

/** How long the local sample ring reaches back: the charts show the last hours. */
export const SAMPLE_KEEP_MS = 6 * 60 * 60 * 1000;

interface SampleRow {
  code: string; at: number; state: string; channel: string | null; rtt_ms: number | null; loss: number | null;
  throughput_bps: number | null; ops_behind: number | null; last_contact_at: number | null; clock_offset_ms: number | null;
}

const toObservation = (row: SampleRow): LocalObservation => ({
  code: row.code, at: row.at, state: row.state as NodeState, channel: row.channel as LocalObservation['channel'], rttMs: row.rtt_ms, loss: row.loss,
  throughputBps: row.throughput_bps, opsBehind: row.ops_behind, lastContactAt: row.last_contact_at, clockOffsetMs: row.clock_offset_ms,
});

/** Appends this node's samples of its own links in one transaction and drops those older than the ring keeps. */
export function recordSamples(db: Database.Database, samples: readonly LocalObservation[]): number {
  const insert = db.prepare(`INSERT OR REPLACE INTO network_samples (code, at, state, channel, rtt_ms, loss, throughput_bps, ops_behind, last_contact_at, clock_offset_ms)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const prune = db.prepare('DELETE FROM network_samples WHERE at < ?');
  db.transaction(() => {
    for (const s of samples) insert.run(s.code, s.at, s.state, s.channel, s.rttMs, s.loss, s.throughputBps, s.opsBehind, s.lastContactAt, s.clockOffsetMs);
    const newest = samples.reduce((max, s) => Math.max(max, s.at), 0);
    if (newest) prune.run(newest - SAMPLE_KEEP_MS);
  })();
  return samples.length;
}

/** The newest sample of each link this node measures: what it sees of its neighbours now. */
export function latestSamples(db: Database.Database): LocalObservation[] {
  return (db.prepare(`SELECT s.* FROM network_samples s
    JOIN (SELECT code, max(at) AS at FROM network_samples GROUP BY code) newest ON newest.code = s.code AND newest.at = s.at`).all() as SampleRow[]).map(toObservation);
}

/** One link's samples since a moment, oldest first, for its chart. */
export function samplesOf(db: Database.Database, code: string, sinceMs: number): LocalObservation[] {
  return (db.prepare('SELECT * FROM network_samples WHERE code = ? AND at >= ? ORDER BY at').all(code, sinceMs) as SampleRow[]).map(toObservation);
}

export function networkLinks(db: Database.Database): NetworkLink[] {
  return (db.prepare('SELECT body FROM network_links WHERE live = 1 ORDER BY key').all() as { body: string }[]).map((row) => JSON.parse(row.body) as NetworkLink);
}

/** Alarm history entries, newest first, at most `limit`; or every entry of the given alarms. */
export function networkEvents(db: Database.Database, args: { limit: number; alarmIds?: string[] }): NetworkEvent[] {
  const rows = args.alarmIds
    ? db.prepare(`SELECT body FROM network_events WHERE alarm_id IN (SELECT value FROM json_each(?)) AND live = 1`).all(JSON.stringify(args.alarmIds))
    : db.prepare('SELECT body FROM network_events WHERE live = 1 ORDER BY at DESC, key LIMIT ?').all(args.limit);
  return (rows as { body: string }[]).map((row) => JSON.parse(row.body) as NetworkEvent);
}

/** Alarms raised and not cleared: the watcher picks up its open alarms after a restart. */
export function openAlarmEvents(db: Database.Database): NetworkEvent[] {
  return (db.prepare(`SELECT body FROM network_events e WHERE live = 1 AND json_extract(body, '$.kind') = 'raised'
    AND NOT EXISTS (SELECT 1 FROM network_events c WHERE c.alarm_id = e.alarm_id AND json_extract(c.body, '$.kind') = 'cleared')`).all() as { body: string }[])
    .map((row) => JSON.parse(row.body) as NetworkEvent);
}
