import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodResult } from '../../../shared/ipc/contract.ts';
import { dispatch } from '../../../shared/ipc/dispatch.ts';
import type { ConsoleErrorShape } from '../../../shared/ipc/errors.ts';
import { createConsoleCore, type ConsoleCore } from '../consoleCore.ts';

const cores: ConsoleCore[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function openCore(nodeId: string): Promise<ConsoleCore> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-alloc-'));
  dirs.push(dataDir);
  const core = await createConsoleCore({ dataDir, nodeId });
  cores.push(core);
  return core;
}

/** Calls the core as a transport would: validated by the contract, a typed result or error. */
async function call<M extends MethodName>(core: ConsoleCore, method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const reply = await dispatch(core.handlers, method, input);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), reply.error);
  return reply.result as MethodResult<M>;
}
async function refusal(promise: Promise<unknown>): Promise<ConsoleErrorShape> {
  return promise.then(() => { throw new Error('expected a refusal'); }, (error: ConsoleErrorShape) => error);
}

const WATER = 'demo-item-water';
const DEPOT = 'demo-depot-310101-1';
const OTHER_DEPOT = 'demo-depot-310115-1';
const balanceOf = async (core: ConsoleCore, depotId: string, itemId = WATER) =>
  (await call(core, 'resources:balances', {})).find((b) => b.depotId === depotId && b.itemId === itemId)!;

