import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppInfo, ConsoleEvents, EventName, Handlers, NodeRole, SyncStatus } from '../../shared/ipc/contract.ts';
import { DEFAULT_REGION_PACK_URL, loadRegionPack } from './seed/regionPack.ts';
import { seedDemoIfEmpty } from './seed/seedDemo.ts';
import { ensureRegionBaseline } from './seed/regionBaseline.ts';
import { advanceAllocation, requestAllocation, requestAllocations, stockHandlers } from './services/allocationService.ts';
import { importCsv } from './services/csvImportService.ts';
import { callUpVolunteers, standDownVolunteers, updateEquipment } from './services/forcesService.ts';
import { importCmaTracks, importGeoJsonTracks } from './services/hazardsService.ts';
import { importBoundaries } from './map/geojsonImport.ts';
import { deleteArea, saveArea } from './map/namedAreas.ts';
import { TileService } from './map/tiles.ts';
import { consultationHandlers } from './services/consultationService.ts';
import { incidentHandlers } from './services/incidentsService.ts';
import { taskHandlers } from './services/tasksService.ts';
import { assessNeeds } from './services/needsService.ts';
import { alertsHandlers } from './services/alertsService.ts';
import { updateShelter } from './services/sheltersService.ts';
import { ensureDemoHall, wallHandlers, watchWallRules } from './services/wallService.ts';
import { Store } from './store/storeClient.ts';
import { PositionsHub } from './positions/positionsHub.ts';
import { wallClock } from './sync/clock.ts';
import { loadOrCreateNodeKeys } from './sync/nodeKeys.ts';
import { SyncNode, type ChildEntry } from './sync/syncNode.ts';
import { NetworkWatch } from './network/networkWatch.ts';
import { networkHandlers } from './network/networkService.ts';
import { quarantineHandlers } from './sync/syncApi.ts';
import type { LinkChannel } from '../../shared/ipc/contract.ts';
import { ConsoleError } from '../../shared/ipc/errors.ts';
import type { Caller } from '../../shared/ipc/roles.ts';
import { currentCaller, makeCallGate, type CallGate } from './users/callGate.ts';
import { UserDirectory } from './users/userDirectory.ts';
import { DEFAULT_POPULATION_URL, PopulationTables } from './population/populationTables.ts';

export interface ConsoleCoreOptions {
  dataDir: string;
  role?: NodeRole;
  nodeCode?: string;
  nodeId?: string;
  /** Seed the demo region into an empty store (default true). */
  seed?: boolean;
  synchronous?: 'FULL' | 'NORMAL';
  onSeedProgress?: (done: number, total: number) => void;
  /** Where the shipped resources are (the packaged app passes its own); defaults to the repo's. */
  resourcesDir?: string;
  /** The program's version; defaults to package.json's (the packaged app passes app.getVersion()). */
  version?: string;
  /** Sync with a parent hub and children (sync.md); without it the node runs standalone. */
  sync?: {
    parentUrl?: string | null;
    parentKey?: string | null;
    /** PEM CA a wss:// parent's certificate must chain to. */
    parentCa?: string | null;
    quarantineExpiryMs?: number;
    /** How long the parent may be unreachable before the Sync view raises an alarm (default 30 s). */
    parentGraceMs?: number;
    children?: ChildEntry[];
    channel?: LinkChannel;
    budgetBytesPerMinute?: number;
    verifyEveryMs?: number;
  };
}

