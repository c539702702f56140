import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../shared/ipc/contract.ts';
import { useConsole } from './useConsole.ts';
import { useReloadOnReconnect } from './useLiveQuery.ts';

/** The link to the parent hub: first from `sync.status()`, then from every `sync:status` event. */
export function useSyncStatus(): SyncStatus | undefined {
  const { api, transport } = useConsole();
  const [status, setStatus] = useState<SyncStatus | undefined>(undefined);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let disposed = false;
    const unsubscribe = api.on('sync:status', (next) => {
      if (!disposed) setStatus(next);
    });
    api.sync.status({}).then((next) => {
      if (!disposed) setStatus(next);
    }, () => { /* the banner already shows the transport state */ });
    return () => {
      disposed = true;
      unsubscribe();
    };
  }, [api, generation]);

  useReloadOnReconnect(transport, () => setGeneration((value) => value + 1));
  return status;
}
