import type { MeasuredLinkState, NetworkChannel, NetworkEvent, NetworkLink } from '../../../shared/domain/network.ts';
import type { LinkChannel, LinkStatus } from '../../../shared/ipc/contract.ts';
import { alarmIdOf, eventKey } from '../../../shared/network/alarms.ts';
import { Debouncer, measuredState, selfState, type NodeState } from '../../../shared/network/state.ts';
import { statusScope } from '../../../shared/network/topology.ts';
import type { LocalObservation } from '../../../shared/network/view.ts';
import type { OpDraft } from '../../../shared/sync/op.ts';
import type { Store } from '../store/storeClient.ts';

/** The sync layer's names for channels, in the network's words. */
export const CHANNEL_OF: Record<LinkChannel, NetworkChannel> = { fibre: 'fibre', wireless: 'privateWireless', beidou: 'beidou', satphone: 'satellitePhone' };

export interface NetworkWatchOptions {
  store: Store;
  /** This node's sync links now (`SyncNode.links`). */
  links: () => Promise<LinkStatus[]>;
  clockOffsetOf?: (peer: string) => number | null;
  /** Whether this node has a parent to reach (false at the top of the tree or standalone by design). */
  hasParent: boolean;
  /** The channel this node's uplink runs on. */
  channel: LinkChannel;
  now?: () => number;
  tickMs?: number;
  holdMs?: number;
  sampleEveryMs?: number;
  /** After a start, a neighbour not yet reconnected is not called down before this much time has passed. */
  startGraceMs?: number;
  /** Called after a committed change of state (the host pushes a status event). */
  onChange?: () => void;
}

const SELF = '#self';

/**
 * Watches this node's own links and turns their measurements into the network's states. A
 * committed change (held past the debounce) becomes one small P0 op about the link, written by
 * the link's parent, so it travels up the tree to the city; an alarm is raised, escalated or
 * cleared in the same transaction. Raw samples stay here, in the local ring.
 */
export class NetworkWatch {
  private readonly debouncer: Debouncer<NodeState>;
  private readonly openAlarms = new Map<string, { alarmId: string; severity: 'down' | 'degraded' }>();
  /** Neighbours heard from, in this run or (by a state recorded by this node) an earlier one. */
  private readonly everHeard = new Set<string>();
  private readonly seenThisRun = new Set<string>();
  private readonly reportedChannel = new Map<string, NetworkChannel>();
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;
  private lastSampleAt = 0;
  private lastChannelsAt = 0;
  private startedAt = 0;
  private latest: LocalObservation[] = [];
  private readonly now: () => number;

  constructor(private readonly options: NetworkWatchOptions) {
    this.channel = options.channel;
    this.debouncer = new Debouncer(options.holdMs ?? 2000);
    this.now = options.now ?? Date.now;
  }

  private get identity() { return this.options.store.identity; }

  /** What this node measures now, itself included (what the view and `network --json` read). */
  get observations(): readonly LocalObservation[] { return this.latest; }

  /** The channel this node's uplink runs on now. */
  private channel: LinkChannel;

  /** The uplink failed over to another channel (or back): recorded as a switch, with the channel before it. */
  async setChannel(channel: LinkChannel): Promise<void> {
    if (channel === this.channel) return;
    this.channel = channel;
    if (this.options.hasParent) await this.noteOwnChannel((await this.options.store.query('network.links')).find((record) => record.toCode === this.identity.nodeCode));
  }

