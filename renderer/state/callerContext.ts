import { createContext, useContext } from 'react';
import type { MethodName } from '../../shared/ipc/contract.ts';
import { mayCall, type Caller } from '../../shared/ipc/roles.ts';

/** The signed-in user, from app:info; null until known. */
export const CallerContext = createContext<Caller | null>(null);

export function useCaller(): Caller | null {
  return useContext(CallerContext);
}

/**
 * Whether the signed-in user may make `method`, from the same table the core checks: controls
 * are offered only to those allowed (the core refuses the rest anyway).
 */
export function useCan(method: MethodName): boolean {
  const caller = useCaller();
  return caller !== null && mayCall(caller.role, method);
}
