import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodResult } from '../../../shared/ipc/contract.ts';
import { dispatch } from '../../../shared/ipc/dispatch.ts';
import type { ConsoleErrorShape } from '../../../shared/ipc/errors.ts';
import { createConsoleCore, type ConsoleCore } from '../consoleCore.ts';

// Issue 10 finding 10: the check and the write of a guarded step are one store transaction, so
// many steps fired at the same moment from one depot pass exactly as often as the stock allows.

let core: ConsoleCore;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-race-'));
  core = await createConsoleCore({ dataDir, nodeId: 'node-city' });
});
afterAll(async () => {
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const reply = await dispatch(core.handlers, method, input);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), reply.error);
  return reply.result as MethodResult<M>;
}
const settle = (promises: Promise<unknown>[]) => Promise.allSettled(promises);
const refusals = (results: PromiseSettledResult<unknown>[]) => results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as ConsoleErrorShape);

const WATER = 'demo-item-water';
const DEPOT = 'demo-depot-310101-1';
const availabilityOf = async () => (await call('resources:availability', {})).find((a) => a.depotId === DEPOT && a.itemId === WATER)!;

async function requests(count: number, quantity: number): Promise<string[]> {
  const shelter = (await call('resources:listShelters', {}))[0]!;
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    ids.push((await call('resources:requestAllocation', { itemId: WATER, quantity, destination: { kind: 'shelter', id: shelter.id }, sourceDepotId: DEPOT })).id);
  }
  return ids;
}

describe('guarded allocation steps under concurrency', () => {
  it('commits at the same moment from one depot only what is available, and counts commitments against availability', async () => {
    const { held } = await availabilityOf();
    const quantity = Math.ceil(held / 10);
    const allowed = Math.floor(held / quantity);
    const ids = await requests(allowed + 8, quantity);
    const results = await settle(ids.map((id) => call('resources:advanceAllocation', { id, to: 'committed' })));
    const passed = results.filter((r) => r.status === 'fulfilled').length;
    expect(passed).toBe(allowed);
    expect(refusals(results).map((e) => [e.code, e.reason?.key])).toEqual(Array.from({ length: 8 }, () => ['CONFLICT', 'notAvailable']));
    const after = await availabilityOf();
    expect(after).toMatchObject({ held, committed: allowed * quantity, available: held - allowed * quantity });
    expect(after.available).toBeGreaterThanOrEqual(0);
    const statuses = (await call('resources:listAllocations', {})).filter((a) => ids.includes(a.id)).map((a) => a.status);
    expect(statuses.filter((s) => s === 'committed')).toHaveLength(allowed);
    expect(statuses.filter((s) => s === 'requested')).toHaveLength(8);

    // Dispatching every committed allocation at once: all pass, the stock leaves once each, and nothing stays committed.
    const committed = (await call('resources:listAllocations', {})).filter((a) => ids.includes(a.id) && a.status === 'committed').map((a) => a.id);
    const dispatched = await settle(committed.map((id) => call('resources:advanceAllocation', { id, to: 'dispatched' })));
    expect(refusals(dispatched)).toEqual([]);
    expect(await availabilityOf()).toMatchObject({ held: held - allowed * quantity, committed: 0 });
  });

  it('dispatches at the same moment only what the depot holds when a stock-take left less than was committed', async () => {
    const shelter = (await call('resources:listShelters', {}))[0]!;
    await call('resources:importCsv', { kind: 'stock', fileName: 'delivery.csv', text: `depotId,itemId,quantity\n${DEPOT},${WATER},1000\n` });
    const { held } = await availabilityOf();
    const ids = [];
    for (let i = 0; i < 10; i += 1) ids.push((await call('resources:requestAllocation', { itemId: WATER, quantity: 100, destination: { kind: 'shelter', id: shelter.id }, sourceDepotId: DEPOT })).id);
    for (const id of ids) await call('resources:advanceAllocation', { id, to: 'committed' });
    // The stock-take finds 450 fewer than the books: only five of the ten committed loads are there.
    const shortfall = held - 500;
    await call('resources:importCsv', { kind: 'stock', fileName: 'stocktake.csv', text: `depotId,itemId,quantity,reason\n${DEPOT},${WATER},${-shortfall},adjustment\n` });
    expect((await availabilityOf()).held).toBe(500);
    const results = await settle(ids.map((id) => call('resources:advanceAllocation', { id, to: 'dispatched' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(refusals(results).map((e) => e.reason?.key)).toEqual(['notHeld', 'notHeld', 'notHeld', 'notHeld', 'notHeld']);
    const balance = (await call('resources:balances', {})).find((b) => b.depotId === DEPOT && b.itemId === WATER)!;
    expect(balance).toMatchObject({ balance: 0, overdraft: false });
  });

  it('moves one allocation forward once when a dispatch and a decline race', async () => {
    for (const left of (await call('resources:listAllocations', {})).filter((a) => a.status === 'committed')) await call('resources:advanceAllocation', { id: left.id, to: 'declined' });
    const [id] = await requests(1, 1);
    await call('resources:importCsv', { kind: 'stock', fileName: 'delivery.csv', text: `depotId,itemId,quantity\n${DEPOT},${WATER},5\n` });
    await call('resources:advanceAllocation', { id: id!, to: 'committed' });
    const results = await settle([
      call('resources:advanceAllocation', { id: id!, to: 'dispatched' }),
      call('resources:advanceAllocation', { id: id!, to: 'declined' }),
      call('resources:advanceAllocation', { id: id!, to: 'dispatched' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(refusals(results).map((e) => e.reason?.key)).toEqual(['allocationStep', 'allocationStep']);
    const ledger = await call('resources:allocationLedger', { id: id! });
    expect(ledger.map((step) => step.step)).toEqual(['requested', 'committed', 'dispatched']);
  });

  it('names the person on the ledger line when the caller gives one (the hook for users)', async () => {
    const { advanceAllocation } = await import('./allocationService.ts');
    const [id] = await requests(1, 1);
    await advanceAllocation(core.store, { id: id!, to: 'declined' }, new Date(), '王值班');
    const ledger = await call('resources:allocationLedger', { id: id! });
    expect(ledger.at(-1)).toMatchObject({ step: 'declined', by: 'node-city', authorName: '王值班' });
  });
});
