import type Database from 'better-sqlite3';
import { StoreError } from './storeErrors.ts';

export interface Migration {
  version: number;
  name: string;
  up: string;
}

/**
 * Brings a database up to the newest migration, one transaction per step, recording each in
 * user_version. Only goes up; a database newer than this program is refused untouched.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[]): { from: number; to: number } {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`migration ${migration.name} is numbered ${migration.version}, expected ${index + 1}`);
  });
  const latest = migrations.length;
  const from = assertNotNewer(db, latest);
  for (const migration of migrations.slice(from)) {
    db.transaction(() => {
      db.exec(migration.up);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return { from, to: latest };
}

/** Refuses a database whose schema is newer than this program knows; returns its version. */
export function assertNotNewer(db: Database.Database, latest: number): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > latest) {
    throw new StoreError('DB_NEWER',
      `This data was written by a newer version of Resilience Console (schema ${version}; this program knows up to ${latest}). `
      + 'Update the console; the data has not been changed.');
  }
  return version;
}
