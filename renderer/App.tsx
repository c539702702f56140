import { useMemo, useState } from 'react';
import type { ConsoleApi } from '../shared/ipc/contract.ts';
import { formatRoute } from '../shared/wall/routes.ts';
import { AccessError } from './components/AccessError.tsx';
import { ConnectionBanner } from './components/ConnectionBanner.tsx';
import { SideNav, type PanelId } from './components/SideNav.tsx';
import { TopBar } from './components/TopBar.tsx';
import { errorCode } from './i18n/display.ts';
import { useI18n } from './i18n/useI18n.ts';
import { CommandTreePanel } from './panels/CommandTreePanel.tsx';
import { IncidentsPanel } from './panels/IncidentsPanel.tsx';
import { MapPanel } from './panels/MapPanel.tsx';
import { ResourcesPanel } from './panels/resources/ResourcesPanel.tsx';
import { SyncPanel } from './panels/SyncPanel.tsx';
import { useLiveQuery } from './state/useLiveQuery.ts';
import { CallerContext } from './state/callerContext.ts';
import { AlertsPanel } from './panels/alerts/AlertsPanel.tsx';
import { ConsultationPanel } from './panels/consultation/ConsultationPanel.tsx';
import { NetworkPanel } from './panels/network/NetworkPanel.tsx';
import { TasksPanel } from './panels/tasks/TasksPanel.tsx';
import { HallPanel } from './wall/HallPanel.tsx';
import { RoutedPanel } from './wall/RoutedPanel.tsx';
import { useHashRoute } from './wall/useHashRoute.ts';
import { WallWindow } from './wall/WallWindow.tsx';

const loadInfo = (api: ConsoleApi) => api.app.info({});
const loadNodes = (api: ConsoleApi) => api.nodes.list({});

/** The address a desk panel pops out to. */
const POP_OUT: Record<PanelId, string> = {
  commandNetwork: formatRoute({ panel: 'tree', params: {} }),
  incidents: formatRoute({ panel: 'incidents', params: {} }),
  map: formatRoute({ panel: 'map', params: {} }),
  resources: formatRoute({ panel: 'board', board: 'stock', params: {} }),
  sync: formatRoute({ panel: 'sync', params: {} }),
  network: formatRoute({ panel: 'network', params: {} }),
  alerts: formatRoute({ panel: 'alerts', params: {} }),
  tasks: formatRoute({ panel: 'tasks', params: {} }),
  consultation: formatRoute({ panel: 'consultation', params: {} }),
  wall: '',
};

/**
 * The console: a wall window (`#/wall?hall=…&display=…`), one panel on its own (`#/map?…`, a
 * popped-out operator window), or the desk shell with its navigation.
 */
export function App() {
  // Any store change can add or clear exercise records, so the mark is re-checked on every one.
  const info = useLiveQuery(loadInfo, '*');
  const nodes = useLiveQuery(loadNodes, ['commandNode']);
  const { route } = useHashRoute();
  if (errorCode(info.error) === 'FORBIDDEN' || errorCode(nodes.error) === 'FORBIDDEN') return <AccessError />;
  return (
    <CallerContext.Provider value={info.data?.user ?? null}>
      {route && 'wall' in route
        ? <WallWindow hall={route.wall.hall} display={route.wall.display} nodes={nodes.data} info={info.data} />
        : <Desk route={route} info={info} nodes={nodes} />}
    </CallerContext.Provider>
  );
}

function Desk({ route, info, nodes }: { route: ReturnType<typeof useHashRoute>['route']; info: ReturnType<typeof useLiveQuery<Awaited<ReturnType<typeof loadInfo>>>>; nodes: ReturnType<typeof useLiveQuery<Awaited<ReturnType<typeof loadNodes>>>> }) {
  const { t } = useI18n();
  const [panel, setPanel] = useState<PanelId>('commandNetwork');
  // The map and the boards load only once opened, then stay mounted like the other panels.
  const [opened, setOpened] = useState<ReadonlySet<PanelId>>(() => new Set(['commandNetwork', 'incidents']));
  // Opening a consultation from an incident hands the incident to the consultation panel.
  const [sessionRequest, setSessionRequest] = useState<{ incidentId: string; at: number } | null>(null);
  const select = (next: PanelId) => {
    setOpened((current) => (current.has(next) ? current : new Set([...current, next])));
    setPanel(next);
  };
  const homeCode = info.data?.nodeCode;
  const homeNode = useMemo(() => nodes.data?.find((node) => node.code === homeCode), [nodes.data, homeCode]);

  if (route && !('wall' in route)) {
    return (
      <div className="shell">
        <TopBar info={info.data} homeNode={homeNode} />
        <ConnectionBanner />
        <main className="shell__main shell__main--alone" data-testid="routed-panel" data-panel={route.panel}>
          <div className="shell__panel"><RoutedPanel route={route} nodes={nodes.data} nodesError={nodes.error} homeCode={homeCode} exerciseData={info.data?.exerciseData ?? false} /></div>
        </main>
      </div>
    );
  }

  const popOut = POP_OUT[panel] ? (
    <button type="button" className="button button--small side-nav__pop" data-testid="pop-out" title={t('wall.popOut')}
      onClick={() => window.open(POP_OUT[panel], `panel-${panel}`, 'popup,width=1280,height=800')}>{t('wall.popOut')}</button>
  ) : null;
  return (
    <div className="shell">
      <TopBar info={info.data} homeNode={homeNode} />
      <ConnectionBanner />
      <div className="shell__body">
        <SideNav current={panel} onSelect={select} footer={popOut} />
        {/* The panels stay mounted so the tree's folding and the form's draft survive switching. */}
        <main className="shell__main">
          <div className="shell__panel" hidden={panel !== 'commandNetwork'}>
            <CommandTreePanel nodes={nodes.data} error={nodes.error} homeCode={homeCode} />
          </div>
          <div className="shell__panel" hidden={panel !== 'incidents'}>
            <IncidentsPanel nodes={nodes.data} homeCode={homeCode} exerciseData={info.data?.exerciseData ?? false}
              onOpenSession={(incident) => { setSessionRequest({ incidentId: incident.id, at: Date.now() }); select('consultation'); }} />
          </div>
          {opened.has('map') && (
            <div className="shell__panel" hidden={panel !== 'map'}>
              <MapPanel />
            </div>
          )}
          {opened.has('resources') && (
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
          {opened.has('consultation') && (
            <div className="shell__panel" hidden={panel !== 'consultation'}>
              <ConsultationPanel nodes={nodes.data} exerciseData={info.data?.exerciseData ?? false} request={sessionRequest} />
            </div>
          )}
          {panel === 'network' && <div className="shell__panel"><NetworkPanel /></div>}
          {panel === 'sync' && (
            <div className="shell__panel">
              <SyncPanel />
            </div>
          )}
          {panel === 'wall' && (
            <div className="shell__panel">
              <HallPanel />
            </div>
          )}
        </main>
      </div>
    </div>
  );
}
