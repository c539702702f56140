import type { KeyObject } from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { z } from 'zod';
import type { LinkChannel, LinkStatus, SyncAlarm, SyncStatus, VerifyReport } from '../../../shared/ipc/contract.ts';
import { HLC_MAX_DRIFT_MS } from '../../../shared/sync/hlc.ts';
import { NodeId, perPriority } from '../../../shared/sync/wire.ts';
import type { Store } from '../store/storeClient.ts';
import { admitChild, greetParent, HANDSHAKE_MS, Inbox, type Admitted } from './handshake.ts';
import { SyncLink, type PositionFeed } from './syncLink.ts';
import { parsePublicKey, type NodeKeys } from './nodeKeys.ts';
import { QUARANTINE_EXPIRY_MS } from '../store/quarantine.ts';
import { QuarantineDesk } from './quarantineDesk.ts';
import { compareWithChildren } from './divergence.ts';
import { Centres, PARENT_GRACE_MS, parentApart, unreachableAlarm } from './linkReport.ts';

export const SYNC_PATH = '/sync';
export { CLOSE_BAD_HELLO, CLOSE_UNKNOWN_PEER } from './handshake.ts';
/** The largest sync frame a peer may send (a batch is at most 512 KB deflated; this leaves room). */
export const MAX_FRAME_BYTES = 32 * 1024 * 1024;

/** A child this node accepts: what `resilience-console keys --json` prints on the child. */
export const ChildEntry = z.object({
  nodeId: NodeId,
  publicKey: z.string().min(40).max(200),
  role: z.enum(['district', 'street']),
  nodeCode: z.string().regex(/^\d{12}$/),
}).strict();
export type ChildEntry = z.infer<typeof ChildEntry>;


export interface SyncNodeOptions {
  store: Store;
  keys: NodeKeys;
  clock: () => number;
  /** ws://host:port of the parent hub, or null for the top of the tree or a standalone console. */
  parentUrl: string | null;
  /** The parent's public key (base64 SPKI); without it the first key seen is pinned. */
  parentKey?: string | null;
  /** How long a quarantined op waits before it expires unapplied (default 24 h). */
  quarantineExpiryMs?: number;
  /** How long the parent may be out of reach before an alarm is raised (default 30 s). */
  parentGraceMs?: number;
  /** PEM certificate(s) a wss:// parent's certificate must chain to (the organisation's CA). */
  parentCa?: string | null;
  children: ChildEntry[];
  channel?: LinkChannel;
  budgetBytesPerMinute?: number;
  /** How often a parent compares checksums with idle children (0 = never). */
  verifyEveryMs?: number;
  onStatus?: () => void;
  /** The live positions hub: children's positions flow up to their parents. */
  positions?: PositionFeed;
}



/**
 * A node's place in the command network: a client of its parent (reconnecting with backoff)
 * and a hub for its children on the host's /sync endpoint. Children prove their identity with
 * their node key against the parent's list of known children.
 */
export class SyncNode {
  private parentLink: SyncLink | null = null;
  private readonly childLinks = new Map<string, SyncLink>();
  private readonly children = new Map<string, ChildEntry & { key: KeyObject }>();
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  private readonly alarms: SyncAlarm[] = [];
  private lastSyncAt: number | null = null;
  private parentState: 'connecting' | 'online' | 'offline' = 'connecting';
  private closed = false;
  private reconnectDelay = 250;
  private readonly timers: NodeJS.Timeout[] = [];
  private parentSocket: WebSocket | null = null;
  private readonly mismatches = new Map<string, number>();
  /** Each child's clock minus ours at its hello (ms), for the network view (electron/core/network). */
  private readonly clockOffsets = new Map<string, number>();
  /** Since when the parent has been out of reach (from start until the first contact, too); null while linked. */
  private parentDownSince: number | null = Date.now();
  private outageAnnounced = false;
  private readonly centres: Centres;
  /** Ops held because their clock ran ahead: housekeeping and the operator's decisions. */
  readonly quarantine: QuarantineDesk;

  /** The channel the uplink runs on now: set at start (--channel), switched by an operator when a link fails over. */
  private channel: LinkChannel;

  /**
   * The uplink moves to another channel (fibre cut → Beidou, or back to fibre): the link to the
   * parent starts again at once on it, narrow (P0 only, within its budget) or wide as the channel is.
   */
  setChannel(channel: LinkChannel): void {
    if (channel === this.channel) return;
    this.channel = channel;
    this.reconnectDelay = 250;
    this.parentSocket?.terminate();
    this.options.onStatus?.();
  }

