import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { METHOD_NAMES } from '../../shared/ipc/contract.ts';
import { checksums, frame, rawUpgrade, ServeProcess } from './hostProcess.ts';

// A seeded, bounded fuzz run against /api of a real `serve`: raw frames before and after the
// token, and random or mutated envelopes on an authenticated socket. Same seed, same run.
const SEED = 0x5eed_0a91;
const RAW_CONNECTIONS = 160;
const FRAMES_PER_RAW = 6;
const ENVELOPES = 2500;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-sec-fuzz-'));
const serve = new ServeProcess(dataDir);
beforeAll(() => serve.start());
afterAll(async () => {
  await serve.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(serve.staticDir, { recursive: true, force: true });
});

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x1_0000_0000;
  };
}

// Reads, and writes whose input is incomplete: no mutation below can make a whole valid write.
const READS = METHOD_NAMES.filter((method) => /:(list|info|status|peers|boundaries|balances|stockBoard|snapshot|onlineSource)/.test(method));
const BASES: unknown[] = [
  ...READS.map((method, id) => ({ id, method, input: {} })),
  { id: 1, method: 'incidents:report', input: { title: '' } },
  { id: 2, method: 'resources:requestAllocation', input: { quantity: -1 } },
  { id: 3, method: 'map:setOnlineSource', input: { urlTemplate: 'http://169.254.169.254/{z}/{x}/{y}' } },
  { subscribe: 'store:changed' },
  { unsubscribe: 'sync:status' },
];
const ODD_VALUES: unknown[] = [null, true, -1, 1e308, '', 'x'.repeat(5000), [], {}, { __proto__: { polluted: 1 } }, '\u0000\uffff', 2 ** 53, NaN];

function mutate(random: () => number, value: unknown, depth = 0): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  if (depth > 3 || random() < 0.25) return pick(ODD_VALUES);
  if (Array.isArray(value)) return value.map((item) => mutate(random, item, depth + 1));
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = { ...value as Record<string, unknown> };
    const keys = Object.keys(copy);
    const choice = random();
    if (choice < 0.3 && keys.length) delete copy[pick(keys)];
    else if (choice < 0.6) copy[pick([...keys, 'requestId', 'method', 'extra', '__proto__', 'constructor'])] = pick(ODD_VALUES);
    else if (keys.length) copy[pick(keys)] = mutate(random, copy[pick(keys)], depth + 1);
    return copy;
  }
  return pick(ODD_VALUES);
}

function randomBytes(random: () => number, length: number): Buffer {
  return Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));
}

describe('fuzzing /api', () => {
  it('keeps serving and stores nothing through thousands of random and mutated frames', async () => {
    const random = prng(SEED);
    const before = await checksums(dataDir);
    let sent = 0;

    // Raw frames, with no token, a wrong token and the right one: bad opcodes, unmasked, bad lengths, garbage.
    for (let connection = 0; connection < RAW_CONNECTIONS; connection++) {
      const query = ['', '?token=wrong-token-0000', `?token=${serve.token}`][connection % 3]!;
      const { socket, closed } = await rawUpgrade(serve.port, `/api${query}`);
      for (let n = 0; n < FRAMES_PER_RAW && !socket.destroyed; n++) {
        const kind = random();
        const payload = randomBytes(random, Math.floor(random() * 200));
        const bytes = kind < 0.3 ? randomBytes(random, 1 + Math.floor(random() * 40))
          : kind < 0.5 ? frame(Math.floor(random() * 16), payload, random() < 0.5)
            : kind < 0.6 ? frame(1, payload, true, 2 ** 31 + Math.floor(random() * 1000))
              : frame(1, Buffer.from(JSON.stringify(mutate(random, BASES[Math.floor(random() * BASES.length)]))), random() < 0.8);
        socket.write(bytes);
        sent += 1;
      }
      socket.destroy();
      await closed;
    }

    // Envelopes on an authenticated socket (reopened whenever the service closes it for a bad frame).
    let ws: WebSocket | null = null;
    let replies = 0;
    const open = async () => {
      const socket = new WebSocket(`ws://127.0.0.1:${serve.port}/api?token=${serve.token}`);
      socket.on('error', () => undefined);
      socket.on('message', () => { replies += 1; });
      await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
      return socket;
    };
    for (let n = 0; n < ENVELOPES; n++) {
      if (!ws || ws.readyState !== WebSocket.OPEN) ws = await open();
      const choice = random();
      const text = choice < 0.15 ? randomBytes(random, Math.floor(random() * 64)).toString('latin1')
        : JSON.stringify(mutate(random, BASES[Math.floor(random() * BASES.length)]));
      if (choice > 0.97) ws.send(randomBytes(random, 32)); // a binary frame
      else ws.send(text);
      sent += 1;
      if (n % 250 === 249) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    ws?.close();

    expect(sent).toBeGreaterThan(ENVELOPES + RAW_CONNECTIONS);
    // Subscriptions get no reply; every call and every unreadable frame does, all through the run.
    expect(replies).toBeGreaterThan(ENVELOPES / 3);
    expect(await serve.healthy()).toBe(true);
    const last = await open();
    const info = await new Promise<{ reply: { ok: boolean } }>((resolve) => {
      last.once('message', (data) => resolve(JSON.parse(data.toString())));
      last.send(JSON.stringify({ id: 1, method: 'app:info', input: {} }));
    });
    last.close();
    expect(info.reply.ok).toBe(true);
    const after = await checksums(dataDir);
    expect(after.tables).toEqual(before.tables);
    expect(after.opCount).toBe(before.opCount);
  });
});

