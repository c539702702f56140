/**
 * Hybrid logical clock (Kulkarni et al. 2014): 48-bit wall milliseconds and a 16-bit
 * counter, written as 16 hex digits so that string order is time order.
 */
export const HLC_MAX_DRIFT_MS = 5 * 60 * 1000;
const COUNTER_LIMIT = 0xffff;

export interface HlcParts { wallMs: number; counter: number }

export function encodeHlc({ wallMs, counter }: HlcParts): string {
  return wallMs.toString(16).padStart(12, '0') + counter.toString(16).padStart(4, '0');
}

export function decodeHlc(hlc: string): HlcParts {
  if (!/^[0-9a-f]{16}$/.test(hlc)) throw new Error(`malformed HLC timestamp: ${hlc}`);
  return { wallMs: parseInt(hlc.slice(0, 12), 16), counter: parseInt(hlc.slice(12), 16) };
}

/** Thrown when a remote timestamp lies too far in our future to be trusted. */
export class ClockDriftError extends Error {
  constructor(readonly remote: string, readonly driftMs: number) {
    super(`remote clock is ${Math.round(driftMs / 1000)} s ahead of ours (limit ${HLC_MAX_DRIFT_MS / 1000} s)`);
    this.name = 'ClockDriftError';
  }
}

export class HybridClock {
  private last: HlcParts = { wallMs: 0, counter: 0 };

  constructor(private readonly wallClock: () => number = Date.now) {}

  /** A timestamp for a local event, strictly after every one this clock has issued or seen. */
  now(): string {
    const wall = this.wallClock();
    if (wall > this.last.wallMs) this.last = { wallMs: wall, counter: 0 };
    else this.bump();
    return encodeHlc(this.last);
  }

  /** Merges a remote timestamp; refuses (without moving) one more than the drift limit ahead. */
  receive(remote: string): string {
    const theirs = decodeHlc(remote);
    const wall = this.wallClock();
    const drift = theirs.wallMs - wall;
    if (drift > HLC_MAX_DRIFT_MS) throw new ClockDriftError(remote, drift);
    const top = Math.max(wall, this.last.wallMs, theirs.wallMs);
    if (top === this.last.wallMs && top === theirs.wallMs) {
      this.last = { wallMs: top, counter: Math.max(this.last.counter, theirs.counter) };
      this.bump();
    } else if (top === this.last.wallMs) {
      this.bump();
    } else if (top === theirs.wallMs) {
      this.last = { wallMs: top, counter: theirs.counter };
      this.bump();
    } else {
      this.last = { wallMs: top, counter: 0 };
    }
    return encodeHlc(this.last);
  }

  private bump(): void {
    if (this.last.counter >= COUNTER_LIMIT) this.last = { wallMs: this.last.wallMs + 1, counter: 0 };
    else this.last = { wallMs: this.last.wallMs, counter: this.last.counter + 1 };
  }
}
