import { z } from 'zod';
import type { MethodName } from './contract.ts';

/**
 * The people of a console and what each may do (issue 10, finding 7):
 * - admin: the centre's administrator — boundaries, basemaps, the online tile source, users, and
 *   everything a duty officer does;
 * - duty: the duty officer — incidents, allocations, shelters, forces, areas drawn on the map;
 * - liaison: an agency liaison joining a consultation — reads everything, reports incidents;
 * - viewer: a wall or a guest screen — reads only.
 */
export const ROLES = ['admin', 'duty', 'liaison', 'viewer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Who is calling: the user behind a token (browser), the desk user (Electron) or the operator at the command line. */
export interface Caller {
  userId: string;
  name: string;
  role: Role;
}

const EVERYONE: readonly Role[] = ROLES;
const REPORTERS: readonly Role[] = ['admin', 'duty', 'liaison'];
const OPERATORS: readonly Role[] = ['admin', 'duty'];
const ADMIN: readonly Role[] = ['admin'];

/**
 * Which roles may make each call: the one table the core checks every call against. Typed over
 * every method, so a new call cannot be added without deciding who may make it.
 */
export const METHOD_ROLES: Record<MethodName, readonly Role[]> = {
  'app:info': EVERYONE,
  'nodes:list': EVERYONE,
  'nodes:search': EVERYONE,
  'incidents:list': EVERYONE,
  'incidents:report': REPORTERS,
  'alerts:list': EVERYONE,
  'sync:status': EVERYONE,
  'sync:peers': EVERYONE,
  'sync:verify': OPERATORS,
  'hazards:importTracks': OPERATORS,
  'hazards:listTracks': EVERYONE,
  'map:boundaries': EVERYONE,
  'resources:listDepots': EVERYONE,
  'resources:listShelters': EVERYONE,
  'resources:listTeams': EVERYONE,
  'resources:listStockItems': EVERYONE,
  'resources:balances': EVERYONE,
  'resources:listAllocations': EVERYONE,
  'resources:allocationLedger': EVERYONE,
  'resources:requestAllocation': OPERATORS,
  'resources:advanceAllocation': OPERATORS,
  'resources:requestAllocations': OPERATORS,
  'resources:assessNeeds': EVERYONE,
  'resources:updateShelter': OPERATORS,
  'resources:importCsv': OPERATORS,
  'resources:stockBoard': EVERYONE,
  'resources:availability': EVERYONE,
  'forces:listEquipment': EVERYONE,
  'forces:listVolunteers': EVERYONE,
  'forces:callUpVolunteers': OPERATORS,
  'forces:standDownVolunteers': OPERATORS,
  'forces:updateEquipment': OPERATORS,
  'map:importBoundaries': ADMIN,
  'map:listBasemaps': EVERYONE,
  'map:addBasemap': ADMIN,
  'map:onlineSource': EVERYONE,
  'map:setOnlineSource': ADMIN,
  'map:listAreas': EVERYONE,
  'map:saveArea': OPERATORS,
  'map:deleteArea': OPERATORS,
  'positions:report': OPERATORS,
  'positions:snapshot': EVERYONE,
  'sync:unsent': EVERYONE,
  'sync:quarantine': EVERYONE,
  'sync:releaseQuarantine': OPERATORS,
  'sync:discardQuarantine': OPERATORS,
  'network:view': EVERYONE,
  // The duty officer moves the uplink to the backup channel when the fibre is cut.
  'network:setChannel': OPERATORS,
  'network:alarms': EVERYONE,
  'network:events': EVERYONE,
  'network:samples': EVERYONE,
  'network:acknowledge': OPERATORS,
  'network:importTopology': ADMIN,
  'network:editLink': ADMIN,
  'incidents:timeline': EVERYONE,
  'incidents:dutyLog': EVERYONE,
  'incidents:setStatus': OPERATORS,
  'incidents:addEntry': REPORTERS,
  'tasks:list': EVERYONE,
  'tasks:history': EVERYONE,
  'tasks:dispatch': OPERATORS,
  // The unit holding a task (an agency's liaison too) moves it forward; verifying it is a duty officer's (checked in the service).
  'tasks:advance': REPORTERS,
  'tasks:reopen': OPERATORS,
  'consultation:list': EVERYONE,
  'consultation:entries': EVERYONE,
  'consultation:minutes': EVERYONE,
  'consultation:open': OPERATORS,
  // Agencies' liaisons record evidence and judgements; a decision needs a duty officer (checked in the service).
  'consultation:record': REPORTERS,
  'consultation:action': OPERATORS,
  'consultation:warning': REPORTERS,
  // An agency's liaison says who of theirs is in the room, as the duty officer does.
  'consultation:attend': REPORTERS,
  'consultation:signOff': OPERATORS,
  'wall:state': EVERYONE,
  'wall:windows': EVERYONE,
  'wall:switch': OPERATORS,
  'wall:acceptProposal': OPERATORS,
  'wall:dismissProposal': OPERATORS,
  'wall:savePreset': ADMIN,
  'wall:deletePreset': ADMIN,
  'wall:setRules': ADMIN,
  'alerts:listByState': EVERYONE,
  'alerts:saveDraft': REPORTERS,
  'alerts:review': OPERATORS,
  'alerts:issue': OPERATORS,
  'alerts:update': OPERATORS,
  'alerts:cancel': OPERATORS,
  'alerts:import': OPERATORS,
  'alerts:export': EVERYONE,
  'alerts:coverage': EVERYONE,
  // The population table is region data, like boundaries: everyone reads it, the administrator replaces it.
  'population:table': EVERYONE,
  'population:import': ADMIN,
  'users:me': EVERYONE,
  'users:list': ADMIN,
  'users:add': ADMIN,
  'users:update': ADMIN,
  'users:rotateToken': ADMIN,
};

/** True when a caller with `role` may make `method`. */
export function mayCall(role: Role, method: MethodName): boolean {
  return METHOD_ROLES[method].includes(role);
}

/**
 * Calls whose success is written to the audit trail too, not only their refusals: every call only
 * an administrator may make (they change the console for everyone).
 */
export function isAuditedOnSuccess(method: MethodName): boolean {
  const roles = METHOD_ROLES[method];
  return roles.length === 1 && roles[0] === 'admin';
}