describe('allocation flow (request → commit → dispatched → received)', () => {
  it('moves stock when goods leave and records every step in the ledger', async () => {
    const core = await openCore('node-city');
    const shelter = (await call(core, 'resources:listShelters', {}))[0]!;
    const opening = (await balanceOf(core, DEPOT)).balance;
    const request = await call(core, 'resources:requestAllocation', { itemId: WATER, quantity: 40, destination: { kind: 'shelter', id: shelter.id }, exercise: true });
    expect(request.status).toBe('requested');
    await call(core, 'resources:advanceAllocation', { id: request.id, to: 'committed', sourceDepotId: DEPOT, expectedArrival: '2026-07-25T10:00:00.000Z' });
    expect((await balanceOf(core, DEPOT)).balance).toBe(opening);
    await call(core, 'resources:advanceAllocation', { id: request.id, to: 'dispatched' });
    expect((await balanceOf(core, DEPOT)).balance).toBe(opening - 40);
    const received = await call(core, 'resources:advanceAllocation', { id: request.id, to: 'received', note: '避难点已签收' });
    expect(received).toMatchObject({ status: 'received', sourceDepotId: DEPOT, expectedArrival: '2026-07-25T10:00:00.000Z' });
    const ledger = await call(core, 'resources:allocationLedger', { id: request.id });
    expect(ledger.map((step) => [step.step, step.by])).toEqual([
      ['requested', 'node-city'], ['committed', 'node-city'], ['dispatched', 'node-city'], ['received', 'node-city'],
    ]);
    expect(ledger.at(-1)?.note).toBe('避难点已签收');
    expect((await call(core, 'resources:listAllocations', {}))[0]).toEqual(received);
  });

  it('refuses a step the lifecycle does not allow, committing more than is available and dispatching more than is held, writing nothing', async () => {
    const core = await openCore('node-city');
    const shelter = (await call(core, 'resources:listShelters', {}))[0]!;
    const held = (await balanceOf(core, DEPOT)).balance;
    const big = await call(core, 'resources:requestAllocation', { itemId: WATER, quantity: held + 1, destination: { kind: 'shelter', id: shelter.id }, sourceDepotId: DEPOT });
    const before = await core.store.query('meta.countOps');
    const overCommit = await refusal(call(core, 'resources:advanceAllocation', { id: big.id, to: 'committed' }));
    expect(overCommit).toMatchObject({ code: 'CONFLICT', reason: { key: 'notAvailable', values: { available: held, quantity: held + 1, held, committed: 0 } } });
    expect(await core.store.query('meta.countOps')).toBe(before);

    // Committed in full, then a stock-take finds one fewer: the dispatch is refused on what is held.
    const all = await call(core, 'resources:requestAllocation', { itemId: WATER, quantity: held, destination: { kind: 'shelter', id: shelter.id }, sourceDepotId: DEPOT });
    await call(core, 'resources:advanceAllocation', { id: all.id, to: 'committed' });
    await call(core, 'resources:importCsv', { kind: 'stock', fileName: 'stocktake.csv', text: `depotId,itemId,quantity,reason\n${DEPOT},${WATER},-1,adjustment\n` });
    const committedOps = await core.store.query('meta.countOps');
    const tooMuch = await refusal(call(core, 'resources:advanceAllocation', { id: all.id, to: 'dispatched' }));
    expect(tooMuch).toMatchObject({ code: 'CONFLICT', reason: { key: 'notHeld', values: { held: held - 1, quantity: held } } });
    expect(tooMuch.message).toContain(`holds ${held - 1}`);
    expect(await core.store.query('meta.countOps')).toBe(committedOps);
    await call(core, 'resources:advanceAllocation', { id: all.id, to: 'declined' });
    const afterDecline = await core.store.query('meta.countOps');
    expect(afterDecline).toBe(committedOps + 2);
    const again = await refusal(call(core, 'resources:advanceAllocation', { id: all.id, to: 'dispatched' }));
    expect(again).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('is declined'), reason: { key: 'allocationStep' } });
    const unknown = await refusal(call(core, 'resources:requestAllocation', { itemId: 'no-such-item', quantity: 1, destination: { kind: 'shelter', id: shelter.id } }));
    expect(unknown.code).toBe('NOT_FOUND');
    const invalid = await refusal(call(core, 'resources:requestAllocation', { itemId: WATER, quantity: -5, destination: { kind: 'shelter', id: shelter.id } }));
    expect(invalid.code).toBe('INVALID_ARGUMENT');
    expect(await core.store.query('meta.countOps')).toBe(afterDecline);
    expect((await balanceOf(core, DEPOT)).balance).toBe(held - 1);
  });

  it('moves stock between depots, and a return after receipt undoes both sides', async () => {
    const core = await openCore('node-city');
    const [a, b] = [(await balanceOf(core, DEPOT)).balance, (await balanceOf(core, OTHER_DEPOT)).balance];
    const transfer = await call(core, 'resources:requestAllocation', { itemId: WATER, quantity: 25, destination: { kind: 'depot', id: OTHER_DEPOT }, sourceDepotId: DEPOT });
    for (const to of ['committed', 'dispatched', 'received'] as const) await call(core, 'resources:advanceAllocation', { id: transfer.id, to });
    expect([(await balanceOf(core, DEPOT)).balance, (await balanceOf(core, OTHER_DEPOT)).balance]).toEqual([a - 25, b + 25]);
    await call(core, 'resources:advanceAllocation', { id: transfer.id, to: 'returned' });
    expect([(await balanceOf(core, DEPOT)).balance, (await balanceOf(core, OTHER_DEPOT)).balance]).toEqual([a, b]);
  });

  it('two centres dispatching from one depot while cut off end with one balance and an overdraft flag', async () => {
    const district = await openCore('node-huangpu');
    const city = await openCore('node-city');
    const held = (await balanceOf(city, DEPOT)).balance;
    const shelters = await call(city, 'resources:listShelters', {});
    const share = Math.ceil(held * 0.6);
    for (const [core, shelter] of [[district, shelters[0]!], [city, shelters[1]!]] as const) {
      const request = await call(core, 'resources:requestAllocation', { itemId: WATER, quantity: share, destination: { kind: 'shelter', id: shelter.id }, sourceDepotId: DEPOT });
      await call(core, 'resources:advanceAllocation', { id: request.id, to: 'committed' });
      await call(core, 'resources:advanceAllocation', { id: request.id, to: 'dispatched' });
    }
    // The link returns: each side applies what the other wrote (twice, as a retried batch would).
    const districtOps = await district.store.query('ops.range', { origin: 'node-huangpu', afterSeq: 0, limit: 100_000 });
    const cityOps = await city.store.query('ops.range', { origin: 'node-city', afterSeq: 0, limit: 100_000 });
    await city.store.apply(districtOps);
    await city.store.apply(districtOps);
    await district.store.apply(cityOps);
    const [onCity, onDistrict] = [await balanceOf(city, DEPOT), await balanceOf(district, DEPOT)];
    expect(onCity.balance).toBe(held - 2 * share);
    expect(onDistrict).toEqual(onCity);
    expect(onCity.overdraft).toBe(true);
    expect((await call(city, 'resources:listAllocations', {})).map((a) => a.status)).toEqual(['dispatched', 'dispatched']);
  });
});

