/**
 * How many bytes a sync link may have written to its socket and not yet had acknowledged.
 *
 * Ops leave a node by priority only while they are still in its outbox: once a frame is written
 * to the socket, a P0 op written after it waits behind it, however slow the link. With a fixed
 * window (four batches of up to 512 KB) a link throttled to 6 KB/s held the whole of a 4,000-row
 * import ahead of an alert issued after it (24 s). So the bytes on the wire are kept to about one
 * second of what the link has been delivering (its delivery rate, measured from acks, as BBR
 * does) plus its round trip: on fibre that is megabytes and changes nothing; on a link carrying
 * 6 KB/s it is one small frame, and an alert issued behind a bulk import crosses within seconds.
 *
 * Once the outbox has run dry and everything sent has been acknowledged, the rate measured so far
 * is old news (the link may narrow before the next burst), so the next burst starts with one small
 * frame and the window doubles with each ack while the measured rate allows, like TCP's slow
 * start. On loopback that costs a few milliseconds a burst; in exchange a burst written after a
 * link narrowed never puts more than a small frame on the wire before the link's pace is known.
 * (Only a dry outbox ends a burst: a window that drains because the receiver is quicker than the
 * sender reads and compresses keeps its size, or a bootstrap would crawl in small frames.)
 */

/** The window a burst starts with, and its floor: one small frame. */
export const MIN_WINDOW_BYTES = 8 * 1024;
/** Four full batches, compressed: the most any link has in flight. */
export const MAX_WINDOW_BYTES = 4 * 512 * 1024;
/** Queue allowed ahead of the next P0 op, in seconds of the link's delivery rate. */
export const QUEUE_SECONDS = 1;
/** Rate samples older than this are forgotten (the best recent sample is the link's rate). */
const RATE_MEMORY_MS = 5000;
/** Reads never go below this many raw bytes, so a frame carries more than its signature. */
const MIN_READ_BYTES = 4 * 1024;
const RTT_SAMPLES = 10;

export class SendWindow {
  private readonly frames: { bytes: number; at: number }[] = [];
  private inflightBytes = 0;
  private windowBytes = MIN_WINDOW_BYTES;
  private lastAckAt = Number.NEGATIVE_INFINITY;
  private rates: { at: number; bytesPerSecond: number }[] = [];
  private rtts: number[] = [];
  /** Raw JSON bytes per byte on the wire (deflate), to size reads so their frame fits the room left. */
  private rawPerWire = 4;
  /** The outbox ran dry since the last frame went out. */
  private dry = true;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Bytes written and not yet acknowledged. */
  get inflight(): number {
    return this.inflightBytes;
  }

  /** The current limit on `inflight`. */
  get limit(): number {
    this.restartIfDrained();
    return this.windowBytes;
  }

  /** True when another frame may go out; always when nothing is in flight, so a frame larger than the window still leaves. */
  get open(): boolean {
    return this.frames.length === 0 || this.inflightBytes < this.windowBytes;
  }

  /** Raw bytes the next lane read may take, so that its frame fits the room left (at most `max`). */
  readBytes(max: number): number {
    this.restartIfDrained();
    const room = Math.max(this.windowBytes - this.inflightBytes, MIN_WINDOW_BYTES / 2);
    return Math.max(MIN_READ_BYTES, Math.min(max, Math.floor(room * this.rawPerWire)));
  }

  /** The link found nothing more to send: when what is in flight is acknowledged, the burst is over. */
  outboxDry(): void {
    this.dry = true;
  }

  /** A frame of `wireBytes` went out, made from `rawBytes` of ops. */
  sent(wireBytes: number, rawBytes: number): void {
    this.restartIfDrained();
    this.dry = false;
    this.frames.push({ bytes: wireBytes, at: this.now() });
    this.inflightBytes += wireBytes;
    if (wireBytes > 0 && rawBytes > 0) this.rawPerWire = this.rawPerWire * 0.7 + (rawBytes / wireBytes) * 0.3;
  }

  /**
   * The peer acknowledged the oldest frame (acks come back in the order frames were sent). Its
   * delivery rate is its size over the time since it left or since the previous ack, whichever is
   * later: back to back on a busy link, that is the link's own pace.
   */
  acked(): void {
    const frame = this.frames.shift();
    if (!frame) return;
    const now = this.now();
    this.inflightBytes = Math.max(0, this.inflightBytes - frame.bytes);
    const interval = Math.max(1, now - Math.max(frame.at, this.lastAckAt));
    this.lastAckAt = now;
    this.rates = this.rates.filter((sample) => now - sample.at < RATE_MEMORY_MS);
    this.rates.push({ at: now, bytesPerSecond: (frame.bytes * 1000) / interval });
    const rate = Math.max(...this.rates.map((sample) => sample.bytesPerSecond));
    const rttSeconds = this.rtts.length ? Math.min(...this.rtts) / 1000 : 0;
    const target = rate * (QUEUE_SECONDS + rttSeconds);
    this.windowBytes = Math.min(MAX_WINDOW_BYTES, Math.max(MIN_WINDOW_BYTES, Math.min(this.windowBytes * 2, target)));
  }

  /** A ping's round trip; the smallest recent one is the link's round trip without queue. */
  noteRtt(ms: number): void {
    this.rtts = [...this.rtts, ms].slice(-RTT_SAMPLES);
  }

  private restartIfDrained(): void {
    if (this.dry && this.frames.length === 0) {
      this.windowBytes = MIN_WINDOW_BYTES;
      this.rates = [];
    }
  }
}
