import { z } from 'zod';
import { call } from './call.ts';
import { OUTBOX_CONTRACT } from './contracts/outbox.ts';
import { USERS_CONTRACT } from './contracts/users.ts';
import type { Caller } from './roles.ts';
import { AdminCode, LonLat } from '../domain/common.ts';
import type { CommandNode } from '../domain/commandNode.ts';
import type { Boundary } from '../domain/boundary.ts';
import type { HazardTrack } from '../domain/hazardTrack.ts';
import type { Allocation, AllocationStep, StockBalanceView } from '../domain/allocation.ts';
import { AllocationDestination } from '../domain/allocation.ts';
import { RecordId, Timestamp } from '../domain/common.ts';
import type { Depot, Shelter, StockItem, Team } from '../domain/resources.ts';
import type { Incident } from '../domain/incident.ts';
import type { Alert } from '../domain/alert.ts';
import type { StormSummary } from '../hazard/cmaBestTrack.ts';
import type { Coverage, Need, Proposal, ShelterSpace } from '../resources/needsAssessment.ts';
import { IncidentLevel, IncidentType } from '../domain/incident.ts';
import type { ChangeEvent } from '../sync/op.ts';
import { PositionReport, type PositionBatch, type PositionReportResult } from '../domain/position.ts';
import type { NamedArea } from '../domain/namedArea.ts';
import { AreaSave, BasemapAdd, BoundaryImport, OnlineSourceSet, type BasemapInfo, type BoundaryImportResult, type OnlineSourceInfo } from '../map/basemap.ts';
import type { Equipment, Volunteer } from '../domain/forces.ts';
import { EquipmentState } from '../domain/forces.ts';
import type { StockBoardRow } from '../resources/stockBoard.ts';
import { ALERTS_CONTRACT } from './contracts/alerts.ts';
import { POPULATION_CONTRACT } from './contracts/population.ts';
import { NETWORK_CONTRACT } from './contracts/network.ts';
import { SYNC_CONTRACT } from './contracts/sync.ts';
import { CONSULTATION_CONTRACT } from './contracts/consultation.ts';
import { INCIDENTS_CONTRACT } from './contracts/incidents.ts';
import { TASKS_CONTRACT } from './contracts/tasks.ts';
import { STOCK_CONTRACT } from './contracts/stock.ts';
import { WALL_CONTRACT } from './contracts/wall.ts';

/** The role a console plays in the command network. */
export type NodeRole = 'city' | 'district' | 'street';

export interface AppInfo {
  version: string;
  nodeId: string;
  nodeCode: string;
  role: NodeRole;
  /** True while any exercise (演练) record is present: the UI shows the exercise mark. */
  exerciseData: boolean;
  /** Who is signed in on this channel, with their role; null for the core's own calls. */
  user: Caller | null;
}

export type LinkState = 'standalone' | 'online' | 'degraded' | 'offline';

/** The physical channel of a link (sync.md, "Degraded links"). Narrow channels carry only P0, one op per message. */
export type LinkChannel = 'fibre' | 'wireless' | 'beidou' | 'satphone';

/** One sync link as the banner and the Sync view show it. */
export interface LinkStatus {
  /** The peer's node id. */
  peer: string;
  relation: 'parent' | 'child';
  role: NodeRole;
  nodeCode: string;
  state: 'online' | 'degraded' | 'offline' | 'connecting';
  channel: LinkChannel;
  /** Measured on the live connection; null until measured. */
  rttMs: number | null;
  /** Share of pings unanswered over the last minute, 0–1. */
  loss: number | null;
  /** Bytes per second over the last few seconds, both directions. */
  throughputBps: number | null;
  /** Ops this peer has still to receive from us, by priority P0–P4. */
  outbox: number[];
  /** The peer's version vector as it last reported it. */
  vector: Record<string, number>;
  /** ISO time the link last carried anything. */
  lastSeenAt: string | null;
  /** ISO wall time of the newest op received from this peer. */
  newestDataAt: string | null;
  /** The command centre at the other end, by its name in the command tree (null if not known here). */
  centre?: { name: string; nameEn: string | null } | null;
}

