import { describe, expect, it } from 'vitest';
import { MAX_WINDOW_BYTES, MIN_WINDOW_BYTES, SendWindow } from './sendWindow.ts';

/**
 * A link that delivers `bytesPerSecond` in order, one frame after another, with a fixed one-way
 * delay; time is simulated. The sender also keeps at most four frames in flight, as SyncLink does.
 */
function simulate(bytesPerSecond: number, delayMs: number) {
  let now = 0;
  const window = new SendWindow(() => now);
  const arrivals: { at: number; bytes: number; raw: number }[] = [];
  let linkFreeAt = 0;
  return {
    window,
    get now() { return now; },
    /** Sends while the window is open, reading frames of the size it asks for; returns the wire sizes sent. */
    fill(raw = 5): number[] {
      const sizes: number[] = [];
      while (window.open && arrivals.length < 4) {
        const wire = Math.ceil(window.readBytes(512 * 1024) / raw);
        window.sent(wire, wire * raw);
        linkFreeAt = Math.max(linkFreeAt, now) + (wire * 1000) / bytesPerSecond;
        arrivals.push({ at: linkFreeAt + 2 * delayMs, bytes: wire, raw });
        sizes.push(wire);
      }
      return sizes;
    },
    /** Advances to the next ack and delivers it. */
    ackNext(): void {
      const next = arrivals.shift()!;
      now = Math.max(now, next.at);
      window.acked();
    },
    get pending(): number { return arrivals.length; },
  };
}

describe('the send window of a sync link', () => {
  it('starts each burst with one small frame, and lets a frame larger than the window go when nothing is in flight', () => {
    const window = new SendWindow(() => 0);
    expect(window.limit).toBe(MIN_WINDOW_BYTES);
    expect(window.open).toBe(true);
    window.sent(100_000, 400_000);
    expect(window.inflight).toBe(100_000);
    expect(window.open).toBe(false);
  });

  it('keeps no more than a second of a 6 KB/s link in flight, however large the backlog', () => {
    const link = simulate(6000, 5);
    let most = 0;
    for (let round = 0; round < 50; round++) {
      link.fill();
      most = Math.max(most, link.window.inflight);
      link.ackNext();
    }
    // What a P0 op written now would wait behind: at most about one small frame and a half.
    expect(most).toBeLessThanOrEqual(MIN_WINDOW_BYTES * 1.5);
    expect(most / 6000).toBeLessThan(2.1);
  });

  it('grows to the full window on a fast link, and starts small again once the outbox ran dry and everything is acknowledged', () => {
    const link = simulate(50_000_000, 0.5);
    let sizes: number[] = [];
    for (let round = 0; round < 40; round++) {
      sizes = link.fill();
      link.ackNext();
    }
    expect(link.window.limit).toBe(MAX_WINDOW_BYTES);
    // A full window's frames are full batches (512 KB raw), as before there was a window.
    expect(Math.max(...sizes)).toBe(Math.ceil((512 * 1024) / 5));
    // Everything acknowledged while there is more to send (the receiver is quicker than the sender): the window keeps its size.
    while (link.pending) link.ackNext();
    expect(link.window.limit).toBe(MAX_WINDOW_BYTES);
    // The outbox ran dry, so the burst is over; the link may narrow before the next one, which starts with one small frame.
    link.window.outboxDry();
    expect(link.window.limit).toBe(MIN_WINDOW_BYTES);
    expect(link.window.readBytes(512 * 1024)).toBeLessThan(64 * 1024);
  });

  it('sizes reads by the compression it has seen, so frames fit the room left', () => {
    const window = new SendWindow(() => 0);
    for (let i = 0; i < 20; i++) {
      window.sent(1000, 8000);
      window.acked();
    }
    window.outboxDry();
    // Eight raw bytes a wire byte: a new burst's window of 8 KB takes reads of about 64 KB.
    expect(window.readBytes(512 * 1024)).toBeGreaterThan(60_000);
    expect(window.readBytes(512 * 1024)).toBeLessThanOrEqual(8 * MIN_WINDOW_BYTES);
    expect(window.readBytes(10_000)).toBe(10_000);
  });

  it('measures the pace of frames acknowledged back to back, not their round trip alone', () => {
    // 200 KB/s with a 300 ms round trip: the window settles near rate × (1 s + round trip) once pings report the round trip.
    const link = simulate(200_000, 150);
    for (let i = 0; i < 10; i++) link.window.noteRtt(300);
    for (let round = 0; round < 200; round++) {
      link.fill();
      link.ackNext();
    }
    expect(link.window.limit).toBeGreaterThan(150_000);
    expect(link.window.limit).toBeLessThan(400_000);
  });
});
