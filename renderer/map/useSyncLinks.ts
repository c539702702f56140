import { useEffect, useState } from 'react';
import type { LinkStatus } from '../../shared/ipc/contract.ts';
import { useConsole } from '../state/useConsole.ts';
import { useReloadOnReconnect } from '../state/useLiveQuery.ts';
import { networkMapLinks, type MapLink } from './networkLinks.ts';

/** The rest of the network changes by replicated ops and measurements: read again this often. */
const NETWORK_REFRESH_MS = 5000;

/**
 * The links for the map: this node's own sync links (`sync.peers()` now, and again on every
 * `sync:status` event) and every other uplink of the command network as this node sees it.
 */
export function useSyncLinks(): MapLink[] {
  const { api, transport } = useConsole();
  const [links, setLinks] = useState<MapLink[]>([]);
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
      Promise.all([api.sync.peers({}), api.network.view({}).catch(() => null)]).then(([own, view]: [LinkStatus[], Awaited<ReturnType<typeof api.network.view>> | null]) => {
        if (!disposed) setLinks(view ? networkMapLinks(own, view.rows, view.selfCode) : own);
      }, () => { /* the banner already shows the transport state */ }).finally(() => {
        running = false;
        if (again && !disposed) {
          again = false;
          load();
        }
      });
    };
    const unsubscribe = api.on('sync:status', load);
    const timer = setInterval(load, NETWORK_REFRESH_MS);
    load();
    return () => {
      disposed = true;
      unsubscribe();
      clearInterval(timer);
    };
  }, [api, generation]);

  useReloadOnReconnect(transport, () => setGeneration((value) => value + 1));
  return links;
}
