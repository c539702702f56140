import { createContext } from 'react';
import type { ConsoleApi } from '../../shared/ipc/contract.ts';

/** The transport's link to the console service (always 'open' under Electron). */
export type TransportState = 'connecting' | 'open' | 'closed';

export interface ConsoleConnection {
  api: ConsoleApi;
  transport: TransportState;
}

export const ConsoleContext = createContext<ConsoleConnection | null>(null);
