import type { Reply } from '../../shared/ipc/errors.ts';

export interface RequestMemoryOptions {
  /** How long a reply is remembered (default five minutes). */
  ttlMs?: number;
  /** Most request ids remembered per access token; the oldest go first. */
  maxPerToken?: number;
  now?: () => number;
}

/**
 * The replies to recent writes, by access token and the client's request id, so that a write
 * resent after its reply was lost (the connection dropped in between) is answered with the
 * first reply instead of being applied twice. A resend that arrives while the first is still
 * running waits for the same reply.
 */
export class RequestMemory {
  private readonly byToken = new Map<string, Map<string, { at: number; reply: Promise<Reply<unknown>> }>>();
  private readonly ttlMs: number;
  private readonly maxPerToken: number;
  private readonly now: () => number;

  constructor(options: RequestMemoryOptions = {}) {
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.maxPerToken = options.maxPerToken ?? 2000;
    this.now = options.now ?? Date.now;
  }

  /** The remembered reply for this request, or runs `perform` once and remembers its reply. */
  once(token: string, requestId: string, perform: () => Promise<Reply<unknown>>): { reply: Promise<Reply<unknown>>; repeated: boolean } {
    let memory = this.byToken.get(token);
    if (!memory) this.byToken.set(token, (memory = new Map()));
    const now = this.now();
    const known = memory.get(requestId);
    if (known && now - known.at < this.ttlMs) return { reply: known.reply, repeated: true };
    // Maps iterate in insertion order, so the oldest entries are first.
    for (const [id, entry] of memory) {
      if (memory.size < this.maxPerToken && now - entry.at < this.ttlMs) break;
      memory.delete(id);
    }
    const reply = perform();
    memory.set(requestId, { at: now, reply });
    return { reply, repeated: false };
  }
}
