import type { NetworkEvent } from '../domain/network.ts';

/** One alarm of a link, folded from its insert-only history. */
export interface NetworkAlarm {
  alarmId: string;
  code: string;
  severity: 'down' | 'degraded';
  raisedAt: string;
  raisedBy: string;
  acknowledged: { at: string; by: string; note?: string } | null;
  clearedAt: string | null;
  /** open: raised and not cleared. */
  open: boolean;
}

/**
 * Folds event entries into alarms. Entries are insert-only and each kind has its own key, so the
 * result does not depend on the order they arrived in: an acknowledgement stays, whatever
 * re-raise of the same alarm comes after it, and the worst severity raised is kept.
 */
export function foldAlarms(events: readonly NetworkEvent[]): NetworkAlarm[] {
  const alarms = new Map<string, NetworkAlarm>();
  const sorted = [...events].sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at < b.at ? -1 : 1));
  for (const event of sorted) {
    if (event.kind === 'channelSwitched') continue;
    let alarm = alarms.get(event.alarmId);
    if (!alarm) {
      alarm = { alarmId: event.alarmId, code: event.code, severity: event.severity ?? 'down', raisedAt: event.at, raisedBy: event.by, acknowledged: null, clearedAt: null, open: true };
      alarms.set(event.alarmId, alarm);
    }
    if (event.kind === 'raised') {
      if (event.severity === 'down') alarm.severity = 'down';
      if (event.at < alarm.raisedAt) { alarm.raisedAt = event.at; alarm.raisedBy = event.by; }
    } else if (event.kind === 'acknowledged') {
      if (!alarm.acknowledged || event.at < alarm.acknowledged.at || (event.at === alarm.acknowledged.at && event.by < alarm.acknowledged.by)) alarm.acknowledged = { at: event.at, by: event.by, ...(event.note ? { note: event.note } : {}) };
    } else if (event.kind === 'cleared') {
      alarm.clearedAt = alarm.clearedAt === null || event.at < alarm.clearedAt ? event.at : alarm.clearedAt;
    }
  }
  for (const alarm of alarms.values()) alarm.open = alarm.clearedAt === null;
  return [...alarms.values()].sort((a, b) => (a.open !== b.open ? (a.open ? -1 : 1) : b.raisedAt.localeCompare(a.raisedAt)));
}

/**
 * Event keys: one per alarm and kind (and acknowledging node), so the same entry made twice (a
 * re-raise, a second acknowledgement from the same hall) is one record. Insert-only records keep
 * the first body applied, so two writers never share a key.
 */
export const eventKey = (alarmId: string, kind: NetworkEvent['kind'], suffix = '') => `${alarmId}:${kind}${suffix}`;

/** An alarm's id: the node and the moment its episode began (ms), e.g. `net-310101000000-1764583200000`. */
export const alarmIdOf = (code: string, startMs: number) => `net-${code}-${startMs}`;