export interface SyncAlarm {
  kind: 'divergence' | 'clock' | 'scope' | 'auth' | 'malformed' | 'unreachable';
  peer: string;
  message: string;
  at: string;
}

export interface SyncStatus {
  state: LinkState;
  /** Local ops the parent has not yet acknowledged. */
  outbox: number;
  /** ISO time of the last successful exchange with the parent, or null if never. */
  lastSyncAt: string | null;
  parent: string | null;
  /** Ops waiting for the parent, by priority P0–P4. */
  outboxByPriority: number[];
  /** ISO wall time of the newest op from the parent: how fresh the city's picture is here. */
  newestFromParentAt: string | null;
  links: LinkStatus[];
  /** Ops held because their clock ran more than 5 minutes ahead. */
  quarantined: number;
  alarms: SyncAlarm[];
}

/** Version vector, op count and checksums of every replicated table (`verify`). */
export interface VerifyReport {
  nodeId: string;
  vector: Record<string, number>;
  opCount: number;
  /** Per replicated table, a SHA-256 (hex, first 16 bytes) of its live rows in key order. */
  tables: Record<string, string>;
  checksum: string;
  quarantined: number;
  /** The node code the report is restricted to (a parent checking a child's share), or null. */
  scope: string | null;
}

const Empty = z.object({}).strict();

export const NodeSearch = z.object({
  query: z.string().trim().min(1, 'type at least one character').max(64),
  limit: z.number().int().min(1).max(500).default(100),
}).strict();

export const IncidentReport = z.object({
  title: z.string().trim().min(1, 'a title is required').max(200),
  type: IncidentType,
  level: IncidentLevel,
  nodeCode: AdminCode,
  /** The point picked on the map; without one, the centre of the place's district stands in. */
  location: LonLat.optional(),
  affectedCodes: z.array(AdminCode).max(300).optional(),
  description: z.string().max(4000).optional(),
  exercise: z.boolean().default(false),
}).strict();

/** A hazard-track file as the UI reads it from disk: its name (for messages) and its text. */
export const TrackImport = z.object({
  fileName: z.string().trim().min(1).max(260),
  text: z.string().min(1, 'the file is empty').max(20 * 1024 * 1024, 'the file is larger than 20 MB'),
  /** cmaBestTrack: the CMA text format; geojson: Point fixes (see electron/core/map/trackGeoJson.ts). */
  format: z.enum(['cmaBestTrack', 'geojson']).default('cmaBestTrack'),
}).strict();

export const AllocationRequest = z.object({
  itemId: RecordId,
  quantity: z.number().int().positive('the quantity must be at least 1').max(10_000_000),
  destination: AllocationDestination,
  sourceDepotId: RecordId.optional(),
  expectedArrival: Timestamp.optional(),
  note: z.string().max(500).optional(),
  exercise: z.boolean().default(false),
}).strict();

export const AllocationAdvance = z.object({
  id: RecordId,
  to: z.enum(['committed', 'dispatched', 'received', 'declined', 'returned']),
  sourceDepotId: RecordId.optional(),
  expectedArrival: Timestamp.optional(),
  note: z.string().max(500).optional(),
}).strict();

const ById = z.object({ id: RecordId }).strict();

/** A CSV file as the UI reads it: depots, opening stock or teams. */
export const CsvImport = z.object({
  kind: z.enum(['depots', 'stock', 'teams']),
  fileName: z.string().trim().min(1).max(260),
  text: z.string().min(1, 'the file is empty').max(20 * 1024 * 1024, 'the file is larger than 20 MB'),
  /** Mark the imported records as exercise (演练) data. */
  exercise: z.boolean().default(false),
}).strict();

export const ShelterUpdate = z.object({
  id: RecordId,
  occupancy: z.number().int().min(0, 'occupancy cannot be negative').max(1_000_000).optional(),
  state: z.enum(['closed', 'ready', 'open', 'full']).optional(),
}).strict().refine((value) => value.occupancy !== undefined || value.state !== undefined, 'give the occupancy, the state, or both');

