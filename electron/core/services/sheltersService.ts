import { shelterCapacity, type Shelter } from '../../../shared/domain/resources.ts';
import type { MethodArgs } from '../../../shared/ipc/contract.ts';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import type { Store } from '../store/storeClient.ts';
import { requireRecord } from './records.ts';

/**
 * Updates a shelter's occupancy and opening state as one patch (only those fields, so a
 * concurrent edit of its facilities elsewhere is kept). An open shelter at capacity is marked
 * full, and one that drops below capacity opens again.
 */
export async function updateShelter(store: Store, args: MethodArgs<'resources:updateShelter'>): Promise<Shelter> {
  const current = await requireRecord<Shelter>(store, 'shelter', args.id, 'shelter');
  const occupancy = args.occupancy ?? current.occupancy;
  const capacity = shelterCapacity(current);
  let state = args.state ?? current.state;
  if (state === 'closed' && occupancy > 0) {
    throw new ConsoleError({ code: 'CONFLICT', message: `${current.name} cannot be closed while ${occupancy} people are sheltered there` });
  }
  if (state === 'open' && occupancy >= capacity) state = 'full';
  else if (state === 'full' && occupancy < capacity) state = 'open';
  const patch = { occupancy, state };
  await store.write([{ entity: 'shelter', key: current.id, kind: 'patch', body: patch, scope: current.districtCode }]);
  return { ...current, ...patch };
}
