import type { EntityName } from '../../../shared/domain/entities.ts';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import type { Store } from '../store/storeClient.ts';

/** A live record by key, or a NOT_FOUND error naming what was missing. */
export async function requireRecord<T>(store: Store, entity: EntityName, key: string, what: string): Promise<T> {
  const record = await store.query('entity.get', { entity, key });
  if (!record) throw new ConsoleError({ code: 'NOT_FOUND', message: `no ${what} with ${entity === 'commandNode' ? 'code' : 'id'} ${key}` });
  return record as T;
}
