import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodResult } from '../../../shared/ipc/contract.ts';
import { dispatch } from '../../../shared/ipc/dispatch.ts';
import type { ConsoleErrorShape } from '../../../shared/ipc/errors.ts';
import { createConsoleCore, type ConsoleCore } from '../consoleCore.ts';

let core: ConsoleCore;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-forces-'));
  core = await createConsoleCore({ dataDir, nodeId: 'node-forces' });
});
afterAll(async () => {
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Calls the core as a transport would: validated by the contract, a typed result or error. */
async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const reply = await dispatch(core.handlers, method, input);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), reply.error);
  return reply.result as MethodResult<M>;
}
async function refusal(promise: Promise<unknown>): Promise<ConsoleErrorShape> {
  return promise.then(() => { throw new Error('expected a refusal'); }, (error: ConsoleErrorShape) => error);
}
const volunteer = async (id: string) => (await call('forces:listVolunteers', {})).find((v) => v.id === id)!;
const equipment = async (id: string) => (await call('forces:listEquipment', {})).find((e) => e.id === id)!;

describe('volunteer call-up', () => {
  it('lists the seeded roster and calls up available volunteers with the time and the reason', async () => {
    const roster = await call('forces:listVolunteers', {});
    expect(roster).toHaveLength(192);
    const ids = roster.filter((v) => v.districtCode === '310101000000' && v.status === 'available').slice(0, 3).map((v) => v.id);
    expect(ids).toHaveLength(3);
    const called = await call('forces:callUpVolunteers', { ids, reason: '外滩积水 evacuation' });
    expect(called.map((v) => v.status)).toEqual(['calledUp', 'calledUp', 'calledUp']);
    for (const id of ids) {
      const stored = await volunteer(id);
      expect(stored).toMatchObject({ status: 'calledUp', calledUpFor: '外滩积水 evacuation' });
      expect(Date.now() - Date.parse(stored.calledUpAt!)).toBeLessThan(60_000);
    }
    // Calling the same people again is refused by name, and changes nothing.
    const again = await refusal(call('forces:callUpVolunteers', { ids }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain(ids[0]);
    const down = await call('forces:standDownVolunteers', { ids: [ids[0]!] });
    expect(down[0]!.status).toBe('stoodDown');
    expect((await volunteer(ids[0]!)).status).toBe('stoodDown');
  });

  it('calls up nobody when one of the volunteers is unavailable or unknown', async () => {
    const roster = await call('forces:listVolunteers', {});
    const away = roster.find((v) => v.status === 'unavailable')!;
    const free = roster.filter((v) => v.status === 'available' && v.districtCode === away.districtCode).slice(0, 2);
    const refused = await refusal(call('forces:callUpVolunteers', { ids: [...free.map((v) => v.id), away.id] }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain(`${away.name} (${away.id}) is unavailable`);
    for (const v of free) expect((await volunteer(v.id)).status).toBe('available');

    const unknown = await refusal(call('forces:callUpVolunteers', { ids: [free[0]!.id, 'demo-vol-nobody'] }));
    expect(unknown.code).toBe('NOT_FOUND');
    expect((await volunteer(free[0]!.id)).status).toBe('available');
    expect((await refusal(call('forces:callUpVolunteers', { ids: [] }))).code).toBe('INVALID_ARGUMENT');
    expect((await refusal(call('forces:standDownVolunteers', { ids: [free[0]!.id] }))).code).toBe('CONFLICT');
  });
});

describe('equipment state', () => {
  it('deploys ready equipment to a team and returns it, clearing the team', async () => {
    const all = await call('forces:listEquipment', {});
    expect(all).toHaveLength(96);
    expect(new Set(all.map((e) => e.state))).toEqual(new Set(['ready', 'maintenance', 'outOfService']));
    const piece = all.find((e) => e.state === 'ready')!;
    const team = (await call('resources:listTeams', {})).find((t) => t.districtCode === piece.districtCode)!;
    const deployed = await call('forces:updateEquipment', { id: piece.id, state: 'deployed', teamId: team.id });
    expect(deployed).toMatchObject({ state: 'deployed', teamId: team.id });
    expect(await equipment(piece.id)).toMatchObject({ state: 'deployed', teamId: team.id, name: piece.name });
    await call('forces:updateEquipment', { id: piece.id, state: 'maintenance' });
    const back = await equipment(piece.id);
    expect(back.state).toBe('maintenance');
    expect(back.teamId).toBeUndefined();
  });

  it('refuses a deployment without a team, to an unknown team, or of broken equipment, changing nothing', async () => {
    const all = await call('forces:listEquipment', {});
    const ready = all.find((e) => e.state === 'ready' && !e.teamId)!;
    const broken = all.find((e) => e.state === 'outOfService')!;
    const team = (await call('resources:listTeams', {}))[0]!;
    expect((await refusal(call('forces:updateEquipment', { id: ready.id, state: 'deployed' }))).code).toBe('INVALID_ARGUMENT');
    expect((await refusal(call('forces:updateEquipment', { id: ready.id, state: 'deployed', teamId: 'demo-team-nobody' }))).code).toBe('NOT_FOUND');
    expect((await refusal(call('forces:updateEquipment', { id: ready.id, state: 'ready', teamId: team.id }))).code).toBe('INVALID_ARGUMENT');
    expect((await refusal(call('forces:updateEquipment', { id: broken.id, state: 'deployed', teamId: team.id }))).code).toBe('CONFLICT');
    expect((await refusal(call('forces:updateEquipment', { id: ready.id, state: 'lost' as never }))).code).toBe('INVALID_ARGUMENT');
    expect(await equipment(ready.id)).toEqual(ready);
    expect(await equipment(broken.id)).toEqual(broken);
  });
});

describe('stock board', () => {
  it('shows every depot × item balance with the item minimum and the earliest expiry, following allocations', async () => {
    const board = await call('resources:stockBoard', {});
    expect(board).toHaveLength(32 * 12);
    const balances = await call('resources:balances', {});
    for (const balance of balances) {
      expect(board.find((row) => row.id === `${balance.depotId}/${balance.itemId}`)?.balance).toBe(balance.balance);
    }
    const water = board.find((row) => row.id === 'demo-depot-310101-1/demo-item-water')!;
    expect(water).toMatchObject({ unit: '箱', minLevel: 600, districtCode: '310101000000', exercise: true });
    expect(water.earliestExpiry).toMatch(/^202[67]-/);
    expect(board.find((row) => row.itemId === 'demo-item-sandbag')!.earliestExpiry).toBeNull();

    const shelter = (await call('resources:listShelters', {}))[0]!;
    const request = await call('resources:requestAllocation', { itemId: 'demo-item-water', quantity: 25, destination: { kind: 'shelter', id: shelter.id }, exercise: true });
    await call('resources:advanceAllocation', { id: request.id, to: 'committed', sourceDepotId: water.depotId });
    await call('resources:advanceAllocation', { id: request.id, to: 'dispatched' });
    const after = (await call('resources:stockBoard', {})).find((row) => row.id === water.id)!;
    expect(after.balance).toBe(water.balance - 25);
  });
});
