import type { KeyObject } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { LinkChannel, LinkStatus, NodeRole, VerifyReport } from '../../../shared/ipc/contract.ts';
import type { Store } from '../store/storeClient.ts';
import { MAX_POSITION_BATCH, type PositionBatch } from '../../../shared/domain/position.ts';
import { mayWrite } from '../../../shared/sync/scope.ts';
import { perPriority, type ControlMessage } from '../../../shared/sync/wire.ts';
import type { Level } from '../../../shared/sync/issueRules.ts';
import type { Refusal } from './admission.ts';
import { BEIDOU_MESSAGE_BYTES, encodeBatch, encodeNarrow, fromWire, FrameError } from './codec.ts';
import type { ControlChannel } from './controlChannel.ts';
import { SendWindow } from './sendWindow.ts';

/** Batches in flight per link before the sender waits for acks: keeps memory flat on both sides. */
const WINDOW = 4;
const BATCH_OPS = 2000;
const BATCH_BYTES = 512 * 1024;
const MAX_INFLATED = 16 * 1024 * 1024;
const PING_MS = 2000;

export interface PeerIdentity {
  nodeId: string;
  nodeCode: string;
  role: Level & NodeRole;
  publicKey: KeyObject;
}

export interface LinkOptions {
  store: Store;
  /** This node's signing key. */
  privateKey: KeyObject;
  peer: PeerIdentity;
  /** The peer's public key as base64 SPKI, for the store thread that checks its frames. */
  peerKeyText: string;
  /** Signs what we send on the socket and checks what we receive (the handshake's session). */
  control: ControlChannel;
  /** What the peer is to us. A child's ops are checked against its scope; a child gets only its scope. */
  relation: 'parent' | 'child';
  /** The peer's durable cursors for our ops, per lane, from its hello. */
  peerReceived: number[];
  channel: LinkChannel;
  /** Narrow channels: bytes a minute the channel may carry (default one Beidou message a minute). */
  budgetBytesPerMinute?: number;
  clock: () => number;
  audit: (action: string, detail: unknown) => void;
  alarm: (kind: 'clock' | 'scope' | 'malformed', message: string) => void;
  /** Answers a parent's verify request with this node's full report and outbox to the parent. */
  onVerifyRequest?: () => Promise<{ report: VerifyReport; pending: number }>;
  onChange?: () => void;
  /** Live positions (P3, latest value only, outside the op log): a child sends its up, a parent takes them in. */
  positions?: PositionFeed;
}

/** The part of the positions hub a link uses. */
export interface PositionFeed {
  subscribe(listener: (batch: PositionBatch) => void): () => void;
  report(batch: unknown): unknown;
}

/** Audit actions for refused ops, by why they were refused. */
const REFUSAL_ACTIONS: Record<Refusal['kind'], string> = {
  scope: 'ops refused: out of scope',
  level: 'ops refused: not this level\'s to issue',
  origin: 'ops refused: origin not the sender\'s',
  invalid: 'ops refused: invalid body',
};

/** Positions go up at most once a second: whatever moved, its newest value only. */
const POSITION_FLUSH_MS = 1000;

/**
 * One authenticated sync connection. Both ends run the same link: each streams the ops the
 * other should hold, lane by lane (P0 first), in batches signed with its node key; the
 * receiver applies a batch and its cursor in one transaction on disk, then acknowledges.
 * A reconnect resumes from the receiver's durable cursor, so nothing is lost or applied twice.
 */
export class SyncLink {
  private readonly sent: number[];
  private readonly acked: number[];
  private readonly drained: boolean[] = perPriority(false);
  /**
   * Bumped by every wake: a lane read that began before a wake must not mark the lane drained,
   * or an op written while the read was in the store thread would wait for the next write.
   */
  private wakes = 0;
  private inflight = 0;
  /** Bytes on the wire unacknowledged, kept to about a second of the link's pace so a P0 op never waits behind minutes of bulk. */
  private readonly window = new SendWindow();
  private pumping = false;
  private again = false;
  private receiving: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly pings = new Map<number, number>();
  private pingHistory: boolean[] = [];
  private rttMs: number | null = null;
  private bytesWindow: { at: number; bytes: number }[] = [];
  private lastSeen = Date.now();
  private newestData: number | null = null;
  private peerVector: Record<string, number> = {};
  private outboxCache: number[] = perPriority(0);
  private narrowTokens: number;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly verifyWaiters = new Map<number, (reply: { report: VerifyReport; pending: number }) => void>();
  private nextVerify = 1;
  /** Newest position per id waiting to go to the parent (older ones are dropped as newer arrive). */
  private readonly positionsOut = new Map<string, { kind: number; lon: number; lat: number; at: number; heading: number | null; speed: number | null; nodeCode: string | null }>();
  private stopPositions: (() => void) | null = null;

