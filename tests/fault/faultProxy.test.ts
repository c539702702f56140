import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../electron/core/seed/prng.ts';
import { FaultProxy } from './faultProxy.ts';

let echo: net.Server;
let echoPort: number;
const proxies: FaultProxy[] = [];
const sockets: net.Socket[] = [];

beforeAll(async () => {
  echo = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.pipe(socket);
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', () => resolve()));
  echoPort = (echo.address() as net.AddressInfo).port;
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const proxy of proxies.splice(0)) await proxy.close();
});
afterAll(() => new Promise<void>((resolve) => echo.close(() => resolve())));

async function proxy(seed: number, faults: Parameters<typeof FaultProxy.start>[0]['faults'] = {}): Promise<FaultProxy> {
  const started = await FaultProxy.start({ targetPort: echoPort, seed, faults });
  proxies.push(started);
  return started;
}

/** Connects and resolves once connected; the socket collects everything it receives. */
function connect(port: number): Promise<{ socket: net.Socket; received: () => Buffer; closed: Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1', noDelay: true });
    sockets.push(socket);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    const closed = new Promise<string>((done) => {
      let reason = 'end';
      socket.on('error', (error: NodeJS.ErrnoException) => { reason = error.code ?? error.message; });
      socket.on('close', () => done(reason));
    });
    socket.once('connect', () => resolve({ socket, received: () => Buffer.concat(chunks), closed }));
    socket.once('error', reject);
  });
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<number> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return performance.now() - start;
}

function payload(seed: number, bytes: number): Buffer {
  const random = mulberry32(seed);
  const buffer = Buffer.alloc(bytes);
  for (let i = 0; i < bytes; i++) buffer[i] = Math.floor(random() * 256);
  return buffer;
}

describe('fault proxy between a real client and a real echo server', () => {
  it('passes bytes through unchanged and counts them in each direction', async () => {
    const link = await proxy(1);
    const { socket, received } = await connect(link.port);
    const data = payload(11, 300_000);
    socket.write(data);
    await waitFor(() => received().length === data.length, 5_000);
    expect(received().equals(data)).toBe(true);
    expect(link.stats).toMatchObject({ up: data.length, down: data.length, connections: 1 });
  });

  it('adds the configured delay each way, with jitter kept in order', async () => {
    const link = await proxy(2, { delayMs: 80, jitterMs: 20 });
    const { socket, received } = await connect(link.port);
    const roundTrips: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = received().length;
      socket.write(`ping ${i}\n`);
      roundTrips.push(await waitFor(() => received().length > before && received().toString().endsWith(`ping ${i}\n`), 2_000));
    }
    // Two crossings of 80–100 ms each; the timer and scheduler add a little on top.
    for (const rtt of roundTrips) {
      expect(rtt).toBeGreaterThanOrEqual(158);
      expect(rtt).toBeLessThan(200 + 120);
    }
    expect(received().toString()).toBe('ping 0\nping 1\nping 2\nping 3\nping 4\n');
    link.set({ delayMs: 0, jitterMs: 0 });
    const before = received().length;
    socket.write('fast\n');
    expect(await waitFor(() => received().length > before, 2_000)).toBeLessThan(60);
  });

  it('caps throughput to the configured bytes per second', async () => {
    const rate = 400_000;
    const link = await proxy(3, { bandwidthBps: rate });
    const { socket, received } = await connect(link.port);
    const data = payload(33, 800_000);
    const start = performance.now();
    socket.write(data);
    await waitFor(() => received().length === data.length, 10_000);
    const seconds = (performance.now() - start) / 1000;
    // Both directions are capped but pipelined: the echo finishes about size / rate after the start.
    const expected = data.length / rate;
    expect(seconds).toBeGreaterThan(expected * 0.85);
    expect(seconds).toBeLessThan(expected * 1.3);
    expect(received().equals(data)).toBe(true);
  });

  it('turns loss into retransmission stalls that keep the stream whole and in order', async () => {
    const stallsFor = async (seed: number) => {
      const link = await proxy(seed, { loss: 0.3 });
      const { socket, received } = await connect(link.port);
      const data = payload(44, 40 * 4096);
      for (let offset = 0; offset < data.length; offset += 4096) {
        socket.write(data.subarray(offset, offset + 4096));
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      await waitFor(() => received().length === data.length, 20_000);
      expect(received().equals(data)).toBe(true);
      return link.stats.stalls;
    };
    const stalls = await stallsFor(4);
    expect(stalls).toBeGreaterThan(5);
    expect(stalls).toBeLessThan(50);
  });

  it('resets the connection on a loss when told to', async () => {
    const link = await proxy(5, { loss: 1, resetOnLoss: 1 });
    const { socket, closed } = await connect(link.port);
    socket.write('doomed');
    expect(await closed).toBe('ECONNRESET');
    expect(link.stats.resets).toBe(1);
  });

  it('cut drops live connections and refuses new ones until heal', async () => {
    const link = await proxy(6);
    const first = await connect(link.port);
    first.socket.write('before');
    await waitFor(() => first.received().toString() === 'before', 2_000);
    link.cut();
    expect(await first.closed).toBe('ECONNRESET');
    expect(link.liveConnections).toBe(0);
    // The proxy accepts and resets at once: the attempt ends, with nothing echoed.
    const refused = net.connect({ port: link.port, host: '127.0.0.1' });
    sockets.push(refused);
    let echoed = 0;
    refused.on('data', (chunk: Buffer) => { echoed += chunk.length; });
    refused.on('connect', () => refused.write('during'));
    const reason = await new Promise<string>((resolve) => {
      refused.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      refused.on('close', () => resolve('closed'));
    });
    expect(['ECONNRESET', 'EPIPE', 'closed']).toContain(reason);
    expect(echoed).toBe(0);
    expect(link.stats.refused).toBe(1);
    link.heal();
    const after = await connect(link.port);
    after.socket.write('after');
    await waitFor(() => after.received().toString() === 'after', 2_000);
    expect(link.stats.connections).toBe(2);
  });

  it('a blackholed cut holds new connections silent, then drops them on heal', async () => {
    const link = await proxy(7);
    link.cut('blackhole');
    const held = await connect(link.port);
    held.socket.write('anyone there?');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(held.received().length).toBe(0);
    expect(held.socket.destroyed).toBe(false);
    link.heal();
    await held.closed;
    const after = await connect(link.port);
    after.socket.write('back');
    await waitFor(() => after.received().toString() === 'back', 2_000);
  });
});
