import net from 'node:net';
import { mulberry32, type Random } from '../../electron/core/seed/prng.ts';

/** What a link does to the bytes it carries; every field can change while connections are live. */
export interface LinkFaults {
  /** One-way delay added to every chunk, ms. */
  delayMs: number;
  /** Up to this much more, drawn per chunk (delivery order is kept, as TCP keeps it). */
  jitterMs: number;
  /** Bytes per second in each direction (token bucket); null for no cap. */
  bandwidthBps: number | null;
  /**
   * Chance per chunk that a segment is lost. TCP cannot lose bytes, so a loss shows as what it
   * does to a stream: a retransmission stall of 200–400 ms that holds back everything after it.
   */
  loss: number;
  /** Chance that a loss event resets the connection instead (both ends see ECONNRESET). */
  resetOnLoss: number;
}

export const CLEAN_LINK: LinkFaults = { delayMs: 0, jitterMs: 0, bandwidthBps: null, loss: 0, resetOnLoss: 0 };

/** While cut, new connections are refused (accepted and reset at once) or blackholed (held silent). */
export type CutMode = 'refuse' | 'blackhole';

export interface FaultProxyOptions {
  targetPort: number;
  targetHost?: string;
  seed: number;
  faults?: Partial<LinkFaults>;
  /** Largest piece released at once; a chunk is split into pieces this size. */
  pieceBytes?: number;
}

/** A direction stops reading from its source while this much is queued (TCP flow control). */
const HIGH_WATER = 256 * 1024;
const LOW_WATER = 64 * 1024;

interface Piece { at: number; data: Buffer }

/** One direction of one connection: token bucket, delay, jitter and loss stalls, in order. */
class Direction {
  private readonly queue: Piece[] = [];
  private queued = 0;
  private timer: NodeJS.Timeout | null = null;
  private tokens = 0;
  private tokensAt = 0;
  private lastDelivery = 0;
  /** The source sent its end (a clean close). */
  ended = false;

  constructor(
    private readonly proxy: FaultProxy,
    private readonly source: net.Socket,
    private readonly sink: net.Socket,
    private readonly count: (bytes: number) => void,
    private readonly reset: () => void,
  ) {
    source.on('data', (chunk: Buffer) => this.accept(chunk));
    source.on('end', () => {
      this.ended = true;
      this.pump();
    });
  }

  private accept(chunk: Buffer): void {
    const { faults, random, pieceBytes } = this.proxy;
    for (let offset = 0; offset < chunk.length; offset += pieceBytes) {
      const data = chunk.subarray(offset, offset + pieceBytes);
      const now = performance.now();
      let departure = now;
      if (faults.bandwidthBps !== null && faults.bandwidthBps > 0) {
        const rate = faults.bandwidthBps / 1000; // bytes per ms
        const capacity = Math.max(pieceBytes, faults.bandwidthBps / 20);
        const start = Math.max(now, this.tokensAt);
        let tokens = Math.min(capacity, this.tokens + (start - this.tokensAt) * rate);
        departure = start;
        if (tokens < data.length) {
          departure += (data.length - tokens) / rate;
          tokens = data.length;
        }
        this.tokens = tokens - data.length;
        this.tokensAt = departure;
      }
      let at = departure + faults.delayMs + (faults.jitterMs > 0 ? random() * faults.jitterMs : 0);
      if (faults.loss > 0 && random() < faults.loss) {
        if (faults.resetOnLoss > 0 && random() < faults.resetOnLoss) {
          this.proxy.stats.resets++;
          this.reset();
          return;
        }
        this.proxy.stats.stalls++;
        at += 200 + random() * 200;
      }
      at = Math.max(at, this.lastDelivery);
      this.lastDelivery = at;
      this.queue.push({ at, data });
      this.queued += data.length;
    }
    if (this.queued > HIGH_WATER) this.source.pause();
    this.pump();
  }

  private pump(): void {
    if (this.timer) return;
    while (this.queue.length > 0 && this.queue[0]!.at <= performance.now()) {
      const piece = this.queue.shift()!;
      this.queued -= piece.data.length;
      if (!this.sink.destroyed && this.sink.writable) {
        this.sink.write(piece.data);
        this.count(piece.data.length);
      }
    }
    if (this.queued < LOW_WATER && this.source.isPaused() && !this.source.destroyed) this.source.resume();
    if (this.queue.length > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.pump();
      }, Math.max(0, this.queue[0]!.at - performance.now()));
    } else if (this.ended && !this.sink.destroyed) {
      // The end travels after the bytes queued before it.
      this.sink.end();
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.queue.length = 0;
    this.queued = 0;
  }
}

