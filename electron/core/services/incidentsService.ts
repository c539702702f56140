import { randomUUID } from 'node:crypto';
import type { Incident } from '../../../shared/domain/incident.ts';
import { levelOfCode } from '../../../shared/domain/codes.ts';
import type { MethodArgs } from '../../../shared/ipc/contract.ts';
import type { Store } from '../store/storeClient.ts';
import { requireRecord } from './records.ts';

/** Records a reported incident as one op, after checking its command node exists. */
export async function reportIncident(store: Store, args: MethodArgs<'incidents:report'>, now = new Date()): Promise<Incident> {
  await requireRecord(store, 'commandNode', args.nodeCode, 'command node');
  const incident: Incident = {
    id: `inc-${randomUUID()}`,
    title: args.title,
    type: args.type,
    level: args.level,
    status: 'reported',
    nodeCode: args.nodeCode,
    reportedAt: now.toISOString(),
    exercise: args.exercise,
    ...(args.location ? { location: args.location } : {}),
    ...(args.description ? { description: args.description } : {}),
  };
  await store.write([{
    entity: 'incident', key: incident.id, kind: 'upsert', body: incident,
    scope: levelOfCode(args.nodeCode) === 'city' ? '*' : args.nodeCode,
  }]);
  return incident;
}
