import { useEffect, useState } from 'react';
import type { LinkStatus } from '../../shared/ipc/contract.ts';
import { useConsole } from '../state/useConsole.ts';
import { useReloadOnReconnect } from '../state/useLiveQuery.ts';

/** This node's sync links for the map: `sync.peers()` now, and again on every `sync:status` event. */
export function useSyncLinks(): LinkStatus[] {
  const { api, transport } = useConsole();
  const [links, setLinks] = useState<LinkStatus[]>([]);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let disposed = false;
    let running = false;
    let again = false;
    // Status events can come several a second on a busy link: one request at a time, the last one repeated.
    const load = () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      api.sync.peers({}).then((next) => {
        if (!disposed) setLinks(next);
      }, () => { /* the banner already shows the transport state */ }).finally(() => {
        running = false;
        if (again && !disposed) {
          again = false;
          load();
        }
      });
    };
    const unsubscribe = api.on('sync:status', load);
    load();
    return () => {
      disposed = true;
      unsubscribe();
    };
  }, [api, generation]);

  useReloadOnReconnect(transport, () => setGeneration((value) => value + 1));
  return links;
}
