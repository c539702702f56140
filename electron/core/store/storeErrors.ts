/** Why a data directory could not be opened; each has a message for the duty officer. */
export type StoreErrorCode = 'DB_CORRUPT' | 'DB_NEWER' | 'DB_LOCKED' | 'DB_IO' | 'STORE_CLOSED';

export class StoreError extends Error {
  constructor(readonly code: StoreErrorCode, message: string) {
    super(message);
    this.name = 'StoreError';
  }
}