  async start(): Promise<void> {
    this.startedAt = this.now();
    const records = await this.options.store.query('network.links');
    for (const record of records) {
      if (record.state && record.observedBy === this.identity.nodeId) {
        this.debouncer.seed(record.toCode, record.state);
        this.everHeard.add(record.toCode);
      }
    }
    for (const event of await this.options.store.query('network.openAlarms')) {
      if (event.by === this.identity.nodeId) this.openAlarms.set(event.code, { alarmId: event.alarmId, severity: event.severity ?? 'down' });
    }
    if (this.options.hasParent) await this.noteOwnChannel(records.find((record) => record.toCode === this.identity.nodeCode));
    this.timer = setInterval(() => { void this.tick(); }, this.options.tickMs ?? 1000);
    await this.tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One round: measure every link, commit what held, write what changed, sample now and then. */
  async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const now = this.now();
      const links = await this.options.links();
      // A child just connected may have reported its channel already: read it before judging the link.
      const fresh = links.some((link) => link.relation === 'child' && link.state !== 'offline' && link.state !== 'connecting' && !this.seenThisRun.has(link.nodeCode));
      if (fresh || now - this.lastChannelsAt > 5000) await this.refreshChannels(now);
      const drafts: OpDraft[] = [];
      const observations: LocalObservation[] = [];
      let uplink: MeasuredLinkState | 'unknown' | null = this.options.hasParent ? 'unknown' : null;
      let uplinkChannel: NetworkChannel | null = null;
      for (const link of links) {
        const code = link.nodeCode;
        if (!/^\d{12}$/.test(code)) continue;
        const open = link.state !== 'offline' && link.state !== 'connecting';
        const lastSeenMs = link.lastSeenAt ? Date.parse(link.lastSeenAt) : null;
        if (open) { this.everHeard.add(code); this.seenThisRun.add(code); }
        const channel = link.relation === 'parent' ? CHANNEL_OF[this.channel] : this.reportedChannel.get(code) ?? CHANNEL_OF[link.channel];
        const measured = measuredState({ open, lastSeenMs, rttMs: link.rttMs, loss: link.loss, channel, everHeard: this.everHeard.has(code) }, now);
        // Just started: a neighbour that has not reconnected yet is not called down before the grace is over.
        const waiting = measured === 'down' && !this.seenThisRun.has(code) && now - this.startedAt < (this.options.startGraceMs ?? 8000);
        const change = waiting ? null : this.debouncer.observe(code, measured, now);
        const state = this.debouncer.current(code) ?? (waiting ? 'unknown' : measured);
        if (link.relation === 'parent') { uplink = state as MeasuredLinkState | 'unknown'; uplinkChannel = channel; }
        observations.push({
          code, state, channel: open || link.relation === 'parent' ? channel : null, rttMs: open ? link.rttMs : null, loss: open ? link.loss : null,
          throughputBps: open ? link.throughputBps : null, opsBehind: link.outbox.reduce((a, b) => a + b, 0),
          lastContactAt: lastSeenMs, clockOffsetMs: link.relation === 'child' ? this.options.clockOffsetOf?.(link.peer) ?? null : null, at: now,
        });
        if (change && link.relation === 'child' && change.to !== 'unknown') drafts.push(...this.changeDrafts(code, change.to as MeasuredLinkState, link, lastSeenMs, now));
      }
      const ownChange = this.debouncer.observe(SELF, selfState(uplink), now);
      observations.push({
        code: this.identity.nodeCode, state: this.debouncer.current(SELF) ?? selfState(uplink), channel: uplinkChannel, rttMs: null, loss: null,
        throughputBps: null, opsBehind: null, lastContactAt: null, clockOffsetMs: 0, at: now,
      });
      // The change and its alarm are on disk before the view shows the new state.
      if (drafts.length) await this.options.store.write(drafts);
      this.latest = observations;
      if (drafts.length || ownChange || now - this.lastSampleAt >= (this.options.sampleEveryMs ?? 5000)) {
        this.lastSampleAt = now;
        await this.options.store.query('network.recordSamples', { samples: observations });
      }
      if (drafts.length || ownChange) this.options.onChange?.();
    } catch {
      // A store closing under a tick (shutdown) ends the round; the next tick measures afresh.
    } finally {
      this.ticking = false;
    }
  }

  /** The op about the link's new state, and the alarm entry it raises, escalates or clears. */
  private changeDrafts(code: string, state: MeasuredLinkState, link: LinkStatus, lastSeenMs: number | null, now: number): OpDraft[] {
    const at = new Date(now).toISOString();
    const scope = statusScope(this.identity.nodeCode);
    const body: Partial<NetworkLink> = {
      id: code, toCode: code, state, stateAt: at, observedBy: this.identity.nodeId,
      rttMs: link.rttMs, lastContactAt: lastSeenMs === null ? null : new Date(lastSeenMs).toISOString(), opsBehind: link.outbox.reduce((a, b) => a + b, 0),
    };
    const drafts: OpDraft[] = [{ entity: 'networkLink', key: code, kind: 'patch', body, scope }];
    const open = this.openAlarms.get(code);
    const event = (alarmId: string, kind: NetworkEvent['kind'], suffix: string, extra: Partial<NetworkEvent>): OpDraft => {
      const entry: NetworkEvent = { id: eventKey(alarmId, kind, suffix), alarmId, kind, code, at, by: this.identity.nodeId, exercise: false, ...extra };
      return { entity: 'networkEvent', key: entry.id, kind: 'insert', body: entry as unknown as Record<string, unknown>, scope };
    };
    if (state === 'up') {
      if (open) {
        drafts.push(event(open.alarmId, 'cleared', '', {}));
        this.openAlarms.delete(code);
      }
    } else if (!open) {
      const alarmId = alarmIdOf(code, now);
      drafts.push(event(alarmId, 'raised', '', { severity: state }));
      this.openAlarms.set(code, { alarmId, severity: state });
    } else if (state === 'down' && open.severity === 'degraded') {
      drafts.push(event(open.alarmId, 'raised', '-down', { severity: 'down' }));
      open.severity = 'down';
    }
    return drafts;
  }

  /** Children's own reports of the channel they are on (a child on Beidou is degraded whatever its pings say). */
  private async refreshChannels(now: number): Promise<void> {
    this.lastChannelsAt = now;
    for (const record of await this.options.store.query('network.links')) if (record.channel) this.reportedChannel.set(record.toCode, record.channel);
  }

  /** This node reports the channel its uplink runs on; a change from the last one reported is a switch, an event of its own. */
  private async noteOwnChannel(own: NetworkLink | undefined): Promise<void> {
    const channel = CHANNEL_OF[this.channel];
    if (own?.channel === channel) return;
    const code = this.identity.nodeCode;
    const at = new Date(this.now()).toISOString();
    const scope = statusScope(code);
    const drafts: OpDraft[] = [{ entity: 'networkLink', key: code, kind: 'patch', body: { id: code, toCode: code, channel, channelAt: at }, scope }];
    if (own?.channel) {
      const alarmId = `ch-${code}-${this.now()}`;
      const entry: NetworkEvent = { id: eventKey(alarmId, 'channelSwitched'), alarmId, kind: 'channelSwitched', code, channel, previousChannel: own.channel, at, by: this.identity.nodeId, exercise: false };
      drafts.push({ entity: 'networkEvent', key: entry.id, kind: 'insert', body: entry as unknown as Record<string, unknown>, scope });
    }
    await this.options.store.write(drafts);
  }
}