  get uplinkChannel(): LinkChannel { return this.channel; }

  constructor(private readonly options: SyncNodeOptions) {
    this.channel = options.channel ?? 'fibre';
    this.centres = new Centres(options.store);
    this.quarantine = new QuarantineDesk(options.store, options.quarantineExpiryMs ?? QUARANTINE_EXPIRY_MS, {
      raise: (kind, peer, message) => this.raise(kind, peer, message),
      wake: () => this.wake(),
      changed: () => this.options.onStatus?.(),
    });
    for (const child of options.children) this.children.set(child.nodeId, { ...child, key: parsePublicKey(child.publicKey) });
  }

  get identity() { return this.options.store.identity; }

  async start(): Promise<void> {
    for (const child of this.children.values()) {
      await this.options.store.sync('putPeer', { peer: child.nodeId, relation: 'child', role: child.role, nodeCode: child.nodeCode, publicKey: child.publicKey });
    }
    if (this.options.parentUrl) {
      this.connectParent();
      this.timers.push(setInterval(() => this.watchParent(), Math.min(5000, this.options.parentGraceMs ?? PARENT_GRACE_MS)));
    }
    // Held ops are looked at every 30 s, or more often when they expire sooner than that.
    this.timers.push(setInterval(() => { void this.quarantine.tidy().catch(() => undefined); }, Math.max(1000, Math.min(30_000, this.quarantine.expiryMs / 2))));
    if (this.options.verifyEveryMs) this.timers.push(setInterval(() => { void this.verifyChildren(); }, this.options.verifyEveryMs));
  }

  /** The parent-unreachable alarm, once the parent has been out of reach past the grace period. */
  private parentAlarm(parent: LinkStatus | null): SyncAlarm[] {
    if (!parent || !this.options.parentUrl) return [];
    const alarm = unreachableAlarm(this.parentDownSince, Date.now(), this.options.parentGraceMs ?? PARENT_GRACE_MS, parent);
    return alarm ? [alarm] : [];
  }

  /** Called every few seconds: the first time an outage passes the grace period, views hear of it and it is audited. */
  private watchParent(): void {
    const since = this.parentDownSince;
    if (since === null || this.outageAnnounced || Date.now() - since < (this.options.parentGraceMs ?? PARENT_GRACE_MS)) return;
    this.outageAnnounced = true;
    void this.options.store.audit(`sync ${this.options.parentUrl ?? ''}`, 'parent unreachable', { since: new Date(since).toISOString() }).catch(() => undefined);
    this.options.onStatus?.();
  }

  /** New local data: every link looks for something to send. */
  wake(): void {
    this.parentLink?.wake();
    for (const link of this.childLinks.values()) link.wake();
  }