export const AllocationRequests = z.object({ requests: z.array(AllocationRequest).min(1).max(500) }).strict();

export const NeedsQuery = z.object({
  /** Streets or districts affected (12-digit codes)… */
  areaCodes: z.array(AdminCode).min(1).max(300).optional(),
  /** …or an area drawn on the map and saved (its shelters are those inside it). */
  areaId: RecordId.optional(),
  population: z.number().int().min(1, 'the affected population must be at least 1').max(30_000_000),
  days: z.number().int().min(1).max(90).default(3),
  maxDistanceKm: z.number().positive().max(500).default(50),
  /** Draw on depots' minimum reserves too; by default each depot keeps its item's minimum level. */
  releaseReserves: z.boolean().default(false),
}).strict().refine((query) => (query.areaCodes === undefined) !== (query.areaId === undefined), 'give either the affected streets or districts (areaCodes) or a drawn area (areaId), not both');

export interface NeedsAssessment {
  needs: Need[];
  shelters: { count: number; capacity: number; occupancy: number; free: number };
  /** Deliveries proposed, each to one shelter of the area where it has any. */
  proposals: Proposal[];
  coverage: Coverage[];
  /** How the affected population is housed: shelter places, tents, and what is missing. */
  space: ShelterSpace;
  /** Whether depots' minimum reserves were kept out of the proposals. */
  reservesKept: boolean;
}

/** Volunteers to call up (all or none), and what for. */
export const VolunteerCallUp = z.object({
  ids: z.array(RecordId).min(1, 'choose at least one volunteer').max(500),
  reason: z.string().trim().max(200).optional(),
}).strict();

export const VolunteerStandDown = z.object({ ids: z.array(RecordId).min(1, 'choose at least one volunteer').max(500) }).strict();

/** A change of one piece of equipment's state; deploying it names the team that takes it. */
export const EquipmentUpdate = z.object({
  id: RecordId,
  state: EquipmentState,
  teamId: RecordId.optional(),
}).strict();

/** `verify`, whole or restricted to what the node with this code may hold (a parent checking a child's share). */
export const VerifyQuery = z.object({ scope: AdminCode.optional() }).strict();


/**
 * Every ConsoleApi call, declared once. Names are `domain:verb`. The preload, the
 * main-process handler wrapper and the WebSocket transport are generic over this object.
 */
