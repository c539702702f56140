import fs from 'node:fs';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index.ts';
import { assertNotNewer, migrate } from './migrate.ts';
import { StoreError } from './storeErrors.ts';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Refuses, before SQLite touches it, a file that exists but is not a SQLite database. */
function checkHeader(file: string): void {
  let handle: number;
  try {
    handle = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new StoreError('DB_IO', `The data file ${file} cannot be read: ${(error as Error).message}`);
  }
  try {
    const header = Buffer.alloc(16);
    const read = fs.readSync(handle, header, 0, 16, 0);
    if (read === 0) return;
    if (read < 16 || !header.equals(SQLITE_HEADER)) {
      throw new StoreError('DB_CORRUPT', `The data file ${file} is damaged or is not a Resilience Console database. `
        + 'It has not been changed. Restore it from a backup, or start with an empty data folder.');
    }
  } finally {
    fs.closeSync(handle);
  }
}

export interface OpenOptions {
  /** FULL (default) means an acknowledged write survives a power cut; see sync.md. */
  synchronous?: 'FULL' | 'NORMAL';
  readonly?: boolean;
}

/** Opens (creating if absent) and migrates a console database, with the pragmas style.md asks for. */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  checkHeader(file);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (error) {
    throw new StoreError('DB_IO', `The data file ${file} cannot be opened: ${(error as Error).message}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new StoreError('DB_CORRUPT', `The data file ${file} failed its integrity check (${String(check)}). It has not been changed.`);
    // Checked before any pragma that writes, so a newer file stays byte-for-byte as it was.
    assertNotNewer(db, MIGRATIONS.length);
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
      db.pragma('foreign_keys = ON');
      migrate(db, MIGRATIONS);
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    const message = (error as Error).message;
    if (/not a database|malformed|file is encrypted/i.test(message)) {
      throw new StoreError('DB_CORRUPT', `The data file ${file} is damaged (${message}). It has not been changed.`);
    }
    if (/locked|busy/i.test(message)) throw new StoreError('DB_LOCKED', `The data file ${file} is in use by another console process.`);
    throw error;
  }
}
