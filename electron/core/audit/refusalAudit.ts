/** Writes one audit line (the store's `audit`, or a test's recorder). */
export type AuditWrite = (actor: string, action: string, detail: Record<string, unknown>) => Promise<void> | void;

export interface RefusalAuditOptions {
  /** Length of one summary window (default one minute). */
  windowMs?: number;
  /** Most distinct sources tracked in one window; past it refusals are counted under one line. */
  maxSources?: number;
  now?: () => number;
}

interface Window {
  actor: string;
  action: string;
  reason: string;
  startedAt: number;
  /** Refusals after the first one written in this window. */
  more: number;
}

/**
 * Refusals from the network, rate-limited: the first refusal per source, action and reason in
 * a window is written with its detail, the rest only counted and written as one summary line
 * when the window ends. A flood of bad connections then costs one fsynced row a minute per
 * source instead of one per attempt, and cannot bury the lines that matter.
 */
export class RefusalAudit {
  private readonly windows = new Map<string, Window>();
  private readonly windowMs: number;
  private readonly maxSources: number;
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout;
  private overflow = 0;

  constructor(private readonly write: AuditWrite, options: RefusalAuditOptions = {}) {
    this.windowMs = options.windowMs ?? 60_000;
    this.maxSources = options.maxSources ?? 1000;
    this.now = options.now ?? Date.now;
    this.timer = setInterval(() => this.flush(false), Math.max(250, Math.floor(this.windowMs / 4)));
    this.timer.unref();
  }

  /** Records one refusal from `source` (an address, not address:port, so reconnects count together). */
  refuse(source: string, actor: string, action: string, detail: Record<string, unknown>): void {
    const reason = typeof detail.reason === 'string' ? detail.reason : '';
    const key = `${source}\u0000${action}\u0000${reason}`;
    const open = this.windows.get(key);
    if (open) {
      open.more += 1;
      return;
    }
    if (this.windows.size >= this.maxSources) {
      this.overflow += 1;
      return;
    }
    this.windows.set(key, { actor, action, reason, startedAt: this.now(), more: 0 });
    this.safeWrite(actor, action, detail);
  }

  /** Writes the summaries of ended windows (all of them when `all`, as on close). */
  flush(all: boolean): void {
    const now = this.now();
    for (const [key, window] of this.windows) {
      if (!all && now - window.startedAt < this.windowMs) continue;
      this.windows.delete(key);
      if (window.more > 0) {
        this.safeWrite(window.actor, `${window.action} (repeated)`, {
          reason: window.reason, count: window.more, seconds: Math.round((now - window.startedAt) / 1000),
        });
      }
    }
    if (this.overflow > 0) {
      this.safeWrite('network', 'refusals from too many sources', { count: this.overflow, seconds: Math.round(this.windowMs / 1000) });
      this.overflow = 0;
    }
  }

  close(): void {
    clearInterval(this.timer);
    this.flush(true);
  }

  private safeWrite(actor: string, action: string, detail: Record<string, unknown>): void {
    try {
      void Promise.resolve(this.write(actor, action, detail)).catch(() => undefined);
    } catch {
      // The audit trail is best effort here: a closed store must not stop the service answering.
    }
  }
}
