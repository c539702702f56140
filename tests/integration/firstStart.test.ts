import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createConsoleCore, type ConsoleCore } from '../../electron/core/consoleCore.ts';
import type { Caller } from '../../shared/ipc/roles.ts';
import { enrol, startNode, until, type TestNode } from './syncNodes.ts';

/**
 * Issue 16 §1: a district started for the first time while its city is unreachable has its
 * region from the program, reports, counts what waits for the city and marks it; when the city
 * appears everything goes up and the marks clear.
 */
const DUTY: Caller = { userId: 'duty-hp', name: '黄浦值班员', role: 'duty' };
let district: ConsoleCore | null = null;
let city: TestNode | null = null;

afterAll(async () => {
  await district?.close();
  await city?.stop();
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

describe('a district whose city has never been reachable', () => {
  it('works from the shipped region, counts and marks what waits, and clears the marks once the city has it', async () => {
    const port = await freePort();
    const { dataDir, entry } = enrol('huangpu-first', 'district', '310101000000', fs.mkdtempSync(path.join(os.tmpdir(), 'rc-first-')));
    district = await createConsoleCore({
      dataDir, nodeId: 'huangpu-first', role: 'district', nodeCode: '310101000000', seed: false,
      sync: { parentUrl: `ws://127.0.0.1:${port}`, children: [], verifyEveryMs: 0 },
    });
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const reply = await district!.call(DUTY, method, input, 'test');
      if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
      return reply.result as T;
    };

    // The command tree and the map come with the program: its own streets, the city above it, every district outline.
    const nodes = await call<{ code: string }[]>('nodes:list', {});
    expect(nodes.map((node) => node.code)).toEqual(expect.arrayContaining(['310000000000', '310101000000', '310101002000']));
    expect(nodes.some((node) => node.code.startsWith('310104'))).toBe(false); // another district's streets are the city's to send
    expect(await call<unknown[]>('map:boundaries', {})).toHaveLength(16);
    // The shipped region never waits for the city (the node's own link report may).
    const before = await call<{ entity: string }[]>('sync:unsent', {});
    expect(before.filter((record) => record.entity === 'commandNode' || record.entity === 'boundary')).toEqual([]);

    const incident = await call<{ id: string }>('incidents:report', { title: '南京东路积水', type: 'waterlogging', level: 'IV', nodeCode: '310101002000', exercise: true });
    const unsent = await call<{ entity: string; key: string }[]>('sync:unsent', {});
    expect(unsent).toContainEqual({ entity: 'incident', key: incident.id });
    const waiting = await call<{ outboxByPriority: number[]; state: string }>('sync:status', {});
    expect(waiting.state).toBe('offline');
    expect(waiting.outboxByPriority[1]).toBeGreaterThanOrEqual(1);

    // The city comes up where the district expects it, and the district's report reaches it.
    city = await startNode({ id: 'city-first', role: 'city', code: '310000000000', seed: true, port, children: [entry] });
    await until('the city holds the district\'s report', () => city!.core.store.query('incidents.list'),
      (list) => list.some((item) => item.id === incident.id), 30_000);
    await until('the marks clear', () => call<unknown[]>('sync:unsent', {}), (list) => list.length === 0, 30_000);
    const linked = await call<{ outboxByPriority: number[] }>('sync:status', {});
    expect(linked.outboxByPriority.reduce((a, b) => a + b, 0)).toBe(0);
    // And the district now holds the city's own records for what it had from the program: same bodies.
    const share = await city.core.sync.verify('310101000000');
    const mine = await district.sync.verify(null);
    expect(mine.tables.command_nodes).toBe(share.tables.command_nodes);
    expect(mine.tables.boundaries).toBe(share.tables.boundaries);
  }, 120_000);
});
