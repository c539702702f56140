import type { z } from 'zod';

/**
 * Declares one console call: its argument schema and (as a type only) its result. Topic
 * contracts (`shared/ipc/contracts/<topic>.ts`) use it too and are spread into CONTRACT.
 */
export function call<A extends z.ZodType, R>(input: A): { input: A; result?: R } {
  return { input };
}