  constructor(private readonly ws: WebSocket, private readonly options: LinkOptions) {
    this.sent = [...options.peerReceived];
    this.acked = [...options.peerReceived];
    this.narrowTokens = this.budget();
    ws.on('close', () => this.close());
    ws.on('error', () => this.close());
    this.timers.push(setInterval(() => this.ping(), PING_MS));
    if (this.narrow) this.timers.push(setInterval(() => { this.narrowTokens = this.budget(); this.drained[0] = false; this.pump(); }, 60_000));
    this.timers.push(setInterval(() => { void this.sendVector(); }, 3000));
    if (options.positions && options.relation === 'parent' && !this.narrow) {
      this.stopPositions = options.positions.subscribe((batch) => this.queuePositions(batch));
      this.timers.push(setInterval(() => this.flushPositions(), POSITION_FLUSH_MS));
    }
    this.ping();
    void this.sendVector();
    this.pump();
  }

  get peer(): PeerIdentity { return this.options.peer; }
  get isOpen(): boolean { return !this.closed; }
  private get narrow(): boolean { return this.options.channel === 'beidou' || this.options.channel === 'satphone'; }
  private budget(): number { return this.options.budgetBytesPerMinute ?? BEIDOU_MESSAGE_BYTES; }

  /** New local data (a write or an apply): look for something to send. */
  wake(): void {
    this.wakes += 1;
    this.drained.fill(false);
    this.pump();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    this.stopPositions?.();
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) this.ws.terminate();
    this.options.onChange?.();
  }

  /** Asks a child for its full verify report and its outbox to us. */
  requestVerify(timeoutMs = 10_000): Promise<{ report: VerifyReport; pending: number } | null> {
    const id = this.nextVerify++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => { this.verifyWaiters.delete(id); resolve(null); }, timeoutMs);
      this.verifyWaiters.set(id, (reply) => { clearTimeout(timer); resolve(reply); });
      this.sendJson({ t: 'verify', id });
    });
  }

  async status(): Promise<LinkStatus> {
    {
      // Counted on a closed link too: while the parent is unreachable, the outbox is what waits for it.
      this.outboxCache = await this.options.store.sync('pending', {
        after: this.acked, excludeVia: this.peer.nodeId, visibleTo: this.options.relation === 'child' ? this.peer.nodeCode : null,
      }).catch(() => this.outboxCache);
    }
    const answered = this.pingHistory.filter(Boolean).length;
    const loss = this.pingHistory.length >= 3 ? 1 - answered / this.pingHistory.length : null;
    const now = Date.now();
    const recent = this.bytesWindow.filter((entry) => now - entry.at < 5000);
    const throughput = recent.length ? recent.reduce((n, e) => n + e.bytes, 0) / 5 : 0;
    const degraded = this.narrow || (this.rttMs ?? 0) > 500 || (loss ?? 0) > 0.05;
    return {
      peer: this.peer.nodeId,
      relation: this.options.relation,
      role: this.peer.role,
      nodeCode: this.peer.nodeCode,
      state: this.closed ? 'offline' : degraded ? 'degraded' : 'online',
      channel: this.options.channel,
      rttMs: this.rttMs === null ? null : Math.round(this.rttMs * 10) / 10,
      loss,
      throughputBps: Math.round(throughput),
      outbox: [...this.outboxCache],
      vector: this.peerVector,
      lastSeenAt: new Date(this.lastSeen).toISOString(),
      newestDataAt: this.newestData === null ? null : new Date(this.newestData).toISOString(),
    };
  }

  // ---- sending ----

  private pump(): void {
    if (this.closed) return;
    if (this.pumping) { this.again = true; return; }
    this.pumping = true;
    // A store that closes under a running pump (shutdown) ends the link quietly; the receiver's cursor is durable.
    void this.pumpLoop().catch(() => this.close()).finally(() => {
      this.pumping = false;
      if (this.again) { this.again = false; this.pump(); }
    });
  }

  private async pumpLoop(): Promise<void> {
    while (!this.closed && this.ws.bufferedAmount < 8 * BATCH_BYTES) {
      const lane = this.drained.findIndex((done, index) => !done && (!this.narrow || index === 0));
      if (lane < 0) {
        this.window.outboxDry();
        return;
      }
      // P0 goes as soon as it is written (it is small, and nothing outranks it); the rest waits for room.
      if (lane > 0 && (this.inflight >= WINDOW || !this.window.open)) return;
      const wakesBefore = this.wakes;
      const read = await this.options.store.sync('readLane', {
        lane, after: this.sent[lane]!, limit: this.narrow ? 1 : BATCH_OPS, maxBytes: this.narrow ? BATCH_BYTES : this.window.readBytes(BATCH_BYTES),
        excludeVia: this.peer.nodeId, visibleTo: this.options.relation === 'child' ? this.peer.nodeCode : null,
      });
      if (this.closed) return;
      if (read.count === 0) {
        this.sent[lane] = Math.max(this.sent[lane]!, read.upTo);
        this.drained[lane] = !read.more && this.wakes === wakesBefore;
        continue;
      }
      let frame: Buffer;
      if (this.narrow) {
        const op = fromWire((JSON.parse(read.json) as unknown[])[0]);
        frame = encodeNarrow(op, read.upTo, this.options.privateKey);
        if (frame.length > BEIDOU_MESSAGE_BYTES) {
          this.options.audit('narrow channel hold', { op: op.id, bytes: frame.length, limit: BEIDOU_MESSAGE_BYTES });
          this.drained[lane] = true; // waits for a wider link
          return;
        }
        if (frame.length > this.narrowTokens) { this.drained[lane] = true; return; }
        this.narrowTokens -= frame.length;
      } else {
        frame = await encodeBatch(lane, read.upTo, read.json, this.options.privateKey);
      }
      if (this.closed) return;
      this.sent[lane] = read.upTo;
      this.drained[lane] = !read.more && this.wakes === wakesBefore;
      this.inflight += 1;
      this.window.sent(frame.length, read.json.length);
      this.countBytes(frame.length);
      this.ws.send(frame);
    }
  }

  // ---- receiving ----

  /** One message from the peer (the handshake's inbox hands every message after it here, in order). */
  receive(data: Buffer, isBinary: boolean): void {
    this.lastSeen = Date.now();
    this.countBytes(data.length);
    if (isBinary) {
      const frame = Buffer.from(data);
      this.receiving = this.receiving.then(() => this.receiveFrame(frame)).catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.options.audit('frame refused', { reason: message.slice(0, 500) });
        if (error instanceof FrameError) this.options.alarm('malformed', message);
        this.close();
      });
      return;
    }
    const opened = this.options.control.open(data.toString('utf8'));
    if ('refused' in opened) {
      // A peer that cannot sign its control messages, or replays them, is not the peer we admitted.
      this.options.audit('message refused', { reason: opened.refused });
      this.options.alarm('malformed', opened.refused);
      this.close();
      return;
    }
    const message = opened.message;
    switch (message.t) {
      case 'ack': {
        const { lane, upTo } = message;
        this.acked[lane] = Math.max(this.acked[lane]!, upTo);
        this.inflight = Math.max(0, this.inflight - 1);
        this.window.acked();
        void this.options.store.sync('noteAcked', { peer: this.peer.nodeId, lane, upTo }).catch(() => null);
        this.pump();
        this.options.onChange?.();
        break;
      }
      case 'ping': this.sendJson({ t: 'pong', id: message.id }); break;
      case 'pong': {
        const sentAt = this.pings.get(message.id);
        if (sentAt !== undefined) {
          this.pings.delete(message.id);
          const rtt = performance.now() - sentAt;
          this.window.noteRtt(rtt);
          this.rttMs = this.rttMs === null ? rtt : this.rttMs * 0.8 + rtt * 0.2;
          this.pingHistory.push(true);
        }
        break;
      }
      case 'positions':
        if (this.options.relation === 'child' && this.options.positions) this.takePositions(message.batch);
        break;
      case 'vector':
        this.peerVector = message.vector;
        break;
      case 'verify':
        if (this.options.relation === 'parent' && this.options.onVerifyRequest) {
          void this.options.onVerifyRequest().then((reply) => this.sendJson({ t: 'verified', id: message.id, ...reply })).catch(() => undefined);
        }
        break;
      case 'verified': {
        const waiter = this.verifyWaiters.get(message.id);
        if (waiter) {
          this.verifyWaiters.delete(message.id);
          waiter({ report: message.report, pending: message.pending });
        }
        break;
      }
    }
  }

  private async receiveFrame(frame: Buffer): Promise<void> {
    if (this.closed) return;
    let result;
    try {
      result = await this.options.store.sync('receiveFrame', {
        frame, peerKey: this.options.peerKeyText, maxInflated: MAX_INFLATED,
        sender: { nodeId: this.peer.nodeId, nodeCode: this.peer.nodeCode, role: this.peer.role, relation: this.options.relation },
      });
    } catch (error) {
      // The store thread rebuilds errors as plain Errors: a frame fault keeps its words.
      throw new FrameError((error as Error).message);
    }
    if (result.refusedCount) this.auditRefusals(result.refused, result.refusedCount);
    if (result.quarantined) {
      this.options.audit('ops quarantined: clock ahead', { count: result.quarantined, maxDriftMs: result.maxDriftMs });
      this.options.alarm('clock', `${result.quarantined} op(s) from ${this.peer.nodeId} stamped ${Math.round(result.maxDriftMs / 60000)} min ahead held in quarantine`);
    }
    if (result.newestWall !== null && (this.newestData === null || result.newestWall > this.newestData)) this.newestData = result.newestWall;
    this.sendJson({ t: 'ack', lane: result.lane, upTo: result.upTo });
  }

  /** One audit row per kind of refusal in a frame, naming the first ops and why; one alarm. */
  private auditRefusals(refused: Refusal[], total: number): void {
    const byKind = new Map<Refusal['kind'], Refusal[]>();
    for (const refusal of refused) byKind.set(refusal.kind, [...(byKind.get(refusal.kind) ?? []), refusal]);
    for (const [kind, list] of byKind) {
      this.options.audit(REFUSAL_ACTIONS[kind], { count: list.length, first: list.slice(0, 10).map(({ op, reason }) => ({ op, reason })), peerScope: this.peer.nodeCode });
    }
    this.options.alarm('scope', `${total} op(s) from ${this.peer.nodeId} refused: ${refused[0]?.reason ?? ''}`.slice(0, 300));
  }

  // ---- live positions (P3) ----

  private queuePositions(batch: PositionBatch): void {
    for (let i = 0; i < batch.ids.length; i++) {
      const previous = this.positionsOut.get(batch.ids[i]!);
      if (previous && previous.at > batch.at[i]!) continue;
      this.positionsOut.set(batch.ids[i]!, {
        kind: batch.kinds[i]!, lon: batch.lon[i]!, lat: batch.lat[i]!, at: batch.at[i]!,
        heading: batch.heading?.[i] ?? null, speed: batch.speed?.[i] ?? null, nodeCode: batch.nodeCode?.[i] ?? null,
      });
    }
  }

  private flushPositions(): void {
    if (this.closed || this.positionsOut.size === 0 || this.ws.bufferedAmount > BATCH_BYTES) return;
    const entries = [...this.positionsOut].slice(0, MAX_POSITION_BATCH);
    for (const [id] of entries) this.positionsOut.delete(id);
    const batch: PositionBatch = {
      ids: entries.map(([id]) => id), kinds: entries.map(([, p]) => p.kind), lon: entries.map(([, p]) => p.lon), lat: entries.map(([, p]) => p.lat),
      at: entries.map(([, p]) => p.at), heading: entries.map(([, p]) => p.heading), speed: entries.map(([, p]) => p.speed), nodeCode: entries.map(([, p]) => p.nodeCode),
    };
    this.sendJson({ t: 'positions', batch });
  }

  /** A child's positions: those it reports for places outside its scope are dropped; a malformed batch is refused whole. */
  private takePositions(input: unknown): void {
    const batch = input as Partial<PositionBatch> | null;
    const keep = (batch?.ids ?? []).map((_, i) => {
      const code = batch?.nodeCode?.[i];
      return code === null || code === undefined || (typeof code === 'string' && mayWrite(this.peer.nodeCode, code));
    });
    const dropped = keep.filter((k) => !k).length;
    try {
      if (dropped === 0) this.options.positions!.report(input);
      else if (batch && dropped < keep.length) {
        const pick = <T>(column: T[] | undefined) => column?.filter((_, i) => keep[i]);
        this.options.positions!.report({ ...batch, ids: pick(batch.ids), kinds: pick(batch.kinds), lon: pick(batch.lon), lat: pick(batch.lat), at: pick(batch.at), heading: pick(batch.heading), speed: pick(batch.speed), nodeCode: pick(batch.nodeCode) });
      }
      if (dropped) this.options.audit('positions refused: out of scope', { count: dropped });
    } catch (error) {
      this.options.audit('positions refused', { reason: (error as Error).message.slice(0, 300) });
    }
  }

  // ---- housekeeping ----

  private ping(): void {
    const id = Math.floor(Math.random() * 2 ** 31);
    // A ping unanswered for 5 s counts as lost.
    for (const [pending, at] of this.pings) {
      if (performance.now() - at > 5000) { this.pings.delete(pending); this.pingHistory.push(false); }
    }
    this.pingHistory = this.pingHistory.slice(-30);
    this.pings.set(id, performance.now());
    this.sendJson({ t: 'ping', id });
  }

  private async sendVector(): Promise<void> {
    const report = await this.options.store.query('meta.vector').catch(() => null);
    if (report) this.sendJson({ t: 'vector', vector: report });
  }

  private countBytes(bytes: number): void {
    const now = Date.now();
    this.bytesWindow.push({ at: now, bytes });
    if (this.bytesWindow.length > 512) this.bytesWindow = this.bytesWindow.filter((entry) => now - entry.at < 5000);
  }

  private sendJson(message: ControlMessage): void {
    if (!this.closed && this.ws.readyState === this.ws.OPEN) this.ws.send(this.options.control.seal(message));
  }
}
