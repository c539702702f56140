import type { Alert } from '../../../shared/domain/alert.ts';
import type { Boundary } from '../../../shared/domain/boundary.ts';
import type { CommandNode } from '../../../shared/domain/commandNode.ts';
import type { ConsultationEntry, ConsultationSession } from '../../../shared/domain/consultation.ts';
import type { Incident } from '../../../shared/domain/incident.ts';
import { taskProgress, type Task } from '../../../shared/domain/task.ts';
import type { Store } from '../store/storeClient.ts';
import { requireRecord } from './records.ts';

/** Everything the minutes of one session show, read from the local replica. */
export interface MinutesData {
  session: ConsultationSession;
  entries: ConsultationEntry[];
  tasks: Task[];
  progress: { total: number; closed: number; overdue: number };
  alerts: Alert[];
  incident: Incident | null;
  placeName: string;
  boundaries: Boundary[];
  generatedAt: Date;
}

export async function minutesData(store: Store, sessionId: string, now = new Date()): Promise<MinutesData> {
  const session = await requireRecord<ConsultationSession>(store, 'consultationSession', sessionId, 'consultation session');
  const entries = await store.query('consultation.entries', { id: sessionId });
  const tasks = (await store.query('tasks.list')).filter((task) => task.sessionId === sessionId).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const alertIds = new Set(entries.flatMap((entry) => (entry.alertId ? [entry.alertId] : [])));
  const alerts = (await store.query('alerts.list')).filter((alert) => alertIds.has(alert.id));
  const incident = session.incidentId ? await store.query('incidents.get', { id: session.incidentId }) : null;
  const node = await store.query('entity.get', { entity: 'commandNode', key: session.nodeCode }) as CommandNode | null;
  const hasEvidence = entries.some((entry) => entry.snapshot);
  return {
    session, entries, tasks, progress: taskProgress(tasks, now), alerts, incident,
    placeName: node?.name ?? session.nodeCode,
    boundaries: hasEvidence ? (await store.query('map.boundaries')).filter((boundary) => boundary.level === 'district') : [],
    generatedAt: now,
  };
}

/** The session to export for `--latest`: the most recently started one. */
export async function latestSessionId(store: Store): Promise<string | null> {
  return (await store.query('consultation.sessions'))[0]?.id ?? null;
}
