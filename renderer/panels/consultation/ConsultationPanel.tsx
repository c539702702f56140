import { useMemo, useState } from 'react';
import type { CommandNode } from '../../../shared/domain/commandNode.ts';
import type { ConsoleApi } from '../../../shared/ipc/contract.ts';
import { formatTime } from '../../i18n/display.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useLiveQuery } from '../../state/useLiveQuery.ts';
import { SessionOpenForm } from './SessionOpenForm.tsx';
import { SessionView } from './SessionView.tsx';
import '../incidents/incidents.css';
import './consultation.css';

const loadSessions = (api: ConsoleApi) => api.consultation.list({});
const loadTasks = (api: ConsoleApi) => api.tasks.list({});
const loadIncidents = (api: ConsoleApi) => api.incidents.list({});
const loadAlerts = (api: ConsoleApi) => api.alerts.list({});
const loadBoundaries = (api: ConsoleApi) => api.map.boundaries({});

interface Props {
  nodes: CommandNode[] | undefined;
  exerciseData: boolean;
  /** A request from the incident view to open a session for this incident; its `at` makes each click new. */
  request: { incidentId: string; at: number } | null;
}

/** Consultation sessions: the list, opening one, and the selected session. */
export function ConsultationPanel({ nodes, exerciseData, request }: Props) {
  const { t, locale } = useI18n();
  const sessions = useLiveQuery(loadSessions, ['consultationSession']);
  const tasks = useLiveQuery(loadTasks, ['task']);
  const incidents = useLiveQuery(loadIncidents, ['incident']);
  const alerts = useLiveQuery(loadAlerts, ['alert']);
  const boundaries = useLiveQuery(loadBoundaries, ['boundary']);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState<number | null>(null);
  // A new request from the incident view opens the form for it, once.
  const [seenRequest, setSeenRequest] = useState<number | null>(null);
  if (request && request.at !== seenRequest) {
    setSeenRequest(request.at);
    setCreating(request.at);
  }
  const list = sessions.data ?? [];
  const selected = list.find((session) => session.id === selectedId) ?? (creating === null ? list[0] : undefined);
  const districts = useMemo(() => (nodes ?? []).filter((node) => node.level === 'district'), [nodes]);
  const districtBoundaries = useMemo(() => (boundaries.data ?? []).filter((boundary) => boundary.level === 'district'), [boundaries.data]);

  return (
    <section className="panel" aria-labelledby="consultation-title" data-testid="panel-consultation">
      <div className="panel__header">
        <h2 id="consultation-title" className="panel__title">{t('consultation.title')}</h2>
      </div>
      <div className="panel__split">
        <nav className="sessions" aria-label={t('consultation.sessions')}>
          <button type="button" className="button" data-testid="session-new" onClick={() => { setCreating(Date.now()); setSelectedId(null); }}>{t('consultation.new')}</button>
          {list.length === 0 && <p className="consult-muted">{t('consultation.none')}</p>}
          <ul className="sessions__list" data-testid="session-list">
            {list.map((session) => (
              <li key={session.id}>
                <button type="button" className={`sessions__item${selected?.id === session.id ? ' sessions__item--current' : ''}`} data-testid="session-item"
                  data-session-id={session.id} onClick={() => { setSelectedId(session.id); setCreating(null); }}>
                  <span className="sessions__title">{session.title}</span>
                  <span className="consult-muted">{formatTime(session.startedAt, locale, 'short')} · {t(`consultation.status.${session.status}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div className="sessions__main">
          {/* The form waits for the incidents, so one handed over from the incident view is already chosen. */}
          {creating !== null
            ? incidents.data && <SessionOpenForm key={creating} incidents={incidents.data} alerts={alerts.data ?? []} exercise={exerciseData}
                initialIncidentId={request && request.at === creating ? request.incidentId : null}
                onOpened={(session) => { setCreating(null); setSelectedId(session.id); }} />
            : selected && <SessionView key={selected.id} session={selected} tasks={tasks.data ?? []} boundaries={districtBoundaries} districts={districts} />}
        </div>
      </div>
    </section>
  );
}
