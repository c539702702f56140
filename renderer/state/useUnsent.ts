import { useEffect, useMemo } from 'react';
import type { ConsoleApi } from '../../shared/ipc/contract.ts';
import { useConsole } from './useConsole.ts';
import { useLiveQuery } from './useLiveQuery.ts';

const loadUnsent = (api: ConsoleApi) => api.sync.unsent({});

/**
 * The records whose changes the parent centre has not acknowledged yet, as `entity:key`: boards
 * mark them "not yet sent" until the acknowledgement arrives. Reloaded on every store change and
 * on every sync status (an acknowledgement changes the status, not the store).
 */
export function useUnsent(): ReadonlySet<string> {
  const { api } = useConsole();
  const unsent = useLiveQuery(loadUnsent, '*');
  const { reload } = unsent;
  useEffect(() => api.on('sync:status', () => reload()), [api, reload]);
  return useMemo(() => new Set((unsent.data ?? []).map((record) => `${record.entity}:${record.key}`)), [unsent.data]);
}
