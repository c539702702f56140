import type { Task } from '../../../shared/domain/task.ts';
import type { MessageKey } from '../../i18n/messages.ts';

export const statusKey = (status: Task['status']) => `tasks.status.${status}` as MessageKey;
export const unitKindKey = (kind: Task['assigneeKind']) => `tasks.unitKind.${kind ?? 'agency'}` as MessageKey;

/** A datetime-local input's value (Beijing time) as an ISO instant. */
export function beijingLocalToIso(value: string): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(`${value}:00+08:00`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
