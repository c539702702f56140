import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createConsoleCore, type ConsoleCore } from '../../electron/core/consoleCore.ts';
import { startHost, type Host } from '../../electron/host/hostServer.ts';
import { connectWsConsole, type SocketFactory, type WsConsole } from '../../renderer/api/wsTransport.ts';
import { fromPositionBatch, toPositionBatch, type PositionBatch } from '../../shared/domain/position.ts';
import { ConsoleError } from '../../shared/ipc/errors.ts';

const wsFactory: SocketFactory = (url) => new WebSocket(url) as unknown as ReturnType<SocketFactory>;

/** Live positions through the real browser-console host: report, pushed batches, snapshot. */
describe('live positions over the WebSocket host', () => {
  let dataDir: string;
  let core: ConsoleCore;
  let host: Host;
  let reporter: WsConsole;
  let viewer: WsConsole;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-positions-'));
    core = await createConsoleCore({ dataDir, seed: false });
    host = await startHost({ core, port: 0, staticDir: dataDir, token: 'positions-token' });
    const url = `ws://127.0.0.1:${host.port}/api?token=positions-token`;
    reporter = connectWsConsole(url, { createSocket: wsFactory });
    viewer = connectWsConsole(url, { createSocket: wsFactory });
  });
  afterAll(async () => {
    reporter.close();
    viewer.close();
    await host.close();
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('pushes another screen one coalesced batch with each entity\'s newest fix, and serves the snapshot', async () => {
    const batches: PositionBatch[] = [];
    const stop = viewer.api.on('positions:batch', (batch) => batches.push(batch));
    // The subscription reaches the host before the first report.
    await viewer.api.app.info({});
    const now = Date.now();
    const first = Array.from({ length: 2000 }, (_, i) => ({ id: `team-${i}`, kind: 'team' as const, lon: 121 + i * 1e-4, lat: 31 + i * 1e-4, at: now }));
    expect(await reporter.api.positions.report(toPositionBatch(first))).toEqual({ accepted: 2000, stale: 0 });
    expect(await reporter.api.positions.report(toPositionBatch([{ ...first[7]!, lon: 121.5, at: now + 1 }, { ...first[8]!, lon: 0, at: now - 1 }])))
      .toEqual({ accepted: 1, stale: 1 });
    // The two reports may land in one flush or two; either way each entity's newest fix arrives, once per flush.
    const latest = () => new Map(batches.flatMap(fromPositionBatch).map((p) => [p.id, p]));
    await expect.poll(() => latest().get('team-7')?.at).toBe(now + 1);
    expect(latest().size).toBe(2000);
    expect(batches.reduce((sum, batch) => sum + batch.ids.length, 0)).toBeLessThanOrEqual(2001);
    expect(latest().get('team-7')).toMatchObject({ lon: 121.5, at: now + 1 });
    expect(latest().get('team-8')).toMatchObject({ lon: first[8]!.lon, at: now });
    stop();

    const snapshot = fromPositionBatch(await viewer.api.positions.snapshot({}));
    expect(snapshot).toHaveLength(2000);
    expect(snapshot.find((p) => p.id === 'team-7')).toMatchObject({ lon: 121.5 });
  });

  it('refuses a malformed report with INVALID_ARGUMENT and changes nothing', async () => {
    const before = await viewer.api.positions.snapshot({});
    const error = await reporter.api.positions.report({ ids: ['team-1', 'team-2'], kinds: [0, 0], lon: [121, 121], lat: [31], at: [Date.now(), Date.now()] })
      .then(() => null, (reason: unknown) => reason);
    expect(error).toBeInstanceOf(ConsoleError);
    expect((error as ConsoleError).code).toBe('INVALID_ARGUMENT');
    expect((error as ConsoleError).message).toMatch(/lat: has 1 entries but ids has 2/);
    const tooMany = await reporter.api.positions.report({ ids: Array.from({ length: 10_001 }, (_, i) => `x${i}`), kinds: [], lon: [], lat: [], at: [] })
      .then(() => null, (reason: unknown) => reason);
    expect((tooMany as ConsoleError).message).toMatch(/at most 10000/);
    expect(await viewer.api.positions.snapshot({})).toEqual(before);
  });
});
