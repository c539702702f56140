import { useContext } from 'react';
import { ConsoleContext, type ConsoleConnection } from './consoleContext.ts';

/** The ConsoleApi and transport state; only valid below ConsoleProvider. */
export function useConsole(): ConsoleConnection {
  const connection = useContext(ConsoleContext);
  if (!connection) throw new Error('useConsole must be used inside <ConsoleProvider>');
  return connection;
}
