import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ConsoleApi } from '../../shared/ipc/contract.ts';
import { ConsoleContext, type TransportState } from './consoleContext.ts';

interface Props {
  api: ConsoleApi;
  /** Reports the transport state now and on every change; returns its unsubscribe. */
  subscribeTransport: (listener: (state: TransportState) => void) => () => void;
  children: ReactNode;
}

/** Hands the ConsoleApi and the live transport state to every screen below it. */
export function ConsoleProvider({ api, subscribeTransport, children }: Props) {
  const [transport, setTransport] = useState<TransportState>('connecting');
  useEffect(() => subscribeTransport(setTransport), [subscribeTransport]);
  const value = useMemo(() => ({ api, transport }), [api, transport]);
  return <ConsoleContext.Provider value={value}>{children}</ConsoleContext.Provider>;
}
