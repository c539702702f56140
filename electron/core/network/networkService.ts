import type { NetworkEvent, NetworkLink } from '../../../shared/domain/network.ts';
import { ImportFileError, importRefusal } from '../../../shared/formats/importFileError.ts';
import type { Handlers } from '../../../shared/ipc/contract.ts';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import { eventKey, foldAlarms } from '../../../shared/network/alarms.ts';
import { buildTopology, isAdminCode, scopeOfNode, statusScope } from '../../../shared/network/topology.ts';
import { parseTopology } from '../../../shared/network/topologyImport.ts';
import { networkView, type LocalObservation, type NetworkView } from '../../../shared/network/view.ts';
import type { Store } from '../store/storeClient.ts';

/** Most points a chart gets: six hours of 5-second samples thinned to one a half-minute. */
const MAX_CHART_POINTS = 720;

/**
 * The network as this node sees it. A running node passes its watcher's live observations; the
 * CLI reads the newest samples the running (or stopped) node left in its data folder.
 */
export async function readNetworkView(store: Store, observations: readonly LocalObservation[] | null, nowMs = Date.now()): Promise<NetworkView> {
  const [nodes, links, local] = await Promise.all([
    store.query('nodes.list'),
    store.query('network.links'),
    observations ? Promise.resolve(observations) : store.query('network.latestSamples'),
  ]);
  return networkView(store.identity.nodeCode, buildTopology(nodes, links), links, local, nowMs);
}

/** Writes topology records as patches of the topology fields only: the measured fields stay as their observers wrote them. */
async function writeTopology(store: Store, links: readonly NetworkLink[]): Promise<void> {
  await store.write(links.map((link) => ({
    entity: 'networkLink' as const, key: link.toCode, kind: 'patch' as const, body: link as unknown as Record<string, unknown>,
    scope: scopeOfNode(link.toCode, link.fromCode ?? null),
  })));
}

async function knownCodes(store: Store): Promise<{ commandCodes: Set<string>; sites: Set<string> }> {
  const [nodes, links] = await Promise.all([store.query('nodes.list'), store.query('network.links')]);
  return { commandCodes: new Set(nodes.map((node) => node.code)), sites: new Set(links.filter((link) => !isAdminCode(link.toCode) && link.name).map((link) => link.toCode)) };
}

export function networkHandlers(store: Store, liveObservations: () => readonly LocalObservation[] | null): Pick<Handlers,
  'network:view' | 'network:alarms' | 'network:acknowledge' | 'network:events' | 'network:samples' | 'network:importTopology' | 'network:editLink'> {
  return {
    'network:view': () => readNetworkView(store, liveObservations()),
    'network:alarms': async (args) => foldAlarms(await store.query('network.events', { limit: args.limit })),
    'network:events': (args) => store.query('network.events', { limit: args.limit }),
    'network:acknowledge': async (args) => {
      const events = await store.query('network.events', { limit: 0, alarmIds: [args.alarmId] });
      const raised = events.find((event) => event.kind === 'raised');
      if (!raised) throw new ConsoleError({ code: 'NOT_FOUND', message: `没有编号为 ${args.alarmId} 的网络告警 / no network alarm ${args.alarmId}` });
      // One entry per acknowledging node: two halls acknowledging at once both keep theirs, and every replica shows the earliest.
      if (events.some((event) => event.kind === 'acknowledged' && event.by === store.identity.nodeId)) return foldAlarms(events)[0]!;
      const entry: NetworkEvent = {
        id: eventKey(args.alarmId, 'acknowledged', `:${store.identity.nodeId}`), alarmId: args.alarmId, kind: 'acknowledged', code: raised.code,
        at: new Date().toISOString(), by: store.identity.nodeId, ...(args.note ? { note: args.note } : {}), exercise: false,
      };
      await store.write([{ entity: 'networkEvent', key: entry.id, kind: 'insert', body: entry as unknown as Record<string, unknown>, scope: statusScope(store.identity.nodeCode) }]);
      const all = await store.query('network.events', { limit: 0, alarmIds: [args.alarmId] });
      return foldAlarms(all)[0]!;
    },
    'network:samples': async (args) => {
      const samples = await store.query('network.samples', { code: args.code, sinceMs: Date.now() - args.hours * 3_600_000 });
      const step = Math.ceil(samples.length / MAX_CHART_POINTS);
      return step <= 1 ? samples : samples.filter((_, index) => index % step === 0 || index === samples.length - 1);
    },
    'network:importTopology': async (args) => {
      const { commandCodes, sites } = await knownCodes(store);
      let links: NetworkLink[];
      try {
        links = parseTopology(args.text, args.format, commandCodes, sites);
      } catch (error) {
        if (!(error instanceof ImportFileError)) throw error;
        void store.audit('network', 'topology import refused', { fileName: args.fileName, reason: error.en.slice(0, 500) });
        throw importRefusal(args.fileName, error);
      }
      await writeTopology(store, links);
      void store.audit('network', 'topology imported', { fileName: args.fileName, nodes: links.length });
      return { imported: links.length };
    },
    'network:editLink': async (args) => {
      const { commandCodes, sites } = await knownCodes(store);
      const { code, kind, ...rest } = args;
      let links: NetworkLink[];
      try {
        links = parseTopology(JSON.stringify([{ code, ...rest, ...(kind ? { kind } : {}) }]), 'json', commandCodes, sites);
      } catch (error) {
        if (!(error instanceof ImportFileError)) throw error;
        throw new ConsoleError({ code: 'INVALID_ARGUMENT', message: `${error.zh.replace(/^第 1 行：/, '')} / ${error.en.replace(/^line 1: /, '')}` });
      }
      await writeTopology(store, links);
      return (await store.query('entity.get', { entity: 'networkLink', key: code })) as NetworkLink;
    },
  };
}
