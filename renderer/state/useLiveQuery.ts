import { useCallback, useEffect, useRef, useState } from 'react';
import type { EntityName } from '../../shared/domain/entities.ts';
import type { ConsoleApi } from '../../shared/ipc/contract.ts';
import type { TransportState } from './consoleContext.ts';
import { useConsole } from './useConsole.ts';

export interface LiveQuery<T> {
  data: T | undefined;
  /** The last load's failure; cleared by the next success. Earlier data stays shown. */
  error: unknown;
  loading: boolean;
  reload(): void;
}

/** Store changes arrive in bursts (a seed, a sync batch); one reload covers a burst. */
const COALESCE_MS = 60;

/**
 * Loads data through the ConsoleApi and keeps it current: reloads when `store:changed`
 * names one of `entities` ('*' for any), and after the transport comes back from a drop,
 * since events sent while it was down are lost. Overlapping reloads collapse into one.
 */
export function useLiveQuery<T>(load: (api: ConsoleApi) => Promise<T>, entities: readonly EntityName[] | '*'): LiveQuery<T> {
  const { api, transport } = useConsole();
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: null, loading: true });
  const loadRef = useRef(load);
  const reloadRef = useRef<() => void>(() => {});
  const entityKey = entities === '*' ? '*' : [...entities].sort().join(',');

  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    let disposed = false;
    let running = false;
    let again = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        const data = await loadRef.current(api);
        if (!disposed) setState({ data, error: null, loading: false });
      } catch (error) {
        if (!disposed) setState((previous) => ({ ...previous, error, loading: false }));
      } finally {
        running = false;
        if (again && !disposed) {
          again = false;
          void run();
        }
      }
    };
    const schedule = () => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        void run();
      }, COALESCE_MS);
    };
    reloadRef.current = () => void run();
    const wanted = entityKey === '*' ? null : new Set(entityKey.split(','));
    const unsubscribe = api.on('store:changed', (change) => {
      if (!wanted || wanted.has(change.entity)) schedule();
    });
    void run();
    return () => {
      disposed = true;
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [api, entityKey]);

  useReloadOnReconnect(transport, () => reloadRef.current());

  const reload = useCallback(() => reloadRef.current(), []);
  return { ...state, reload };
}

/** Calls `reload` when the transport opens again after having been closed. */
export function useReloadOnReconnect(transport: TransportState, reload: () => void): void {
  const previous = useRef<TransportState>(transport);
  const reloadRef = useRef(reload);
  useEffect(() => {
    reloadRef.current = reload;
  });
  useEffect(() => {
    if (transport === 'open' && previous.current === 'closed') reloadRef.current();
    previous.current = transport;
  }, [transport]);
}
