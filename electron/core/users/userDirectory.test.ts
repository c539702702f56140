import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { USERS_FILE, UserDirectory } from './userDirectory.ts';

const dirs: string[] = [];
function folder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-users-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => { for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true }); });

describe('UserDirectory', () => {
  it('makes the first administrator from the console\'s token and signs in with it, keeping only a hash', () => {
    const dir = folder();
    const users = new UserDirectory(dir);
    expect(users.authenticate('the-token')).toBeNull();
    const admin = users.ensureAdministrator('the-token');
    expect(admin.role).toBe('admin');
    expect(users.authenticate('the-token')).toEqual(admin);
    expect(users.ensureAdministrator('the-token')).toEqual(admin);
    expect(users.list()).toHaveLength(1);
    const text = fs.readFileSync(path.join(dir, USERS_FILE), 'utf8');
    expect(text).not.toContain('the-token');
    expect(fs.statSync(path.join(dir, USERS_FILE)).mode & 0o777).toBe(0o600);
  });

  it('gives each added user their own token; a rotated or disabled one no longer signs in', () => {
    const users = new UserDirectory(folder());
    users.ensureAdministrator('admin-token');
    const liaison = users.add('王五 (气象局)', 'liaison');
    expect(users.authenticate(liaison.token)).toMatchObject({ name: '王五 (气象局)', role: 'liaison' });
    const rotated = users.rotateToken(liaison.user.id);
    expect(users.authenticate(liaison.token)).toBeNull();
    expect(users.authenticate(rotated.token)?.userId).toBe(liaison.user.id);
    users.update(liaison.user.id, { disabled: true });
    expect(users.authenticate(rotated.token)).toBeNull();
    expect(users.authenticate('')).toBeNull();
  });

  it('never leaves the console without an enabled administrator', () => {
    const users = new UserDirectory(folder());
    const admin = users.ensureAdministrator('admin-token');
    expect(() => users.update(admin.userId, { role: 'duty' })).toThrow(/at least one enabled administrator/);
    expect(() => users.update(admin.userId, { disabled: true })).toThrow(/at least one enabled administrator/);
    const second = users.add('副管理员', 'admin');
    expect(users.update(admin.userId, { role: 'duty' }).role).toBe('duty');
    expect(() => users.update(second.user.id, { disabled: true })).toThrow(/administrator/);
    expect(() => users.update('nobody', { role: 'viewer' })).toThrow(/no user nobody/);
  });

  it('sees a change made by another process (the CLI beside a running console) without a restart', () => {
    const dir = folder();
    const running = new UserDirectory(dir);
    running.ensureAdministrator('admin-token');
    const cli = new UserDirectory(dir);
    const made = cli.add('赵六', 'duty');
    expect(running.authenticate(made.token)?.role).toBe('duty');
  });

  it('refuses a damaged users file with a message that says what to do, rather than letting anyone in', () => {
    const dir = folder();
    fs.writeFileSync(path.join(dir, USERS_FILE), JSON.stringify({ version: 1, users: [{ id: 'x', role: 'god' }] }));
    expect(() => new UserDirectory(dir)).toThrow(/damaged.*backup/);
  });
});