  /** The host's upgrade hook: takes /sync connections, leaves the rest. */
  handleUpgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== SYNC_PATH) return false;
    this.wss.handleUpgrade(request, socket, head, (ws) => this.acceptChild(ws, `${request.socket.remoteAddress ?? '?'}:${request.socket.remotePort ?? '?'}`));
    return true;
  }

  async status(): Promise<SyncStatus> {
    const links = await this.links();
    const parent = links.find((link) => link.relation === 'parent') ?? null;
    const quarantine = await this.options.store.sync('quarantineSummary', null);
    const outboxByPriority = parent?.outbox ?? perPriority(0);
    return {
      state: !this.options.parentUrl ? 'standalone' : parent === null || parent.state === 'offline' || parent.state === 'connecting' ? 'offline' : parent.state,
      outbox: outboxByPriority.reduce((a, b) => a + b, 0),
      lastSyncAt: this.lastSyncAt === null ? null : new Date(this.lastSyncAt).toISOString(),
      parent: this.options.parentUrl,
      outboxByPriority,
      newestFromParentAt: parent?.newestDataAt ?? null,
      links,
      quarantined: quarantine.count,
      alarms: [...this.alarms, ...this.parentAlarm(parent)],
    };
  }

  async links(): Promise<LinkStatus[]> {
    const result: LinkStatus[] = [];
    if (this.options.parentUrl) {
      // A link that has closed still knows its peer, when it last heard from it and what waits for it.
      if (this.parentLink) result.push({ ...(await this.parentLink.status()), ...(this.parentLink.isOpen ? {} : { state: this.parentState === 'connecting' ? 'connecting' as const : 'offline' as const }) });
      else result.push(await parentApart(this.options.store, { parentUrl: this.options.parentUrl, state: this.parentState === 'online' ? 'offline' : this.parentState, channel: this.channel }));
    }
    for (const child of this.children.values()) {
      const link = this.childLinks.get(child.nodeId);
      if (link?.isOpen) result.push(await link.status());
      else result.push({
        peer: child.nodeId, relation: 'child', role: child.role, nodeCode: child.nodeCode, state: 'offline', channel: 'fibre',
        rttMs: null, loss: null, throughputBps: null, outbox: perPriority(0), vector: {}, lastSeenAt: null, newestDataAt: null,
      });
    }
    for (const link of result) link.centre = await this.centres.of(link.nodeCode);
    return result;
  }

  /** A child's clock offset from ours as measured at its last hello, or null if it never said hello. */
  clockOffsetOf(peer: string): number | null {
    return this.clockOffsets.get(peer) ?? null;
  }

  verify(scope: string | null = null): Promise<VerifyReport> {
    return this.options.store.sync('verify', scope);
  }

  /**
   * Compares checksums with each idle child: the child's whole store against our share for its
   * scope. A difference while neither side has anything to send is a silent divergence.
   */
  verifyChildren(): Promise<{ peer: string; equal: boolean }[]> {
    return compareWithChildren([...this.childLinks.values()], {
      ours: (code) => this.verify(code),
      mismatches: this.mismatches,
      audit: (peer, detail) => { void this.options.store.audit(`sync ${peer}`, 'divergence detected', detail); },
      raise: (peer, message) => this.raise('divergence', peer, message),
    });
  }

  /** Drops every child connection (the host is closing its port); children reconnect when it returns. */
  dropChildren(): void {
    for (const link of this.childLinks.values()) link.close();
    for (const client of this.wss.clients) client.terminate();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    this.parentLink?.close();
    this.parentSocket?.terminate();
    for (const link of this.childLinks.values()) link.close();
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  // ---- child side: connecting to the parent ----

  private connectParent(): void {
    if (this.closed || !this.options.parentUrl) return;
    const url = new URL(SYNC_PATH, this.options.parentUrl.replace(/^http/, 'ws')).toString();
    const ws = new WebSocket(url, {
      maxPayload: MAX_FRAME_BYTES, handshakeTimeout: HANDSHAKE_MS,
      // wss:// with the organisation's own certificate authority (--parent-ca), never an unchecked certificate.
      ...(this.options.parentCa ? { ca: this.options.parentCa } : {}),
    });
    this.parentSocket = ws;
    const retry = () => {
      if (this.parentSocket === ws) this.parentSocket = null;
      this.parentState = 'offline';
      this.parentDownSince ??= Date.now();
      this.options.onStatus?.();
      if (this.closed) return;
      const delay = this.reconnectDelay * (0.75 + Math.random() * 0.5);
      this.reconnectDelay = Math.min(this.reconnectDelay * 2, 5000);
      setTimeout(() => this.connectParent(), delay);
    };
    ws.once('close', retry);
    ws.on('error', (error) => {
      // A refused TLS certificate is worth an audit row; a parent that is simply down is not.
      if (/certificate|self.signed|SSL|TLS/i.test(error.message)) void this.options.store.audit(`sync ${this.options.parentUrl ?? ''}`, 'parent refused', { reason: error.message.slice(0, 200) }).catch(() => undefined);
    });
    const inbox = new Inbox(ws);
    ws.once('open', () => {
      void (async () => {
        const admitted = await greetParent(ws, inbox, { identity: this.identity, keys: this.options.keys }, {
          pinnedKey: (parentId, offered) => this.pinnedParentKey(parentId, offered),
          cursors: (parentId) => this.options.store.sync('cursors', parentId),
          clock: this.options.clock,
          refuse: (code, reason, detail) => {
            void this.options.store.audit(`sync ${String(detail.nodeId ?? this.options.parentUrl)}`, 'parent refused', { reason, ...detail }).catch(() => undefined);
            this.raise('auth', String(detail.nodeId ?? this.options.parentUrl), reason);
            ws.close(code, reason);
          },
        });
        if (!admitted || this.closed) return;
        const { peer, peerKeyText } = admitted;
        // Pin the parent's key (trust on first use when none was configured) before any data flows.
        await this.options.store.sync('putPeer', { peer: peer.nodeId, relation: 'parent', role: peer.role, nodeCode: peer.nodeCode, publicKey: peerKeyText });
        this.reconnectDelay = 250;
        this.parentState = 'online';
        this.parentDownSince = null;
        this.outageAnnounced = false;
        this.lastSyncAt = Date.now();
        this.parentLink = this.makeLink(ws, inbox, admitted, 'parent', this.channel);
        this.options.onStatus?.();
      })().catch(() => ws.terminate());
    });
  }

  /**
   * The parent's key to trust: the configured --parent-key, else the key pinned on first contact
   * with any parent, whatever id the newcomer claims (a new id does not earn a new pin).
   */
  private async pinnedParentKey(parentId: string, offered: string): Promise<string | null> {
    if (this.options.parentKey) {
      if (this.options.parentKey === offered) return offered;
      void this.options.store.audit(`sync ${parentId}`, 'parent refused', { reason: 'key differs from --parent-key' });
      return null;
    }
    const pinned = (await this.options.store.sync('peers', null)).filter((peer) => peer.relation === 'parent' && peer.publicKey);
    if (pinned.length > 0 && !pinned.some((peer) => peer.publicKey === offered)) {
      void this.options.store.audit(`sync ${parentId}`, 'parent refused', { reason: 'key differs from the pinned key', pinnedFor: pinned.map((peer) => peer.peer) });
      return null;
    }
    return offered;
  }

  // ---- parent side: accepting children ----

  private acceptChild(ws: WebSocket, address: string): void {
    let admitted = false;
    // A socket's error (an unmasked or oversized frame, a reset) ends that socket only.
    ws.on('error', (error: Error & { code?: string }) => {
      void this.options.store.audit(`sync ${address}`, admitted ? 'link dropped: bad frame' : 'connection refused', { reason: error.code ?? error.message.slice(0, 200) }).catch(() => undefined);
      ws.terminate();
    });
    const inbox = new Inbox(ws);
    const refuse = (code: number, reason: string, detail: Record<string, unknown>) => {
      void this.options.store.audit(`sync ${address}`, 'connection refused', { reason, ...detail }).catch(() => undefined);
      this.raise('auth', String(detail.nodeId ?? address), reason);
      if (ws.readyState === ws.OPEN) ws.close(code, reason);
    };
    void (async () => {
      const child = await admitChild(ws, inbox, { identity: this.identity, keys: this.options.keys }, {
        enrolled: (nodeId) => this.children.get(nodeId),
        cursors: (nodeId) => this.options.store.sync('cursors', nodeId),
        refuse,
      });
      if (!child || this.closed) return;
      admitted = true;
      const drift = child.clock - this.options.clock();
      this.clockOffsets.set(child.peer.nodeId, drift);
      if (drift > HLC_MAX_DRIFT_MS) this.raise('clock', child.peer.nodeId, `clock ${Math.round(drift / 60000)} min ahead: its ops will be quarantined`);
      const entry = this.children.get(child.peer.nodeId)!;
      await this.options.store.sync('putPeer', { peer: entry.nodeId, relation: 'child', role: entry.role, nodeCode: entry.nodeCode, publicKey: entry.publicKey });
      this.childLinks.get(entry.nodeId)?.close();
      this.childLinks.set(entry.nodeId, this.makeLink(ws, inbox, child, 'child', 'fibre'));
      this.options.onStatus?.();
    })().catch(() => ws.terminate());
  }

  private makeLink(ws: WebSocket, inbox: Inbox, admitted: Admitted, relation: 'parent' | 'child', channel: LinkChannel): SyncLink {
    const { peer } = admitted;
    const link: SyncLink = new SyncLink(ws, {
      store: this.options.store,
      privateKey: this.options.keys.privateKey,
      peer, peerKeyText: admitted.peerKeyText, control: admitted.control, relation, peerReceived: admitted.received, channel, positions: this.options.positions,
      budgetBytesPerMinute: this.options.budgetBytesPerMinute,
      clock: this.options.clock,
      audit: (action, detail) => { void this.options.store.audit(`sync ${peer.nodeId}`, action, detail).catch(() => undefined); },
      alarm: (kind, message) => this.raise(kind, peer.nodeId, message),
      onVerifyRequest: async () => {
        const report = await this.verify();
        const status = await link.status();
        return { report, pending: status.outbox.reduce((a, b) => a + b, 0) };
      },
      onChange: () => {
        if (relation === 'parent') this.lastSyncAt = Date.now();
        this.options.onStatus?.();
      },
    });
    inbox.handOff((data, isBinary) => link.receive(data, isBinary));
    return link;
  }

  private raise(kind: SyncAlarm['kind'], peer: string, message: string): void {
    const existing = this.alarms.findIndex((alarm) => alarm.kind === kind && alarm.peer === peer);
    const alarm = { kind, peer, message, at: new Date().toISOString() };
    if (existing >= 0) this.alarms[existing] = alarm;
    else this.alarms.push(alarm);
    if (this.alarms.length > 50) this.alarms.shift();
    this.options.onStatus?.();
  }
}

