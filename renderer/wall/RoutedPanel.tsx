import { useMemo } from 'react';
import type { CommandNode } from '../../shared/domain/commandNode.ts';
import { mapView, type PanelRoute } from '../../shared/wall/routes.ts';
import { CommandTreePanel } from '../panels/CommandTreePanel.tsx';
import { IncidentsPanel } from '../panels/IncidentsPanel.tsx';
import { MapPanel } from '../panels/MapPanel.tsx';
import { ResourcesPanel } from '../panels/resources/ResourcesPanel.tsx';
import { SyncPanel } from '../panels/SyncPanel.tsx';
import { AlertsPanel } from '../panels/alerts/AlertsPanel.tsx';
import { ConsultationPanel } from '../panels/consultation/ConsultationPanel.tsx';
import { NetworkPanel } from '../panels/network/NetworkPanel.tsx';
import { TasksPanel } from '../panels/tasks/TasksPanel.tsx';
import type { MapGivenState } from '../map/mapView.ts';

/** A map's state from its address: `view=lon,lat,zoom`, `layers=a,b`, `basemap=id`. */
export function mapStateOf(params: Record<string, string>): MapGivenState {
  const view = params.view ? mapView(params.view) : null;
  return {
    ...(view ? { center: view.center, zoom: view.zoom } : {}),
    ...(params.layers ? { layers: params.layers.split(',').filter(Boolean) } : {}),
    ...(params.basemap ? { basemap: params.basemap } : {}),
  };
}

/** One panel opened from its address, on its own: a wall cell or a popped-out operator window. */
export function RoutedPanel({ route, nodes, homeCode, exerciseData, nodesError, wall = false }: {
  route: PanelRoute; nodes: CommandNode[] | undefined; nodesError?: unknown; homeCode: string | undefined; exerciseData: boolean; wall?: boolean;
}) {
  const given = useMemo(() => mapStateOf(route.params), [route.params]);
  switch (route.panel) {
    case 'map': return <MapPanel given={given} wall={wall} />;
    case 'incidents': return <IncidentsPanel nodes={nodes} homeCode={homeCode} exerciseData={exerciseData} />;
    case 'tree': return <CommandTreePanel nodes={nodes} error={nodesError ?? null} homeCode={homeCode} />;
    case 'sync': return <SyncPanel />;
    case 'network': return <NetworkPanel />;
    case 'alerts': return <AlertsPanel nodes={nodes} exerciseData={exerciseData} />;
    case 'tasks': return <TasksPanel nodes={nodes} exerciseData={exerciseData} />;
    case 'consultation': return <ConsultationPanel nodes={nodes} exerciseData={exerciseData} request={null} />;
    case 'board': return <ResourcesPanel nodes={nodes} exerciseData={exerciseData} initialTab={route.board ?? 'stock'} {...(route.params.district ? { initialDistrict: route.params.district } : {})} />;
  }
}
