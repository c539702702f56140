import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Reply } from '../../shared/ipc/errors.ts';

export interface RequestMemoryOptions {
  /** How long a reply is remembered (default five minutes). */
  ttlMs?: number;
  /** Most request ids remembered per access token; the oldest go first. */
  maxPerToken?: number;
  now?: () => number;
  /**
   * A file (in the data folder) the answered requests are kept in, so that a write resent to a
   * restarted service is still recognised. Written after each answer, readable only by its owner.
   */
  file?: string;
}

interface Entry {
  at: number;
  reply: Promise<Reply<unknown>>;
  settled?: Reply<unknown>;
}

type Saved = Record<string, Record<string, { at: number; reply: Reply<unknown> }>>;

/** Tokens are kept only as hashes in the file. */
const keyOf = (token: string) => createHash('sha256').update(token).digest('hex').slice(0, 32);

/**
 * The replies to recent writes, by access token and the client's request id, so that a write
 * resent after its reply was lost (the connection dropped in between, or the service restarted)
 * is answered with the first reply instead of being applied twice. A resend that arrives while
 * the first is still running waits for the same reply.
 */
export class RequestMemory {
  private readonly byToken = new Map<string, Map<string, Entry>>();
  private readonly ttlMs: number;
  private readonly maxPerToken: number;
  private readonly now: () => number;

  constructor(private readonly options: RequestMemoryOptions = {}) {
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.maxPerToken = options.maxPerToken ?? 2000;
    this.now = options.now ?? Date.now;
    this.load();
  }

  /** The remembered reply for this request, or runs `perform` once and remembers its reply. */
  once(token: string, requestId: string, perform: () => Promise<Reply<unknown>>): { reply: Promise<Reply<unknown>>; repeated: boolean } {
    const key = keyOf(token);
    let memory = this.byToken.get(key);
    if (!memory) this.byToken.set(key, (memory = new Map()));
    const now = this.now();
    const known = memory.get(requestId);
    if (known && now - known.at < this.ttlMs) return { reply: known.reply, repeated: true };
    // Maps iterate in insertion order, so the oldest entries are first.
    for (const [id, entry] of memory) {
      if (memory.size < this.maxPerToken && now - entry.at < this.ttlMs) break;
      memory.delete(id);
    }
    const entry: Entry = { at: now, reply: perform() };
    memory.set(requestId, entry);
    void entry.reply.then((reply) => {
      entry.settled = reply;
      this.save();
    });
    return { reply: entry.reply, repeated: false };
  }

  private load(): void {
    if (!this.options.file) return;
    let saved: Saved;
    try {
      saved = JSON.parse(fs.readFileSync(this.options.file, 'utf8')) as Saved;
    } catch {
      return; // absent or damaged: start with an empty memory
    }
    const now = this.now();
    for (const [key, entries] of Object.entries(saved)) {
      const memory = new Map<string, Entry>();
      for (const [id, { at, reply }] of Object.entries(entries)) {
        if (typeof at === 'number' && now - at < this.ttlMs && reply && typeof reply.ok === 'boolean') memory.set(id, { at, reply: Promise.resolve(reply), settled: reply });
      }
      if (memory.size) this.byToken.set(key, memory);
    }
  }

  private save(): void {
    if (!this.options.file) return;
    const now = this.now();
    const saved: Saved = {};
    for (const [key, memory] of this.byToken) {
      const entries: Saved[string] = {};
      for (const [id, entry] of memory) if (entry.settled && now - entry.at < this.ttlMs) entries[id] = { at: entry.at, reply: entry.settled };
      saved[key] = entries;
    }
    try {
      const partial = `${this.options.file}.partial`;
      fs.writeFileSync(partial, JSON.stringify(saved), { mode: 0o600 });
      fs.renameSync(partial, this.options.file);
    } catch {
      // A full disk costs the restart case only; the running service still remembers.
    }
  }
}
