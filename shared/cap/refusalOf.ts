import { CapError } from './capError.ts';

/**
 * The CapError a reader throws for an input (the CAP readers' tests share it); any other error
 * goes on, and an input read without one is itself the failure.
 */
export function refusalOf(read: () => unknown, what = 'the document'): CapError {
  try {
    read();
  } catch (error) {
    if (error instanceof CapError) return error;
    throw error;
  }
  throw new Error(`${what} was accepted`);
}
