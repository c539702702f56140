import { randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { z } from 'zod';
import type { LinkChannel, LinkStatus, NodeRole, SyncAlarm, SyncStatus, VerifyReport } from '../../../shared/ipc/contract.ts';
import { HLC_MAX_DRIFT_MS } from '../../../shared/sync/hlc.ts';
import { NodeId } from '../../../shared/sync/op.ts';
import type { Store } from '../store/storeClient.ts';
import { LANE_COUNT, SyncLink, type PositionFeed } from './syncLink.ts';
import { parsePublicKey, type NodeKeys } from './nodeKeys.ts';

export const SYNC_PATH = '/sync';
/** Close codes: the peer is not known or failed to prove who it is; the hello was malformed. */
export const CLOSE_UNKNOWN_PEER = 4403;
export const CLOSE_BAD_HELLO = 4400;
const HANDSHAKE_MS = 10_000;

/** A child this node accepts: what `resilience-console keys --json` prints on the child. */
export const ChildEntry = z.object({
  nodeId: NodeId,
  publicKey: z.string().min(40).max(200),
  role: z.enum(['district', 'street']),
  nodeCode: z.string().regex(/^\d{12}$/),
}).strict();
export type ChildEntry = z.infer<typeof ChildEntry>;

const Hello = z.object({
  t: z.literal('hello'),
  nodeId: NodeId,
  nodeCode: z.string().regex(/^\d{12}$/),
  role: z.enum(['city', 'district', 'street']),
  publicKey: z.string().max(200),
  nonce: z.string().regex(/^[0-9a-f]{32}$/),
  signature: z.string().max(200),
  received: z.array(z.number().int().min(0)).length(LANE_COUNT),
  clock: z.number(),
}).strict();

const Challenge = z.object({ t: z.literal('challenge'), nodeId: NodeId, nodeCode: z.string(), role: z.enum(['city', 'district', 'street']), publicKey: z.string(), nonce: z.string().regex(/^[0-9a-f]{32}$/) }).strict();
const Welcome = z.object({ t: z.literal('welcome'), signature: z.string().max(200), received: z.array(z.number().int().min(0)).length(LANE_COUNT) }).strict();

export interface SyncNodeOptions {
  store: Store;
  keys: NodeKeys;
  clock: () => number;
  /** ws://host:port of the parent hub, or null for the top of the tree or a standalone console. */
  parentUrl: string | null;
  /** The parent's public key (base64 SPKI); without it the first key seen is pinned. */
  parentKey?: string | null;
  children: ChildEntry[];
  channel?: LinkChannel;
  budgetBytesPerMinute?: number;
  /** How often a parent compares checksums with idle children (0 = never). */
  verifyEveryMs?: number;
  onStatus?: () => void;
  /** The live positions hub: children's positions flow up to their parents. */
  positions?: PositionFeed;
}

const proofText = (nonce: string, signer: string, other: string) => `resilience-console sync v1\n${nonce}\n${signer}\n${other}`;

/**
 * A node's place in the command network: a client of its parent (reconnecting with backoff)
 * and a hub for its children on the host's /sync endpoint. Children prove their identity with
 * their node key against the parent's list of known children.
 */
export class SyncNode {
  private parentLink: SyncLink | null = null;
  private readonly childLinks = new Map<string, SyncLink>();
  private readonly children = new Map<string, ChildEntry & { key: KeyObject }>();
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 32 * 1024 * 1024 });
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

  constructor(private readonly options: SyncNodeOptions) {
    for (const child of options.children) this.children.set(child.nodeId, { ...child, key: parsePublicKey(child.publicKey) });
  }

  get identity() { return this.options.store.identity; }

  async start(): Promise<void> {
    for (const child of this.children.values()) {
      await this.options.store.sync('putPeer', { peer: child.nodeId, relation: 'child', role: child.role, nodeCode: child.nodeCode, publicKey: child.publicKey });
    }
    if (this.options.parentUrl) this.connectParent();
    this.timers.push(setInterval(() => { void this.options.store.sync('releaseQuarantine', null).catch(() => 0); }, 30_000));
    if (this.options.verifyEveryMs) this.timers.push(setInterval(() => { void this.verifyChildren(); }, this.options.verifyEveryMs));
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
    const outboxByPriority = parent?.outbox ?? Array.from({ length: LANE_COUNT }, () => 0);
    return {
      state: !this.options.parentUrl ? 'standalone' : parent === null || parent.state === 'offline' || parent.state === 'connecting' ? 'offline' : parent.state,
      outbox: outboxByPriority.reduce((a, b) => a + b, 0),
      lastSyncAt: this.lastSyncAt === null ? null : new Date(this.lastSyncAt).toISOString(),
      parent: this.options.parentUrl,
      outboxByPriority,
      newestFromParentAt: parent?.newestDataAt ?? null,
      links,
      quarantined: quarantine.count,
      alarms: [...this.alarms],
    };
  }

  async links(): Promise<LinkStatus[]> {
    const result: LinkStatus[] = [];
    if (this.options.parentUrl) {
      // A link that has closed still knows its peer, when it last heard from it and what waits for it.
      if (this.parentLink) result.push({ ...(await this.parentLink.status()), ...(this.parentLink.isOpen ? {} : { state: this.parentState === 'connecting' ? 'connecting' as const : 'offline' as const }) });
      else {
        const known = (await this.options.store.sync('peers', null)).find((peer) => peer.relation === 'parent');
        result.push({
          peer: known?.peer ?? this.options.parentUrl, relation: 'parent', role: (known?.role ?? 'city') as NodeRole, nodeCode: known?.nodeCode ?? '',
          state: this.parentState === 'online' ? 'offline' : this.parentState, channel: this.options.channel ?? 'fibre',
          rttMs: null, loss: null, throughputBps: null,
          outbox: known ? await this.options.store.sync('pending', { after: await this.options.store.sync('cursors', ackedKey(known.peer)), excludeVia: known.peer, visibleTo: null }) : [0, 0, 0, 0, 0],
          vector: {}, lastSeenAt: known?.lastSeen ? new Date(known.lastSeen).toISOString() : null, newestDataAt: null,
        });
      }
    }
    for (const child of this.children.values()) {
      const link = this.childLinks.get(child.nodeId);
      if (link?.isOpen) result.push(await link.status());
      else result.push({
        peer: child.nodeId, relation: 'child', role: child.role, nodeCode: child.nodeCode, state: 'offline', channel: 'fibre',
        rttMs: null, loss: null, throughputBps: null, outbox: [0, 0, 0, 0, 0], vector: {}, lastSeenAt: null, newestDataAt: null,
      });
    }
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
  async verifyChildren(): Promise<{ peer: string; equal: boolean }[]> {
    const results: { peer: string; equal: boolean }[] = [];
    for (const link of this.childLinks.values()) {
      if (!link.isOpen) continue;
      const before = await link.status();
      if (before.outbox.some((n) => n > 0)) continue;
      const reply = await link.requestVerify();
      if (!reply || reply.pending > 0) continue;
      const after = await link.status();
      if (after.outbox.some((n) => n > 0)) continue;
      const ours = await this.verify(link.peer.nodeCode);
      const equal = ours.checksum === reply.report.checksum;
      results.push({ peer: link.peer.nodeId, equal });
      if (equal) { this.mismatches.delete(link.peer.nodeId); continue; }
      const count = (this.mismatches.get(link.peer.nodeId) ?? 0) + 1;
      this.mismatches.set(link.peer.nodeId, count);
      const differing = Object.keys(ours.tables).filter((table) => ours.tables[table] !== reply.report.tables[table]);
      void this.options.store.audit(`sync ${link.peer.nodeId}`, 'divergence detected', { tables: differing, ours: ours.checksum, theirs: reply.report.checksum, consecutive: count });
      this.raise('divergence', link.peer.nodeId, `no ops waiting either way, yet ${differing.join(', ')} differ(s) from ${link.peer.nodeId}`);
    }
    return results;
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
    const ws = new WebSocket(url, { maxPayload: 32 * 1024 * 1024, handshakeTimeout: HANDSHAKE_MS });
    this.parentSocket = ws;
    const retry = () => {
      if (this.parentSocket === ws) this.parentSocket = null;
      this.parentState = 'offline';
      this.options.onStatus?.();
      if (this.closed) return;
      const delay = this.reconnectDelay * (0.75 + Math.random() * 0.5);
      this.reconnectDelay = Math.min(this.reconnectDelay * 2, 5000);
      setTimeout(() => this.connectParent(), delay);
    };
    ws.once('close', retry);
    ws.on('error', () => { /* close follows */ });
    const myNonce = randomBytes(16).toString('hex');
    ws.once('message', (data) => {
      void (async () => {
        const challenge = Challenge.safeParse(safeJson(data));
        if (!challenge.success) { ws.close(CLOSE_BAD_HELLO, 'expected a challenge'); return; }
        const parentKeyText = await this.pinnedParentKey(challenge.data.nodeId, challenge.data.publicKey);
        if (!parentKeyText) { ws.close(CLOSE_UNKNOWN_PEER, 'parent key does not match'); return; }
        const identity = this.identity;
        const peers = await this.options.store.sync('cursors', challenge.data.nodeId);
        ws.send(JSON.stringify({
          t: 'hello', nodeId: identity.nodeId, nodeCode: identity.nodeCode, role: identity.role, publicKey: this.options.keys.publicKeyText,
          nonce: myNonce, signature: sign(null, Buffer.from(proofText(challenge.data.nonce, identity.nodeId, challenge.data.nodeId)), this.options.keys.privateKey).toString('base64'),
          received: peers, clock: this.options.clock(),
        }));
        ws.once('message', (reply) => {
          const welcome = Welcome.safeParse(safeJson(reply));
          const parentKey = parsePublicKey(parentKeyText);
          if (!welcome.success || !verify(null, Buffer.from(proofText(myNonce, challenge.data.nodeId, identity.nodeId)), parentKey, Buffer.from(welcome.data.signature, 'base64'))) {
            void this.options.store.audit(`sync ${challenge.data.nodeId}`, 'parent refused', { reason: welcome.success ? 'bad signature' : 'malformed welcome' });
            ws.close(CLOSE_UNKNOWN_PEER, 'parent failed to prove its identity');
            return;
          }
          this.reconnectDelay = 250;
          this.parentState = 'online';
          this.lastSyncAt = Date.now();
          const peer = { nodeId: challenge.data.nodeId, nodeCode: challenge.data.nodeCode, role: challenge.data.role, publicKey: parentKey };
          // Pin the parent's key (trust on first use when none was configured) and remember it for the Sync view.
          void this.options.store.sync('putPeer', { peer: peer.nodeId, relation: 'parent', role: peer.role, nodeCode: peer.nodeCode, publicKey: parentKeyText }).catch(() => undefined);
          this.parentLink = this.makeLink(ws, peer, parentKeyText, 'parent', welcome.data.received, this.options.channel ?? 'fibre');
          this.options.onStatus?.();
        });
      })().catch(() => ws.terminate());
    });
  }

  private async pinnedParentKey(parentId: string, offered: string): Promise<string | null> {
    if (this.options.parentKey) return this.options.parentKey === offered ? offered : null;
    const known = (await this.options.store.sync('peers', null)).find((peer) => peer.peer === parentId && peer.relation === 'parent');
    if (known?.publicKey && known.publicKey !== offered) {
      void this.options.store.audit(`sync ${parentId}`, 'parent refused', { reason: 'key differs from the pinned key' });
      return null;
    }
    return offered;
  }

  // ---- parent side: accepting children ----

  private acceptChild(ws: WebSocket, address: string): void {
    const nonce = randomBytes(16).toString('hex');
    const identity = this.identity;
    const refuse = (code: number, reason: string, detail: Record<string, unknown>) => {
      void this.options.store.audit(`sync ${address}`, 'connection refused', { reason, ...detail });
      this.raise('auth', String(detail.nodeId ?? address), reason);
      ws.close(code, reason);
    };
    const timer = setTimeout(() => refuse(CLOSE_BAD_HELLO, 'no hello within 10 s', {}), HANDSHAKE_MS);
    ws.send(JSON.stringify({ t: 'challenge', nodeId: identity.nodeId, nodeCode: identity.nodeCode, role: identity.role, publicKey: this.options.keys.publicKeyText, nonce }));
    ws.once('message', (data, isBinary) => {
      clearTimeout(timer);
      const hello = isBinary ? null : Hello.safeParse(safeJson(data));
      if (!hello?.success) { refuse(CLOSE_BAD_HELLO, 'malformed hello', {}); return; }
      const child = this.children.get(hello.data.nodeId);
      if (!child) { refuse(CLOSE_UNKNOWN_PEER, 'unknown node', { nodeId: hello.data.nodeId }); return; }
      if (child.publicKey !== hello.data.publicKey || child.nodeCode !== hello.data.nodeCode || child.role !== hello.data.role) {
        refuse(CLOSE_UNKNOWN_PEER, 'node does not match its enrolment', { nodeId: hello.data.nodeId }); return;
      }
      const proof = Buffer.from(proofText(nonce, hello.data.nodeId, identity.nodeId));
      if (!verify(null, proof, child.key, Buffer.from(hello.data.signature, 'base64'))) {
        refuse(CLOSE_UNKNOWN_PEER, 'identity proof failed', { nodeId: hello.data.nodeId }); return;
      }
      const drift = hello.data.clock - this.options.clock();
      this.clockOffsets.set(child.nodeId, drift);
      if (drift > HLC_MAX_DRIFT_MS) this.raise('clock', child.nodeId, `clock ${Math.round(drift / 60000)} min ahead: its ops will be quarantined`);
      void (async () => {
        const received = await this.options.store.sync('cursors', child.nodeId);
        await this.options.store.sync('putPeer', { peer: child.nodeId, relation: 'child', role: child.role, nodeCode: child.nodeCode, publicKey: child.publicKey });
        ws.send(JSON.stringify({ t: 'welcome', signature: sign(null, Buffer.from(proofText(hello.data.nonce, identity.nodeId, child.nodeId)), this.options.keys.privateKey).toString('base64'), received }));
        this.childLinks.get(child.nodeId)?.close();
        this.childLinks.set(child.nodeId, this.makeLink(ws, { nodeId: child.nodeId, nodeCode: child.nodeCode, role: child.role, publicKey: child.key }, child.publicKey, 'child', hello.data.received, 'fibre'));
        this.options.onStatus?.();
      })().catch(() => ws.terminate());
    });
  }

  private makeLink(ws: WebSocket, peer: ConstructorParameters<typeof SyncLink>[1]['peer'], peerKeyText: string, relation: 'parent' | 'child', peerReceived: number[], channel: LinkChannel): SyncLink {
    const link: SyncLink = new SyncLink(ws, {
      store: this.options.store,
      privateKey: this.options.keys.privateKey,
      peer, peerKeyText, relation, peerReceived, channel, positions: this.options.positions,
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

/** Where a node keeps what a peer has acknowledged of its ops (the peer's own cursor is on the peer). */
export const ackedKey = (peer: string) => `${peer}>acked`;

function safeJson(data: unknown): unknown {
  try {
    return JSON.parse(String(data));
  } catch {
    return null;
  }
}