/** The console's core, shared by the Electron main process, the browser host and tests. */
export interface ConsoleCore {
  readonly store: Store;
  readonly handlers: Handlers;
  /** Every transport's way in: the caller's role is checked, the call validated, run and audited. */
  readonly call: CallGate;
  /** This console's users and roles (users.json in the data folder). */
  readonly users: UserDirectory;
  /** Base-map tiles (offline MBTiles and the cached online source) for the host's and app://'s /tiles/ route. */
  readonly tiles: TileService;
  /** The node's sync links: the host routes /sync upgrades to it. */
  readonly sync: SyncNode;
  subscribe<E extends EventName>(event: E, listener: (payload: ConsoleEvents[E]) => void): () => void;
  close(): Promise<void>;
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

export async function createConsoleCore(options: ConsoleCoreOptions): Promise<ConsoleCore> {
  const store = await Store.open(options);
  const tiles = new TileService(options.dataDir, { audit: (actor, action, detail) => store.audit(actor, action, detail) });
  const users = new UserDirectory(options.dataDir);
  const population = new PopulationTables(options.dataDir, options.resourcesDir
    ? pathToFileURL(path.join(options.resourcesDir, 'region', 'shanghai-population-2020.csv')) : DEFAULT_POPULATION_URL);
  const version = options.version ?? packageVersion();
  const packUrl = options.resourcesDir
    ? pathToFileURL(path.join(options.resourcesDir, 'region', 'shanghai-region.json'))
    : DEFAULT_REGION_PACK_URL;
  if (options.seed ?? true) {
    await seedDemoIfEmpty(store, options.onSeedProgress, () => loadRegionPack(packUrl));
    await ensureDemoHall(store);
  } else if (options.sync?.parentUrl) {
    // A node with a parent it has never reached still has its region: it works standalone from its first start.
    await ensureRegionBaseline(store, () => loadRegionPack(packUrl));
  }
  const listeners: { [E in EventName]: Set<(payload: ConsoleEvents[E]) => void> } = {
    'store:changed': new Set(),
    'sync:status': new Set(),
    'positions:batch': new Set(),
  };
  const positions = new PositionsHub();
  const emit = <E extends EventName>(event: E, payload: ConsoleEvents[E]) => {
    for (const listener of listeners[event]) listener(payload);
  };

  let statusTimer: NodeJS.Timeout | null = null;
  const sync = new SyncNode({
    store,
    keys: loadOrCreateNodeKeys(options.dataDir),
    clock: wallClock(),
    parentUrl: options.sync?.parentUrl ?? null,
    parentKey: options.sync?.parentKey ?? null,
    parentCa: options.sync?.parentCa ?? null,
    quarantineExpiryMs: options.sync?.quarantineExpiryMs,
    parentGraceMs: options.sync?.parentGraceMs,
    children: options.sync?.children ?? [],
    channel: options.sync?.channel,
    budgetBytesPerMinute: options.sync?.budgetBytesPerMinute,
    verifyEveryMs: options.sync?.verifyEveryMs ?? 60_000,
    onStatus: () => scheduleStatus(),
    positions,
  });
  // Status events are coalesced: at most a few a second, however busy the links are.
  function scheduleStatus(): void {
    if (statusTimer || listeners['sync:status'].size === 0) return;
    statusTimer = setTimeout(() => {
      statusTimer = null;
      void sync.status().then((status) => emit('sync:status', status)).catch(() => undefined);
    }, 250);
  }
  await sync.start();
  const network = new NetworkWatch({
    store, links: () => sync.links(), clockOffsetOf: (peer) => sync.clockOffsetOf(peer),
    hasParent: Boolean(options.sync?.parentUrl), channel: options.sync?.channel ?? 'fibre', onChange: () => scheduleStatus(),
  });
  await network.start();
  const syncStatus = (): Promise<SyncStatus> => sync.status();

  const handlers: Handlers = {
    'app:info': async (): Promise<AppInfo> => ({
      version,
      nodeId: store.identity.nodeId,
      nodeCode: store.identity.nodeCode,
      role: store.identity.role,
      exerciseData: await store.query('meta.exercise'),
      user: currentCaller() ?? null,
    }),
    'nodes:list': () => store.query('nodes.list'),
    'nodes:search': (args) => store.query('nodes.search', args),
    'incidents:list': () => store.query('incidents.list'),
    'alerts:list': () => store.query('alerts.list'),
    'sync:status': syncStatus,
    'sync:peers': () => sync.links(),
    'sync:verify': (args) => sync.verify(args.scope ?? null),
    ...quarantineHandlers(sync),
    'hazards:importTracks': (args) => (args.format === 'geojson' ? importGeoJsonTracks(store, args.fileName, args.text) : importCmaTracks(store, args.fileName, args.text)),
    'hazards:listTracks': () => store.query('hazards.tracks'),
    'map:boundaries': () => store.query('map.boundaries'),
    'resources:listDepots': () => store.query('resources.depots'),
    'resources:listShelters': () => store.query('resources.shelters'),
    'resources:listTeams': () => store.query('resources.teams'),
    'resources:listStockItems': () => store.query('resources.stockItems'),
    'resources:balances': () => store.query('resources.balances'),
    'resources:listAllocations': () => store.query('allocations.list'),
    'resources:allocationLedger': (args) => store.query('allocations.ledger', args),
    'resources:requestAllocation': (args) => requestAllocation(store, args),
    // The ledger line names the person who took the step.
    'resources:advanceAllocation': (args) => advanceAllocation(store, args, new Date(), currentCaller()?.name),
    'resources:requestAllocations': (args) => requestAllocations(store, args),
    'resources:assessNeeds': (args) => assessNeeds(store, args),
    'resources:importCsv': (args) => importCsv(store, args),
    'resources:updateShelter': (args) => updateShelter(store, args),
    'resources:stockBoard': () => store.query('resources.stockBoard'),
    'forces:listEquipment': () => store.query('forces.equipment'),
    'forces:listVolunteers': () => store.query('forces.volunteers'),
    'forces:callUpVolunteers': (args) => callUpVolunteers(store, args),
    'forces:standDownVolunteers': (args) => standDownVolunteers(store, args),
    'forces:updateEquipment': (args) => updateEquipment(store, args),
    'map:importBoundaries': (args) => importBoundaries(store, args),
    'map:listBasemaps': async () => {
      const online = await tiles.online.urlTemplate();
      return [...await tiles.basemaps.list(), ...(online ? [{
        id: 'online', name: new URL(online.replace(/\{[a-z]\}/g, '0')).host, kind: 'online' as const, type: 'raster' as const,
        format: 'png' as const, minZoom: 0, maxZoom: 19, bounds: null, attribution: null,
      }] : [])];
    },
    'map:addBasemap': (args) => tiles.basemaps.add(args.path),
    'map:onlineSource': () => tiles.online.info(),
    'map:setOnlineSource': (args) => tiles.online.setSource(args.urlTemplate, args.capMb, 'api'),
    'map:listAreas': () => store.query('map.areas'),
    'map:saveArea': (args) => saveArea(store, args),
    'map:deleteArea': (args) => deleteArea(store, args.id),
    'positions:report': (args) => positions.report(args),
    'positions:snapshot': () => positions.snapshot(),
    'sync:unsent': async () => (options.sync?.parentUrl ? store.query('sync.unsent') : []),
    'users:me': (): Caller => {
      const caller = currentCaller();
      if (!caller) throw new ConsoleError({ code: 'FORBIDDEN', message: 'no user is signed in on this channel' });
      return caller;
    },
    'users:list': () => users.list(),
    'users:add': (args) => users.add(args.name, args.role),
    'users:update': ({ id, ...change }) => users.update(id, change),
    'users:rotateToken': (args) => users.rotateToken(args.id),
    ...alertsHandlers(store, population),
    'population:table': async () => population.summary(await store.query('nodes.list')),
    'population:import': async (args) => population.import(args, await store.query('nodes.list')),
    ...networkHandlers(store, () => network.observations),
    'network:setChannel': async ({ channel }) => {
      if (!options.sync?.parentUrl) {
        throw new ConsoleError({ code: 'CONFLICT', message: '本节点没有上级链路，无可切换的信道。 / This node has no uplink to a parent, so there is no channel to switch.' });
      }
      const from = sync.uplinkChannel;
      sync.setChannel(channel);
      await network.setChannel(channel);
      const caller = currentCaller();
      await store.audit(caller ? `${caller.name} (${caller.userId})` : store.identity.nodeId, 'uplink channel switched', { from, to: channel });
      return { channel };
    },
    ...incidentHandlers(store),
    ...taskHandlers(store),
    ...consultationHandlers(store),
    ...stockHandlers(store),
    ...wallHandlers(store),
  };
  const stopWallRules = watchWallRules(store);
  const call = makeCallGate(handlers, (actor, action, detail) => store.audit(actor, action, detail));

  // Live positions stay in memory, outside the op log (sync.md: latest value per entity, P3).
  const stopPositions = positions.subscribe((batch) => emit('positions:batch', batch));

  const stopChanges = store.onChange((changes) => {
    for (const change of changes) emit('store:changed', change);
    sync.wake();
    // The outbox grew (a local write) or shrank (an apply): the banner's counts follow.
    scheduleStatus();
  });

  return {
    store,
    handlers,
    call,
    users,
    tiles,
    sync,
    subscribe(event, listener) {
      listeners[event].add(listener);
      return () => { listeners[event].delete(listener); };
    },
    async close() {
      stopPositions();
      stopWallRules();
      positions.close();
      stopChanges();
      if (statusTimer) clearTimeout(statusTimer);
      network.stop();
      await sync.close();
      await tiles.close();
      await store.close();
    },
  };
}
