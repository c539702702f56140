import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../electron/core/seed/prng.ts';
import { encodeBatch, FRAME_OVERHEAD } from '../../electron/core/sync/codec.ts';
import type { SyncPeer } from '../integration/syncPeer.ts';
import { FrameFuzzer } from './fuzzFrames.ts';
import { dataTables, incidentOp, PUDONG, SyncNetwork, XUHUI } from './syncNetwork.ts';

/**
 * Thousands of random and mutated frames at a real hub's /sync, before and after the handshake
 * (issue 10). Seeded, bounded in count and time: the hub must stay up, serve a good child
 * afterwards, and no checksum may move.
 */
const SEED = Number(process.env.RC_FUZZ_SEED ?? 20261201);
const PRE_AUTH_FRAMES = 1500;
const POST_AUTH_FRAMES = 1500;
const TIME_BUDGET_MS = 60_000;

let network: SyncNetwork;
beforeAll(async () => {
  network = await SyncNetwork.start();
}, 120_000);
afterAll(async () => {
  await network?.stop();
});

/** One raw connection: upgrade to /sync, wait for the challenge, write `frames`, then hang up. */
function preAuthConnection(port: number, frames: Buffer[]): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(['GET /sync HTTP/1.1', `Host: 127.0.0.1:${port}`, 'Upgrade: websocket', 'Connection: Upgrade',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13', '', ''].join('\r\n'));
    });
    let upgraded = false;
    socket.on('data', (chunk) => {
      if (upgraded || !chunk.toString('latin1').startsWith('HTTP/1.1 101')) return;
      upgraded = true;
      for (const frame of frames) socket.write(frame);
      setTimeout(() => socket.destroy(), 20);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve());
    setTimeout(() => socket.destroy(), 3000);
  });
}

describe('fuzzing /sync', () => {
  it(`keeps the hub up and its data unchanged through ${PRE_AUTH_FRAMES + POST_AUTH_FRAMES} hostile frames (seed ${SEED})`, async () => {
    const before = await network.verify('city');
    const auditFrom = network.lastAuditId('city');
    const fuzz = new FrameFuzzer(mulberry32(SEED));
    const deadline = Date.now() + TIME_BUDGET_MS;
    const hello = { t: 'hello', nodeId: 'pudong', nodeCode: PUDONG, role: 'district', publicKey: 'A'.repeat(60), nonce: 'a'.repeat(32), signature: 'A'.repeat(88), received: [0, 0, 0, 0, 0], clock: Date.now() };

    // Before the handshake: raw bytes, unmasked, reserved bits, absurd lengths, mutated hellos.
    let preAuth = 0;
    while (preAuth < PRE_AUTH_FRAMES && Date.now() < deadline) {
      const frames = Array.from({ length: 10 }, () => fuzz.preAuthFrame(hello));
      await Promise.all([preAuthConnection(network.city.port, frames.slice(0, 5)), preAuthConnection(network.city.port, frames.slice(5))]);
      preAuth += frames.length;
    }
    expect(network.city.running).toBe(true);

    // After the handshake, as an enrolled district: mutated ops in properly signed frames, frames
    // with flipped bits, and mutated or unsigned control messages. A refused frame costs the
    // sender its socket; it reconnects and carries on.
    const base = incidentOp('city', 1_000_000, XUHUI, 'fuzz');
    let postAuth = 0;
    let reconnects = 0;
    let peer: SyncPeer | null = null;
    while (postAuth < POST_AUTH_FRAMES && Date.now() < deadline) {
      if (!peer || peer.closeCode !== null) {
        peer?.close();
        peer = await network.connect('rogue-district');
        reconnects += 1;
      }
      const choice = fuzz.int(10);
      if (choice < 6) {
        // Some batches keep every op well-formed on the wire (only bodies mutated), so the op checks are reached.
        const wellFormed = fuzz.random() < 0.4;
        const ops = Array.from({ length: 1 + fuzz.int(20) }, () => (wellFormed ? fuzz.mutatedBody(base) : fuzz.mutatedOp(base)));
        peer.ws.send(await encodeBatch(fuzz.int(5), fuzz.int(1000), JSON.stringify(ops), peer.keys.privateKey));
      } else if (choice < 8) {
        const frame = await encodeBatch(1, 1, JSON.stringify([fuzz.mutatedOp(base)]), peer.keys.privateKey);
        const at = fuzz.int(frame.length);
        frame[at] = frame[at]! ^ (1 + fuzz.int(255));
        peer.ws.send(fuzz.random() < 0.2 ? frame.subarray(0, fuzz.int(FRAME_OVERHEAD + 4)) : frame);
      } else if (choice < 9) {
        peer.ws.send(peer.seal(fuzz.mutate({ t: fuzz.pick(['ack', 'vector', 'positions', 'verified', 'ping']), lane: 0, upTo: 1, id: 1, vector: { city: 1 } }) as never));
      } else {
        peer.ws.send(JSON.stringify(fuzz.mutate({ n: 1, m: '{"t":"ping","id":1}', s: 'A'.repeat(88) })));
      }
      postAuth += 1;
      // Let the hub answer (an ack) or hang up before the next frame, so each frame meets a live socket.
      await peer.settle(300);
    }
    peer?.close();
    console.log(`fuzz: ${preAuth} pre-auth and ${postAuth} post-auth frames, ${reconnects} handshakes, seed ${SEED}`);
    expect(preAuth + postAuth).toBeGreaterThanOrEqual(2000);
    expect(network.city.running).toBe(true);
    const after = await network.verify('city');
    expect(dataTables(after)).toEqual(dataTables(before));
    expect(after.quarantined).toBe(0);
    // Every kind of refusal was reached: the fuzz got past the frame parser, the signature and the op checks.
    const seen = new Set(network.audit('city', auditFrom).map((row) => row.action));
    expect([...seen]).toEqual(expect.arrayContaining(['connection refused', 'frame refused', 'message refused', 'ops refused: origin not the sender\'s']));
    await network.stillServing('fuzzing');
  }, 150_000);
});
