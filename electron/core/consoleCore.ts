import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppInfo, ConsoleEvents, EventName, Handlers, NodeRole, SyncStatus } from '../../shared/ipc/contract.ts';
import { DEFAULT_REGION_PACK_URL, loadRegionPack } from './seed/regionPack.ts';
import { seedDemoIfEmpty } from './seed/seedDemo.ts';
import { advanceAllocation, requestAllocation, requestAllocations } from './services/allocationService.ts';
import { importCsv } from './services/csvImportService.ts';
import { importCmaTracks } from './services/hazardsService.ts';
import { reportIncident } from './services/incidentsService.ts';
import { assessNeeds } from './services/needsService.ts';
import { updateShelter } from './services/sheltersService.ts';
import { Store } from './store/storeClient.ts';

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
}

/** The console's core, shared by the Electron main process, the browser host and tests. */
export interface ConsoleCore {
  readonly store: Store;
  readonly handlers: Handlers;
  subscribe<E extends EventName>(event: E, listener: (payload: ConsoleEvents[E]) => void): () => void;
  close(): Promise<void>;
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

export async function createConsoleCore(options: ConsoleCoreOptions): Promise<ConsoleCore> {
  const store = await Store.open(options);
  const version = options.version ?? packageVersion();
  if (options.seed ?? true) {
    const packUrl = options.resourcesDir
      ? pathToFileURL(path.join(options.resourcesDir, 'region', 'shanghai-region.json'))
      : DEFAULT_REGION_PACK_URL;
    await seedDemoIfEmpty(store, options.onSeedProgress, () => loadRegionPack(packUrl));
  }
  const listeners: { [E in EventName]: Set<(payload: ConsoleEvents[E]) => void> } = {
    'store:changed': new Set(),
    'sync:status': new Set(),
  };
  const emit = <E extends EventName>(event: E, payload: ConsoleEvents[E]) => {
    for (const listener of listeners[event]) listener(payload);
  };

  const syncStatus = async (): Promise<SyncStatus> => ({
    // Sync to a parent hub arrives with issue 3; until a parent is configured the node is standalone.
    state: 'standalone',
    outbox: 0,
    lastSyncAt: null,
    parent: null,
  });

  const handlers: Handlers = {
    'app:info': async (): Promise<AppInfo> => ({
      version,
      nodeId: store.identity.nodeId,
      nodeCode: store.identity.nodeCode,
      role: store.identity.role,
      exerciseData: await store.query('meta.exercise'),
    }),
    'nodes:list': () => store.query('nodes.list'),
    'nodes:search': (args) => store.query('nodes.search', args),
    'incidents:list': () => store.query('incidents.list'),
    'incidents:report': (args) => reportIncident(store, args),
    'sync:status': syncStatus,
    'hazards:importTracks': (args) => importCmaTracks(store, args.fileName, args.text),
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
    'resources:advanceAllocation': (args) => advanceAllocation(store, args),
    'resources:requestAllocations': (args) => requestAllocations(store, args),
    'resources:assessNeeds': (args) => assessNeeds(store, args),
    'resources:importCsv': (args) => importCsv(store, args),
    'resources:updateShelter': (args) => updateShelter(store, args),
  };

  const stopChanges = store.onChange((changes) => {
    for (const change of changes) emit('store:changed', change);
  });

  return {
    store,
    handlers,
    subscribe(event, listener) {
      listeners[event].add(listener);
      return () => { listeners[event].delete(listener); };
    },
    async close() {
      stopChanges();
      await store.close();
    },
  };
}