export const CONTRACT = {
  'app:info': call<typeof Empty, AppInfo>(Empty),
  'nodes:list': call<typeof Empty, CommandNode[]>(Empty),
  'nodes:search': call<typeof NodeSearch, CommandNode[]>(NodeSearch),
  'incidents:list': call<typeof Empty, Incident[]>(Empty),
  'incidents:report': call<typeof IncidentReport, Incident>(IncidentReport),
  'alerts:list': call<typeof Empty, Alert[]>(Empty),
  'sync:status': call<typeof Empty, SyncStatus>(Empty),
  'sync:peers': call<typeof Empty, LinkStatus[]>(Empty),
  'sync:verify': call<typeof VerifyQuery, VerifyReport>(VerifyQuery),
  'hazards:importTracks': call<typeof TrackImport, StormSummary[]>(TrackImport),
  'hazards:listTracks': call<typeof Empty, HazardTrack[]>(Empty),
  'map:boundaries': call<typeof Empty, Boundary[]>(Empty),
  'resources:listDepots': call<typeof Empty, Depot[]>(Empty),
  'resources:listShelters': call<typeof Empty, Shelter[]>(Empty),
  'resources:listTeams': call<typeof Empty, Team[]>(Empty),
  'resources:listStockItems': call<typeof Empty, StockItem[]>(Empty),
  'resources:balances': call<typeof Empty, StockBalanceView[]>(Empty),
  'resources:listAllocations': call<typeof Empty, Allocation[]>(Empty),
  'resources:allocationLedger': call<typeof ById, AllocationStep[]>(ById),
  'resources:requestAllocation': call<typeof AllocationRequest, Allocation>(AllocationRequest),
  'resources:advanceAllocation': call<typeof AllocationAdvance, Allocation>(AllocationAdvance),
  'resources:requestAllocations': call<typeof AllocationRequests, Allocation[]>(AllocationRequests),
  'resources:assessNeeds': call<typeof NeedsQuery, NeedsAssessment>(NeedsQuery),
  'resources:updateShelter': call<typeof ShelterUpdate, Shelter>(ShelterUpdate),
  'resources:importCsv': call<typeof CsvImport, { kind: 'depots' | 'stock' | 'teams'; imported: number }>(CsvImport),
  'resources:stockBoard': call<typeof Empty, StockBoardRow[]>(Empty),
  'forces:listEquipment': call<typeof Empty, Equipment[]>(Empty),
  'forces:listVolunteers': call<typeof Empty, Volunteer[]>(Empty),
  'forces:callUpVolunteers': call<typeof VolunteerCallUp, Volunteer[]>(VolunteerCallUp),
  'forces:standDownVolunteers': call<typeof VolunteerStandDown, Volunteer[]>(VolunteerStandDown),
  'forces:updateEquipment': call<typeof EquipmentUpdate, Equipment>(EquipmentUpdate),
  'map:importBoundaries': call<typeof BoundaryImport, BoundaryImportResult>(BoundaryImport),
  'map:listBasemaps': call<typeof Empty, BasemapInfo[]>(Empty),
  'map:addBasemap': call<typeof BasemapAdd, BasemapInfo>(BasemapAdd),
  'map:onlineSource': call<typeof Empty, OnlineSourceInfo>(Empty),
  'map:setOnlineSource': call<typeof OnlineSourceSet, OnlineSourceInfo>(OnlineSourceSet),
  'map:listAreas': call<typeof Empty, NamedArea[]>(Empty),
  'map:saveArea': call<typeof AreaSave, NamedArea>(AreaSave),
  'map:deleteArea': call<typeof ById, { id: string }>(ById),
  'positions:report': call<typeof PositionReport, PositionReportResult>(PositionReport),
  'positions:snapshot': call<typeof Empty, PositionBatch>(Empty),
  // Topic contracts (shared/ipc/contracts/<topic>.ts) are spread below, one line each.
  ...USERS_CONTRACT,
  ...OUTBOX_CONTRACT,
  ...ALERTS_CONTRACT,
  ...POPULATION_CONTRACT,
  ...NETWORK_CONTRACT,
  ...SYNC_CONTRACT,
  ...INCIDENTS_CONTRACT,
  ...TASKS_CONTRACT,
  ...CONSULTATION_CONTRACT,
  ...STOCK_CONTRACT,
  ...WALL_CONTRACT,
};

/** Events pushed to subscribers; a subscription returns its unsubscribe function. */
export interface ConsoleEvents {
  'store:changed': ChangeEvent;
  'sync:status': SyncStatus;
  /** Live positions, coalesced: only each changed entity's newest value. */
  'positions:batch': PositionBatch;
}

export type Contract = typeof CONTRACT;
export type MethodName = keyof Contract;
export type EventName = keyof ConsoleEvents;
export const METHOD_NAMES = Object.keys(CONTRACT) as MethodName[];
export const EVENT_NAMES: readonly EventName[] = ['store:changed', 'sync:status', 'positions:batch'];

export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodArgs<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = NonNullable<Contract[M]['result']>;

type DomainOf<M> = M extends `${infer D}:${string}` ? D : never;
export type Domain = DomainOf<MethodName>;

/** What the renderer sees: `api.nodes.search({ query })`, `api.on('store:changed', fn)`. */
export type ConsoleApi = {
  [D in Domain]: {
    [M in MethodName as M extends `${D}:${infer V}` ? V : never]: (input: MethodInput<M>) => Promise<MethodResult<M>>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: ConsoleEvents[E]) => void): () => void;
};

/** Server side: one handler per call, taking validated arguments. */
export type Handlers = { [M in MethodName]: (args: MethodArgs<M>) => Promise<MethodResult<M>> | MethodResult<M> };

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(CONTRACT, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}
