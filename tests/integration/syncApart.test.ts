import fs from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNode, until, type TestNode } from './syncNodes.ts';

const HUANGPU = '310101000000';
let district: TestNode;
let deadAddress: string;

beforeAll(async () => {
  // A port nothing listens on: the city this district has never reached.
  const port = await new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as net.AddressInfo;
      server.close(() => resolve(free));
    });
  });
  deadAddress = `ws://127.0.0.1:${port}`;
  district = await startNode({ id: 'hp-alone', role: 'district', code: HUANGPU, parentUrl: deadAddress, parentGraceMs: 1500, seed: true });
}, 60_000);

afterAll(async () => {
  await district?.stop();
  if (district) fs.rmSync(district.dataDir, { recursive: true, force: true });
});

describe('a district that has never reached its city (issue 16, §1)', () => {
  it('counts every write for the parent by priority from the first one', async () => {
    const before = await district.core.handlers['sync:status']({});
    expect(before.state).toBe('offline');
    await district.core.handlers['incidents:report']({ title: 'reported while alone', type: 'flood', level: 'III', nodeCode: HUANGPU, exercise: true });
    const after = await district.core.handlers['sync:status']({});
    expect(after.outboxByPriority[1]).toBe(before.outboxByPriority[1]! + 2); // the incident and the first entry of its timeline
    expect(after.outbox).toBe(before.outbox + 2);
  });

  it('names the parent centre from the command tree, not by its address', async () => {
    const [parent] = await district.core.handlers['sync:peers']({});
    expect(parent).toMatchObject({ relation: 'parent', role: 'city', nodeCode: '310000000000', centre: { name: '上海市' } });
  });

  it('raises an alarm once the parent has been unreachable past the grace period, and audits it', async () => {
    const status = await until('the alarm', () => district.core.handlers['sync:status']({}), (s) => s.alarms.some((alarm) => alarm.kind === 'unreachable'));
    const alarm = status.alarms.find((a) => a.kind === 'unreachable')!;
    expect(alarm.message).toContain('Shanghai (310000000000) unreachable');
    await until('audited', () => district.core.store.query('audit.recent', { limit: 20 }), (rows) => rows.some((row) => row.action === 'parent unreachable'));
  });
});
