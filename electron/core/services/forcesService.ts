import { CALLABLE_STATUSES, Equipment, type Volunteer } from '../../../shared/domain/forces.ts';
import type { Team } from '../../../shared/domain/resources.ts';
import type { MethodArgs } from '../../../shared/ipc/contract.ts';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import type { OpDraft } from '../../../shared/sync/op.ts';
import type { Store } from '../store/storeClient.ts';
import { requireRecord } from './records.ts';

/** The volunteers named, all found, in the order asked; a missing one refuses the whole call. */
async function volunteersNamed(store: Store, ids: readonly string[]): Promise<Volunteer[]> {
  const unique = [...new Set(ids)];
  const found = [];
  for (const id of unique) found.push(await requireRecord<Volunteer>(store, 'volunteer', id, 'volunteer'));
  return found;
}

function refuseStatus(volunteers: readonly Volunteer[], step: string): ConsoleError {
  const named = volunteers.slice(0, 10).map((v) => `${v.name} (${v.id}) is ${v.status}`).join('; ');
  return new ConsoleError({ code: 'CONFLICT', message: `nobody was ${step}: ${named}` });
}

/**
 * Calls up volunteers for an incident or task: all of them or none. Someone already called up,
 * on duty or unavailable is refused by name, so a double click never re-sends a call-up.
 */
export async function callUpVolunteers(store: Store, args: MethodArgs<'forces:callUpVolunteers'>, now = new Date()): Promise<Volunteer[]> {
  const volunteers = await volunteersNamed(store, args.ids);
  const refused = volunteers.filter((v) => !CALLABLE_STATUSES.includes(v.status));
  if (refused.length) throw refuseStatus(refused, 'called up');
  const at = now.toISOString();
  const patch = { status: 'calledUp' as const, calledUpAt: at, ...(args.reason ? { calledUpFor: args.reason } : {}) };
  await store.write(volunteers.map((v): OpDraft => ({ entity: 'volunteer', key: v.id, kind: 'patch', body: patch, scope: v.districtCode })));
  return volunteers.map((v) => ({ ...v, ...patch }));
}

/** Stands volunteers down after a call-up or a shift: all of them or none. */
export async function standDownVolunteers(store: Store, args: MethodArgs<'forces:standDownVolunteers'>): Promise<Volunteer[]> {
  const volunteers = await volunteersNamed(store, args.ids);
  const refused = volunteers.filter((v) => v.status !== 'calledUp' && v.status !== 'onDuty');
  if (refused.length) throw refuseStatus(refused, 'stood down');
  const patch = { status: 'stoodDown' as const };
  await store.write(volunteers.map((v): OpDraft => ({ entity: 'volunteer', key: v.id, kind: 'patch', body: patch, scope: v.districtCode })));
  return volunteers.map((v) => ({ ...v, ...patch }));
}

/**
 * Moves a piece of equipment between ready, deployed, maintenance and out of service.
 * Deploying needs the team that takes it; any other state returns it from its team.
 * Written as the whole record so the team link is cleared, not left behind by a patch.
 */
export async function updateEquipment(store: Store, args: MethodArgs<'forces:updateEquipment'>): Promise<Equipment> {
  const current = await requireRecord<Equipment>(store, 'equipment', args.id, 'equipment');
  if (args.state === 'deployed') {
    if (!args.teamId) throw new ConsoleError({ code: 'INVALID_ARGUMENT', message: `name the team that takes ${current.name} when deploying it`, issues: [{ path: 'teamId', message: 'required when deploying' }] });
    const team = await requireRecord<Team>(store, 'team', args.teamId, 'team');
    if (team.status === 'offline') throw new ConsoleError({ code: 'CONFLICT', message: `${team.name} is offline; equipment cannot be deployed to it` });
    if (current.state === 'outOfService') throw new ConsoleError({ code: 'CONFLICT', message: `${current.name} is out of service; return it to ready after repair first` });
  } else if (args.teamId) {
    throw new ConsoleError({ code: 'INVALID_ARGUMENT', message: 'a team is named only when deploying', issues: [{ path: 'teamId', message: 'only with state deployed' }] });
  }
  const { teamId: _previousTeam, ...rest } = current;
  const next = Equipment.parse({ ...rest, state: args.state, ...(args.state === 'deployed' ? { teamId: args.teamId } : {}) });
  await store.write([{ entity: 'equipment', key: next.id, kind: 'upsert', body: next, scope: next.districtCode }]);
  return next;
}