describe('rapid needs assessment → requests in one step', () => {
  it('assesses a street, proposes the nearest stock, and turns the proposals into requests all or none', async () => {
    const core = await openCore('node-city');
    const assessment = await call(core, 'resources:assessNeeds', { areaCodes: ['310101013000'], population: 5000, days: 3 });
    expect(assessment.needs.find((n) => n.category === 'water')).toMatchObject({ perDay: 75_000, total: 225_000, measure: 'L' });
    const huangpuShelters = (await call(core, 'resources:listShelters', {})).filter((s) => s.districtCode === '310101000000');
    expect(assessment.shelters.count).toBe(huangpuShelters.length);
    expect(assessment.shelters.capacity).toBe(huangpuShelters.reduce((sum, s) => sum + Math.floor(s.usableAreaM2 / 2), 0));
    const water = assessment.proposals.filter((p) => p.category === 'water');
    expect(water.length).toBeGreaterThan(0);
    expect(water.map((p) => p.distanceKm)).toEqual([...water.map((p) => p.distanceKm)].sort((a, b) => a - b));
    const depots = new Map((await call(core, 'resources:listDepots', {})).map((d) => [d.id, d]));
    expect(depots.get(water[0]!.depotId)?.districtCode).toBe('310101000000'); // the nearest depot is the street's own district's

    const shelter = huangpuShelters[0]!;
    const requests = assessment.proposals.map((p) => ({
      itemId: p.itemId, quantity: p.quantity, sourceDepotId: p.depotId, destination: { kind: 'shelter' as const, id: shelter.id }, exercise: true,
    }));
    const before = await core.store.query('meta.countOps');
    const broken = await refusal(call(core, 'resources:requestAllocations', { requests: [...requests, { ...requests[0]!, sourceDepotId: 'no-such-depot' }] }));
    expect(broken.code).toBe('NOT_FOUND');
    expect(await core.store.query('meta.countOps')).toBe(before);
    const created = await call(core, 'resources:requestAllocations', { requests });
    expect(created).toHaveLength(requests.length);
    expect(await core.store.query('meta.countOps')).toBe(before + 2 * requests.length);
    expect(await refusal(call(core, 'resources:assessNeeds', { areaCodes: ['310000000000'], population: 10, days: 1 }))).toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('shelters', () => {
  it('takes occupancy against capacity at 2 m² a person, marks full and reopens', async () => {
    const core = await openCore('node-city');
    const shelter = (await call(core, 'resources:listShelters', {}))[0]!;
    const capacity = Math.floor(shelter.usableAreaM2 / 2);
    expect((await call(core, 'resources:updateShelter', { id: shelter.id, state: 'open', occupancy: 10 }))).toMatchObject({ state: 'open', occupancy: 10 });
    expect((await call(core, 'resources:updateShelter', { id: shelter.id, occupancy: capacity }))).toMatchObject({ state: 'full', occupancy: capacity });
    expect((await call(core, 'resources:updateShelter', { id: shelter.id, occupancy: capacity - 1 }))).toMatchObject({ state: 'open' });
    const closing = await refusal(call(core, 'resources:updateShelter', { id: shelter.id, state: 'closed' }));
    expect(closing.code).toBe('CONFLICT');
    expect((await refusal(call(core, 'resources:updateShelter', { id: shelter.id }))).code).toBe('INVALID_ARGUMENT');
    expect((await refusal(call(core, 'resources:updateShelter', { id: shelter.id, occupancy: -3 }))).code).toBe('INVALID_ARGUMENT');
    const stored = (await call(core, 'resources:listShelters', {})).find((s) => s.id === shelter.id);
    expect(stored).toMatchObject({ state: 'open', occupancy: capacity - 1, facilities: shelter.facilities });
  });
});
