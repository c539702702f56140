import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import { Role, type Caller } from '../../../shared/ipc/roles.ts';
import type { UserInfo, UserWithToken } from '../../../shared/ipc/contracts/users.ts';

/** The users of one console live beside its database, never replicated: a district's staff are its own. */
export const USERS_FILE = 'users.json';

const StoredUser = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: z.string().min(1).max(60),
  role: Role,
  /** SHA-256 of the access token, hex: the token itself is never stored. */
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  disabled: z.boolean(),
  createdAt: z.string(),
});
type StoredUser = z.infer<typeof StoredUser>;
const UsersFile = z.object({ version: z.literal(1), users: z.array(StoredUser).max(10_000) });

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
const newToken = () => randomBytes(24).toString('base64url');

function info(user: StoredUser): UserInfo {
  return { id: user.id, name: user.name, role: user.role, disabled: user.disabled, createdAt: user.createdAt };
}

/**
 * The console's users and their roles, in `users.json` (mode 0600) in the data folder. A token
 * signs in as one user; only its hash is kept. The file is read again whenever it changed on disk,
 * so `resilience-console users …` takes effect on a running console without a restart.
 */
export class UserDirectory {
  private users: StoredUser[] = [];
  private loadedStamp = '';

  constructor(private readonly dataDir: string, private readonly now: () => Date = () => new Date()) {
    this.reload();
  }

  private get file(): string {
    return path.join(this.dataDir, USERS_FILE);
  }

  private reload(): void {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(this.file);
    } catch {
      this.users = [];
      this.loadedStamp = '';
      return;
    }
    const stamp = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    if (stamp === this.loadedStamp) return;
    const parsed = UsersFile.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
    if (!parsed.success) throw new Error(`${this.file} is damaged (${parsed.error.issues[0]?.message ?? 'unreadable'}); restore it from a backup or remove it to start with a new administrator`);
    this.users = parsed.data.users;
    this.loadedStamp = stamp;
  }

  private save(): void {
    const text = `${JSON.stringify({ version: 1, users: this.users }, null, 2)}\n`;
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, text, { mode: 0o600 });
    fs.renameSync(temporary, this.file);
    fs.chmodSync(this.file, 0o600);
    this.loadedStamp = '';
    this.reload();
  }

  /** The user a token signs in as, or null (unknown, or disabled). */
  authenticate(token: string): Caller | null {
    if (!token) return null;
    this.reload();
    const given = Buffer.from(hashToken(token), 'hex');
    const user = this.users.find((candidate) => timingSafeEqual(Buffer.from(candidate.tokenHash, 'hex'), given));
    if (!user || user.disabled) return null;
    return { userId: user.id, name: user.name, role: user.role };
  }

  /**
   * A console's first start: makes sure an administrator exists who signs in with `token` (the
   * access token the console prints). Returns that administrator. An existing user with the token
   * is kept as they are.
   */
  ensureAdministrator(token: string, name = '本机管理员'): Caller {
    const known = this.authenticate(token);
    if (known) return known;
    this.reload();
    const admin: StoredUser = { id: this.freeId('admin'), name, role: 'admin', tokenHash: hashToken(token), disabled: false, createdAt: this.now().toISOString() };
    this.users.push(admin);
    this.save();
    return { userId: admin.id, name: admin.name, role: admin.role };
  }

  /**
   * The console's own administrator: who the data folder's access token (or the desktop console's
   * own screen) signs in as. Made on first use, with no token of its own in this file.
   */
  consoleAdministrator(): Caller {
    return this.firstAdministrator() ?? this.ensureAdministrator(randomBytes(32).toString('base64url'));
  }

  /** The first enabled administrator. */
  firstAdministrator(): Caller | null {
    this.reload();
    const admin = this.users.find((user) => user.role === 'admin' && !user.disabled);
    return admin ? { userId: admin.id, name: admin.name, role: admin.role } : null;
  }

  list(): UserInfo[] {
    this.reload();
    return this.users.map(info);
  }

  add(name: string, role: Role): UserWithToken {
    this.reload();
    const token = newToken();
    const user: StoredUser = { id: this.freeId(role), name, role, tokenHash: hashToken(token), disabled: false, createdAt: this.now().toISOString() };
    this.users.push(user);
    this.save();
    return { user: info(user), token };
  }

  update(id: string, change: { name?: string; role?: Role; disabled?: boolean }): UserInfo {
    this.reload();
    const user = this.find(id);
    const after = { ...user, ...Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)) } as StoredUser;
    const adminsLeft = this.users.map((other) => (other.id === id ? after : other)).filter((other) => other.role === 'admin' && !other.disabled);
    if (adminsLeft.length === 0) {
      throw new ConsoleError({ code: 'CONFLICT', message: 'the console must keep at least one enabled administrator' });
    }
    Object.assign(user, after);
    this.save();
    return info(user);
  }

  rotateToken(id: string): UserWithToken {
    this.reload();
    const user = this.find(id);
    const token = newToken();
    user.tokenHash = hashToken(token);
    this.save();
    return { user: info(user), token };
  }

  private find(id: string): StoredUser {
    const user = this.users.find((candidate) => candidate.id === id);
    if (!user) throw new ConsoleError({ code: 'NOT_FOUND', message: `no user ${id} on this console` });
    return user;
  }

  private freeId(base: string): string {
    const taken = new Set(this.users.map((user) => user.id));
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}
