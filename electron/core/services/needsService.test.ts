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

  it('keeps minimum reserves and commitments out of the proposals unless released, and spreads deliveries over the shelters', async () => {
    const query = { areaCodes: ['310101000000'], population: 20_000, days: 3 };
    const kept = await call('resources:assessNeeds', query);
    const released = await call('resources:assessNeeds', { ...query, releaseReserves: true });
    if (!kept.ok || !released.ok) throw new Error('assessment failed');
    const items = new Map((await core.handlers['resources:listStockItems']({})).map((i) => [i.id, i]));
    const availability = await core.handlers['resources:availability']({});
    const taken = (proposals: typeof kept.result.proposals) => {
      const sums = new Map<string, number>();
      for (const p of proposals) sums.set(`${p.depotId}/${p.itemId}`, (sums.get(`${p.depotId}/${p.itemId}`) ?? 0) + p.quantity);
      return sums;
    };
    for (const [key, quantity] of taken(kept.result.proposals)) {
      const [depotId, itemId] = key.split('/') as [string, string];
      const entry = availability.find((a) => a.depotId === depotId && a.itemId === itemId)!;
      expect(quantity).toBeLessThanOrEqual(entry.available - (items.get(itemId)?.minLevel ?? 0));
    }
    expect(kept.result.reservesKept).toBe(true);
    expect(released.result.reservesKept).toBe(false);
    const total = (result: typeof kept.result) => result.proposals.reduce((sum, p) => sum + p.quantity, 0);
    expect(total(released.result)).toBeGreaterThan(total(kept.result));
    const shelters = new Set(kept.result.proposals.map((p) => p.shelterId));
    expect(shelters.size).toBeGreaterThan(1);
    expect(kept.result.proposals.every((p) => typeof p.shelterId === 'string')).toBe(true);
    const { space } = kept.result;
    expect(space.population).toBe(20_000);
    expect(space.places + space.tents + space.missing).toBe(20_000);
    expect(space.places).toBe(Math.min(20_000, kept.result.shelters.free));
  });
});
