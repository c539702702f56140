import { randomUUID } from 'node:crypto';
import type { Boundary } from '../../../shared/domain/boundary.ts';
import { incidentMovesForward, type Incident, type IncidentEntry } from '../../../shared/domain/incident.ts';
import { countyCode12, levelOfCode } from '../../../shared/domain/codes.ts';
import type { Handlers, MethodArgs } from '../../../shared/ipc/contract.ts';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import type { OpDraft } from '../../../shared/sync/op.ts';
import { centroidOf } from '../seed/geometry.ts';
import type { Store } from '../store/storeClient.ts';
import { requireRecord } from './records.ts';

/** Ops about a place go to its subtree; the city's own records go everywhere. */
export function scopeOf(nodeCode: string): string {
  return levelOfCode(nodeCode) === 'city' ? '*' : nodeCode;
}

function entryDraft(store: Store, incident: Incident, fields: Omit<IncidentEntry, 'id' | 'incidentId' | 'by' | 'exercise'>): OpDraft {
  const body: IncidentEntry = {
    id: `ince-${randomUUID()}`, incidentId: incident.id, by: store.identity.nodeId, exercise: incident.exercise, ...fields,
  };
  return { entity: 'incidentEntry', key: body.id, kind: 'insert', body, scope: scopeOf(incident.nodeCode) };
}

/**
 * The centre of the place's district (of all districts for a city-level report), standing in
 * when no point was picked on the map.
 */
async function districtCentre(store: Store, nodeCode: string): Promise<Incident['location']> {
  const boundaries = levelOfCode(nodeCode) === 'city'
    ? (await store.query('map.boundaries')).filter((boundary) => boundary.level === 'district')
    : [await store.query('entity.get', { entity: 'boundary', key: countyCode12(nodeCode.slice(0, 6)) }) as Boundary | null].filter((boundary) => boundary !== null);
  if (boundaries.length === 0) return undefined;
  const centres = boundaries.map((boundary) => centroidOf(boundary.geometry.coordinates as [number, number][][][]));
  const lon = centres.reduce((sum, [x]) => sum + x, 0) / centres.length;
  const lat = centres.reduce((sum, [, y]) => sum + y, 0) / centres.length;
  return { lon: Math.round(lon * 1e5) / 1e5, lat: Math.round(lat * 1e5) / 1e5 };
}

/**
 * Records a reported incident and the first line of its timeline, after checking its place
 * exists. Every incident gets a location, so the map shows what the board lists.
 */
export async function reportIncident(store: Store, args: MethodArgs<'incidents:report'>, now = new Date()): Promise<Incident> {
  await requireRecord(store, 'commandNode', args.nodeCode, 'command node');
  for (const code of args.affectedCodes ?? []) await requireRecord(store, 'commandNode', code, 'affected street or district');
  const location = args.location ?? await districtCentre(store, args.nodeCode);
  const at = now.toISOString();
  const incident: Incident = {
    id: `inc-${randomUUID()}`,
    title: args.title,
    type: args.type,
    level: args.level,
    status: 'reported',
    nodeCode: args.nodeCode,
    reportedAt: at,
    exercise: args.exercise,
    ...(location ? { location } : {}),
    ...(args.affectedCodes?.length ? { affectedCodes: [...new Set(args.affectedCodes)] } : {}),
    ...(args.description ? { description: args.description } : {}),
  };
  await store.write([
    { entity: 'incident', key: incident.id, kind: 'upsert', body: incident, scope: scopeOf(args.nodeCode) },
    entryDraft(store, incident, { kind: 'report', text: args.description ? `${incident.title}: ${args.description}` : incident.title, status: 'reported', at }),
  ]);
  return incident;
}

/** Moves an incident forward along its lifecycle, with a timeline entry in the same transaction. */
export async function setIncidentStatus(store: Store, args: MethodArgs<'incidents:setStatus'>, now = new Date()): Promise<Incident> {
  const incident = await requireRecord<Incident>(store, 'incident', args.id, 'incident');
  if (!incidentMovesForward(incident.status, args.to)) {
    throw new ConsoleError({ code: 'CONFLICT', message: `incident ${incident.id} is already ${incident.status}; its status only moves forward, not to ${args.to}` });
  }
  const at = now.toISOString();
  await store.write([
    { entity: 'incident', key: incident.id, kind: 'patch', body: { status: args.to }, scope: scopeOf(incident.nodeCode) },
    entryDraft(store, incident, { kind: 'status', status: args.to, at, ...(args.note ? { text: args.note } : {}) }),
  ]);
  return { ...incident, status: args.to };
}

/** Adds a note to an incident's timeline; a correction must point to an entry of the same incident. */
export async function addIncidentEntry(store: Store, args: MethodArgs<'incidents:addEntry'>, now = new Date()): Promise<IncidentEntry> {
  const incident = await requireRecord<Incident>(store, 'incident', args.incidentId, 'incident');
  if (args.corrects) {
    const corrected = await requireRecord<IncidentEntry>(store, 'incidentEntry', args.corrects, 'timeline entry');
    if (corrected.incidentId !== incident.id) {
      throw new ConsoleError({ code: 'INVALID_ARGUMENT', message: `entry ${args.corrects} belongs to another incident`, issues: [{ path: 'corrects', message: 'the corrected entry belongs to another incident' }] });
    }
  }
  const draft = entryDraft(store, incident, { kind: args.corrects ? 'correction' : 'note', text: args.text, at: now.toISOString(), ...(args.corrects ? { corrects: args.corrects } : {}) });
  await store.write([draft]);
  return draft.body as IncidentEntry;
}

/** The incident calls, for consoleCore's handler table. */
export function incidentHandlers(store: Store): Pick<Handlers, 'incidents:report' | 'incidents:setStatus' | 'incidents:addEntry' | 'incidents:timeline' | 'incidents:dutyLog'> {
  return {
    'incidents:report': (args) => reportIncident(store, args),
    'incidents:setStatus': (args) => setIncidentStatus(store, args),
    'incidents:addEntry': (args) => addIncidentEntry(store, args),
    'incidents:timeline': async (args) => {
      await requireRecord(store, 'incident', args.id, 'incident');
      return store.query('incidents.timeline', args);
    },
    'incidents:dutyLog': (args) => store.query('incidents.dutyLog', args),
  };
}