interface Connection { client: net.Socket; upstream: net.Socket; stop(): void }

/**
 * A TCP proxy on 127.0.0.1 between a child and its parent, with seeded faults that can change
 * while it runs: delay and jitter, a bandwidth cap, loss stalls and resets, and a cut that drops
 * every live connection and refuses (or blackholes) new ones until `heal()`.
 */
export class FaultProxy {
  faults: LinkFaults;
  readonly random: Random;
  readonly pieceBytes: number;
  /** Bytes delivered: `up` from the connecting side to the target, `down` back. */
  readonly stats = { up: 0, down: 0, connections: 0, refused: 0, stalls: 0, resets: 0 };
  private readonly live = new Set<Connection>();
  private readonly held = new Set<net.Socket>();
  private cutMode: CutMode | null = null;

  private constructor(private readonly server: net.Server, private readonly options: FaultProxyOptions) {
    this.faults = { ...CLEAN_LINK, ...options.faults };
    this.random = mulberry32(options.seed);
    this.pieceBytes = options.pieceBytes ?? 4096;
    server.on('connection', (socket) => this.onConnection(socket));
  }

  /** Starts listening on a free port of 127.0.0.1. */
  static async start(options: FaultProxyOptions): Promise<FaultProxy> {
    const server = net.createServer({ noDelay: true, allowHalfOpen: true });
    const proxy = new FaultProxy(server, options);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  get isCut(): boolean {
    return this.cutMode !== null;
  }

  /** Connections currently carried. */
  get liveConnections(): number {
    return this.live.size;
  }

  /** Changes the link's faults; applies to every chunk from now on. */
  set(faults: Partial<LinkFaults>): void {
    this.faults = { ...this.faults, ...faults };
  }

  /** Drops every live connection and refuses or blackholes new ones until `heal()`. */
  cut(mode: CutMode = 'refuse'): void {
    this.cutMode = mode;
    for (const connection of [...this.live]) connection.stop();
  }

  /** Lets connections through again (blackholed ones are dropped, so their owner retries). */
  heal(): void {
    this.cutMode = null;
    for (const socket of this.held) socket.destroy();
    this.held.clear();
  }

  async close(): Promise<void> {
    this.cutMode = 'refuse';
    for (const connection of [...this.live]) connection.stop();
    for (const socket of this.held) socket.destroy();
    this.held.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onConnection(client: net.Socket): void {
    client.on('error', () => undefined);
    if (this.cutMode === 'refuse') {
      this.stats.refused++;
      client.resetAndDestroy();
      return;
    }
    if (this.cutMode === 'blackhole') {
      this.stats.refused++;
      client.pause();
      this.held.add(client);
      client.once('close', () => this.held.delete(client));
      return;
    }
    this.stats.connections++;
    client.setNoDelay(true);
    client.pause();
    const upstream = net.connect({ port: this.options.targetPort, host: this.options.targetHost ?? '127.0.0.1', noDelay: true, allowHalfOpen: true });
    const connection: Connection = {
      client, upstream,
      stop: () => {
        this.live.delete(connection);
        up.stop();
        down.stop();
        if (!client.destroyed) client.resetAndDestroy();
        if (!upstream.destroyed) upstream.resetAndDestroy();
      },
    };
    this.live.add(connection);
    const up = new Direction(this, client, upstream, (n) => { this.stats.up += n; }, () => connection.stop());
    const down = new Direction(this, upstream, client, (n) => { this.stats.down += n; }, () => connection.stop());
    upstream.on('error', () => connection.stop());
    client.on('error', () => connection.stop());
    upstream.once('connect', () => client.resume());
    // A side that closes without a clean end (error, reset, destroy) takes the other with it.
    let closes = 0;
    const closed = (direction: Direction) => (hadError: boolean) => {
      if (hadError || !direction.ended) connection.stop();
      if (++closes === 2) this.live.delete(connection);
    };
    client.on('close', closed(up));
    upstream.on('close', closed(down));
  }
}
