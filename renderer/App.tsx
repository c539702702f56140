import { useMemo, useState } from 'react';
import type { ConsoleApi } from '../shared/ipc/contract.ts';
import { AccessError } from './components/AccessError.tsx';
import { ConnectionBanner } from './components/ConnectionBanner.tsx';
import { SideNav, type PanelId } from './components/SideNav.tsx';
import { TopBar } from './components/TopBar.tsx';
import { errorCode } from './i18n/display.ts';
import { CommandTreePanel } from './panels/CommandTreePanel.tsx';
import { IncidentsPanel } from './panels/IncidentsPanel.tsx';
import { MapPanel } from './panels/MapPanel.tsx';
import { ResourcesPanel } from './panels/resources/ResourcesPanel.tsx';
import { AlertsPanel } from './panels/alerts/AlertsPanel.tsx';
import { SyncPanel } from './panels/SyncPanel.tsx';
import { NetworkPanel } from './panels/network/NetworkPanel.tsx';
import { ConsultationPanel } from './panels/consultation/ConsultationPanel.tsx';
import { TasksPanel } from './panels/tasks/TasksPanel.tsx';
import { useLiveQuery } from './state/useLiveQuery.ts';
import { CallerContext } from './state/callerContext.ts';

const loadInfo = (api: ConsoleApi) => api.app.info({});
const loadNodes = (api: ConsoleApi) => api.nodes.list({});

/** The console shell: top bar, connection banner, navigation and the panels. */
export function App() {
  // Any store change can add or clear exercise records, so the mark is re-checked on every one.
  const info = useLiveQuery(loadInfo, '*');
  const nodes = useLiveQuery(loadNodes, ['commandNode']);
  const [panel, setPanel] = useState<PanelId>('commandNetwork');
  // The map loads its layers only once opened, then stays mounted like the other panels.
  const [mapOpened, setMapOpened] = useState(false);
  // Like the map, the resource boards load only once opened.
  const [resourcesOpened, setResourcesOpened] = useState(false);
  // Opening a consultation from an incident hands the incident to the consultation panel.
  const [consultationOpened, setConsultationOpened] = useState(false);
  const [sessionRequest, setSessionRequest] = useState<{ incidentId: string; at: number } | null>(null);
  const select = (next: PanelId) => {
    if (next === 'map') setMapOpened(true);
    if (next === 'resources') setResourcesOpened(true);
    if (next === 'consultation') setConsultationOpened(true);
    setPanel(next);
  };
  const homeCode = info.data?.nodeCode;
  const homeNode = useMemo(() => nodes.data?.find((node) => node.code === homeCode), [nodes.data, homeCode]);

  if (errorCode(info.error) === 'FORBIDDEN' || errorCode(nodes.error) === 'FORBIDDEN') return <AccessError />;

  return (
    <CallerContext.Provider value={info.data?.user ?? null}>
    <div className="shell">
      <TopBar info={info.data} homeNode={homeNode} />
      <ConnectionBanner />
      <div className="shell__body">
        <SideNav current={panel} onSelect={select} />
        {/* The panels stay mounted so the tree's folding and the form's draft survive switching. */}
        <main className="shell__main">
          <div className="shell__panel" hidden={panel !== 'commandNetwork'}>
            <CommandTreePanel nodes={nodes.data} error={nodes.error} homeCode={homeCode} />
          </div>
          <div className="shell__panel" hidden={panel !== 'incidents'}>
            <IncidentsPanel nodes={nodes.data} homeCode={homeCode} exerciseData={info.data?.exerciseData ?? false}
              onOpenSession={(incident) => { setSessionRequest({ incidentId: incident.id, at: Date.now() }); select('consultation'); }} />
          </div>
          {mapOpened && (
            <div className="shell__panel" hidden={panel !== 'map'}>
              <MapPanel />
            </div>
          )}
          {resourcesOpened && (
            <div className="shell__panel" hidden={panel !== 'resources'}>
              <ResourcesPanel nodes={nodes.data} exerciseData={info.data?.exerciseData ?? false} />
            </div>
          )}
          {panel === 'alerts' && (
            <div className="shell__panel">
              <AlertsPanel nodes={nodes.data} exerciseData={info.data?.exerciseData ?? false} />
            </div>
          )}
          {panel === 'tasks' && (
            <div className="shell__panel">
              <TasksPanel nodes={nodes.data} exerciseData={info.data?.exerciseData ?? false} />
            </div>
          )}
          {/* Like the map, the consultation panel stays mounted once opened, so a session's draft survives switching. */}
          {consultationOpened && (
            <div className="shell__panel" hidden={panel !== 'consultation'}>
              <ConsultationPanel nodes={nodes.data} exerciseData={info.data?.exerciseData ?? false} request={sessionRequest} />
            </div>
          )}
          {panel === 'sync' && (
            <div className="shell__panel">
              <SyncPanel />
            </div>
          )}
          {panel === 'network' && <div className="shell__panel"><NetworkPanel /></div>}
        </main>
      </div>
    </div>
    </CallerContext.Provider>
  );
}
