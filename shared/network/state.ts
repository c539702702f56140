import type { MeasuredLinkState, NetworkChannel } from '../domain/network.ts';

/** How a node appears to an observer: measured, cut off from its parent, or never heard from. */
export const NODE_STATES = ['up', 'degraded', 'down', 'standalone', 'unknown'] as const;
export type NodeState = (typeof NODE_STATES)[number];

/**
 * Where a link turns degraded or down. Pings go every 2 s, so a link silent for 6 s has missed
 * three; a round trip over 300 ms or one ping in twenty lost is what a duty officer feels as slow.
 */
export const THRESHOLDS = { silentMs: 6_000, degradedRttMs: 300, degradedLoss: 0.05 } as const;

/** Channels that carry only P0 ops, one short message at a time: a link on them is degraded by nature. */
export const NARROW_CHANNELS: ReadonlySet<NetworkChannel> = new Set(['beidou', 'satellitePhone']);

/** What a node measured of one of its own links at one moment. */
export interface LinkMeasure {
  open: boolean;
  /** Wall ms the link last carried anything, or null if it never has. */
  lastSeenMs: number | null;
  rttMs: number | null;
  loss: number | null;
  channel: NetworkChannel;
  /** The link has been heard from before (now or in an earlier run of this node). */
  everHeard: boolean;
}

/** The state a measurement shows; a link never heard from is unknown, not down. */
export function measuredState(measure: LinkMeasure, nowMs: number): MeasuredLinkState | 'unknown' {
  if (!measure.open || measure.lastSeenMs === null || nowMs - measure.lastSeenMs > THRESHOLDS.silentMs) {
    return measure.everHeard || measure.open ? 'down' : 'unknown';
  }
  if (NARROW_CHANNELS.has(measure.channel)) return 'degraded';
  if ((measure.rttMs ?? 0) > THRESHOLDS.degradedRttMs || (measure.loss ?? 0) > THRESHOLDS.degradedLoss) return 'degraded';
  return 'up';
}

/** A node's own state from its uplink's: cut from its parent it runs standalone, still serving its children. */
export function selfState(uplink: MeasuredLinkState | 'unknown' | null): NodeState {
  if (uplink === null) return 'up';
  if (uplink === 'down' || uplink === 'unknown') return 'standalone';
  return uplink;
}

/**
 * Holds back flapping: a new state is committed only once it has been seen continuously for
 * `holdMs`. A link that bounces between up and down faster than that keeps its last committed
 * state, and raises one alarm, not one per bounce.
 */
export class Debouncer<S extends string> {
  private readonly committed = new Map<string, S>();
  private readonly candidate = new Map<string, { state: S; since: number }>();

  constructor(private readonly holdMs: number) {}

  /** Seeds the committed state (from a previous run), without reporting it as a change. */
  seed(key: string, state: S): void {
    this.committed.set(key, state);
  }

  current(key: string): S | undefined {
    return this.committed.get(key);
  }

  /** Feeds one observation; returns the newly committed state, or null when nothing changed. */
  observe(key: string, state: S, nowMs: number): { from: S | undefined; to: S } | null {
    const committed = this.committed.get(key);
    if (committed === state) {
      this.candidate.delete(key);
      return null;
    }
    const pending = this.candidate.get(key);
    if (!pending || pending.state !== state) {
      this.candidate.set(key, { state, since: nowMs });
      if (this.holdMs > 0) return null;
    } else if (nowMs - pending.since < this.holdMs) {
      return null;
    }
    this.candidate.delete(key);
    this.committed.set(key, state);
    return { from: committed, to: state };
  }
}
