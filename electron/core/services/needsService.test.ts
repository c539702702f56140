import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodResult } from '../../../shared/ipc/contract.ts';
import { dispatch } from '../../../shared/ipc/dispatch.ts';
import { createConsoleCore, type ConsoleCore } from '../consoleCore.ts';

let core: ConsoleCore;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-needs-'));
  core = await createConsoleCore({ dataDir, nodeId: 'node-needs' });
});
afterAll(async () => {
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function call<M extends MethodName>(method: M, input: MethodInput<M>) {
  return dispatch(core.handlers, method, input) as Promise<{ ok: true; result: MethodResult<M> } | { ok: false; error: { code: string; message: string } }>;
}

describe('rapid needs assessment for an area drawn on the map', () => {
  it('counts the usable shelters inside the drawn area and proposes supplies from depots near it', async () => {
    const shelters = (await core.handlers['resources:listShelters']({})).filter((s) => s.state === 'ready' || s.state === 'open');
    const target = shelters[0]!;
    const { lon, lat } = target.location;
    const d = 0.01;
    const saved = await call('map:saveArea', { name: '测试低洼区', shape: 'polygon', ring: [[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d]], exercise: true });
    if (!saved.ok) throw new Error(saved.error.message);
    const inside = shelters.filter((s) => Math.abs(s.location.lon - lon) < d && Math.abs(s.location.lat - lat) < d);

    const reply = await call('resources:assessNeeds', { areaId: saved.result.id, population: 5000, days: 2 });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.result.shelters.count).toBe(inside.length);
    expect(reply.result.shelters.count).toBeGreaterThanOrEqual(1);
    // Sphere: 15 L of water a person a day.
    expect(reply.result.needs.find((n) => n.measure === 'L')).toMatchObject({ perDay: 75_000, total: 150_000 });
    expect(reply.result.proposals.length).toBeGreaterThan(0);
  });

  it('refuses a query that names both streets and a drawn area, or neither, or an unknown area', async () => {
    const both = await call('resources:assessNeeds', { areaCodes: ['310101002000'], areaId: 'area-x', population: 10 });
    expect(both).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const neither = await call('resources:assessNeeds', { population: 10 });
    expect(neither).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    const unknown = await call('resources:assessNeeds', { areaId: 'area-nowhere', population: 10 });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
