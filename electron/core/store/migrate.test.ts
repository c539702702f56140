import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ENTITY_NAMES } from '../../../shared/domain/entities.ts';
import { migrate, type Migration } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { openDatabase } from './openDatabase.ts';
import { StoreError } from './storeErrors.ts';
import { TABLE_OF } from './tables.ts';

const dirs: string[] = [];
const tempFile = (name = 'console.db') => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-migrate-'));
  dirs.push(dir);
  return path.join(dir, name);
};
afterEach(() => { for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true }); });
const digest = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function caught(run: () => unknown): StoreError {
  try {
    run();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected a StoreError');
}

describe('migration runner', () => {
  const steps: Migration[] = [
    { version: 1, name: 'one', up: 'CREATE TABLE a (x INTEGER);' },
    { version: 2, name: 'two', up: 'ALTER TABLE a ADD COLUMN y INTEGER;' },
  ];

  it('applies only the missing steps, each recorded in user_version', () => {
    const db = new Database(':memory:');
    expect(migrate(db, steps.slice(0, 1))).toEqual({ from: 0, to: 1 });
    expect(migrate(db, steps)).toEqual({ from: 1, to: 2 });
    expect(migrate(db, steps)).toEqual({ from: 2, to: 2 });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
  });

  it('rolls a failing step back whole and keeps the previous version', () => {
    const db = new Database(':memory:');
    const broken: Migration[] = [...steps, { version: 3, name: 'broken', up: 'CREATE TABLE b (x); CREATE TABLE a (x);' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'b'").get()).toEqual({ n: 0 });
  });

  it('refuses misnumbered migrations', () => {
    expect(() => migrate(new Database(':memory:'), [{ ...steps[1]!, version: 2 }])).toThrow(/numbered 2, expected 1/);
  });

  it('refuses a database newer than the program and leaves the file unchanged', () => {
    const file = tempFile();
    const db = new Database(file);
    db.exec('CREATE TABLE future (x)');
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    db.close();
    const before = digest(file);
    const error = caught(() => openDatabase(file));
    expect(error.code).toBe('DB_NEWER');
    expect(error.message).toMatch(/newer version of Resilience Console.*has not been changed/);
    expect(digest(file)).toBe(before);
  });

  it('refuses a file that is not a database and never overwrites it', () => {
    const file = tempFile();
    fs.writeFileSync(file, crypto.randomBytes(8192));
    const before = digest(file);
    const error = caught(() => openDatabase(file));
    expect(error.code).toBe('DB_CORRUPT');
    expect(error.message).toMatch(/damaged.*has not been changed/);
    expect(digest(file)).toBe(before);
  });

  it('refuses a database whose pages are damaged', () => {
    const file = tempFile();
    const db = openDatabase(file);
    db.exec('CREATE TABLE filler (x TEXT)');
    const insert = db.prepare('INSERT INTO filler VALUES (?)');
    db.transaction(() => { for (let i = 0; i < 2000; i += 1) insert.run('x'.repeat(200)); })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = fs.readFileSync(file);
    bytes.fill(0xa5, 8192, 8192 + 4096 * 4); // scribble over pages 3–6, keep the header
    fs.writeFileSync(file, bytes);
    const before = digest(file);
    expect(caught(() => openDatabase(file)).code).toBe('DB_CORRUPT');
    expect(digest(file)).toBe(before);
  });

  it('opens a fresh file in WAL mode with full sync and foreign keys, with a table for every entity', () => {
    const db = openDatabase(tempFile());
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name);
    for (const entity of ENTITY_NAMES) expect(tables).toContain(TABLE_OF[entity]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });
});
