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
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-wall-'));
  core = await createConsoleCore({ dataDir, nodeId: 'node-wall' });
}, 120_000);
afterAll(async () => {
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const reply = await dispatch(core.handlers, method, input);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), reply.error);
  return reply.result as MethodResult<M>;
}
async function refusal(promise: Promise<unknown>): Promise<ConsoleErrorShape> {
  return promise.then(() => { throw new Error('expected a refusal'); }, (error: ConsoleErrorShape) => error);
}

describe('the hall and its presets, in the op log', () => {
  it('seeds the city hall with four displays and the four built-in presets, daily duty on the wall', async () => {
    const state = await call('wall:state', {});
    expect(state.hall.displays?.map((display) => display.label)).toEqual(['A1', 'B1', 'A2', 'B2']);
    expect(state.presets.map((preset) => preset.name).sort()).toEqual(['会商', '台风应急', '日常值守', '防汛'].sort());
    expect(state.presets.find((preset) => preset.id === state.currentId)?.name).toBe('日常值守');
    const windows = await call('wall:windows', {});
    expect(windows.map((window) => [window.display, window.panel])).toEqual([['A1', 'map'], ['B1', 'incidents'], ['A2', 'board/stock'], ['B2', 'sync']]);
    expect(windows[0]!.address).toBe('/#/wall?hall=hall%3Acity&display=A1');
  });

  it('switches by name in either language, records who and why, and audits it', async () => {
    const before = await core.store.query('meta.countOps');
    const state = await call('wall:switch', { preset: 'Typhoon response', reason: 'drill' });
    expect(state.presets.find((preset) => preset.id === state.currentId)?.name).toBe('台风应急');
    expect(state.hall.current).toMatchObject({ presetId: 'preset:city:typhoon', by: 'console node-wall', reason: 'drill' });
    expect(await core.store.query('meta.countOps')).toBe(before + 1);
    const windows = await call('wall:windows', {});
    expect(windows.map((window) => window.cell)).toEqual(['A1–B1', 'A1–B1', 'A2', 'B2']);
    const audit = await core.store.query('audit.recent', { limit: 5 });
    expect(audit.some((entry) => entry.action === 'wall switch')).toBe(true);
    const unknown = await refusal(call('wall:switch', { preset: '地震' }));
    expect(unknown.code).toBe('NOT_FOUND');
    expect(unknown.message).toContain('日常值守');
  });

  it('refuses a preset that names an unknown panel or display, with the reason, and stores nothing', async () => {
    const before = await core.store.query('meta.countOps');
    const refused = await refusal(call('wall:savePreset', {
      name: '坏预案', cells: [{ display: 'A1', colSpan: 1, rowSpan: 1, route: '/weather' }, { display: 'C1', colSpan: 1, rowSpan: 1, route: '/sync' }],
    }));
    expect(refused.code).toBe('INVALID_ARGUMENT');
    expect(refused.message).toContain('unknown panel "weather"');
    expect(refused.message).toContain('the hall has no display C1');
    expect(await core.store.query('meta.countOps')).toBe(before);
    const saved = await call('wall:savePreset', { name: '夜班', nameEn: 'Night shift', mode: 'daily', cells: [{ display: 'A1', colSpan: 2, rowSpan: 2, route: '/map?view=121.47,31.23,10' }] });
    expect((await call('wall:state', {})).presets.some((preset) => preset.id === saved.id)).toBe(true);
  });

  it('proposes 台风应急 when a typhoon incident reaches level II; one click applies it with its reason', async () => {
    await call('wall:switch', { preset: '日常值守' });
    await call('incidents:report', { title: '台风“海葵”登陆', type: 'typhoon', level: 'III', nodeCode: '310000000000' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await call('wall:state', {})).hall.proposal ?? null).toBeNull();
    await call('incidents:report', { title: '台风“海葵”加强', type: 'typhoon', level: 'II', nodeCode: '310000000000' });
    await expect.poll(async () => (await call('wall:state', {})).hall.proposal?.presetId, { timeout: 5000 }).toBe('preset:city:typhoon');
    const applied = await call('wall:acceptProposal', {});
    expect(applied.currentId).toBe('preset:city:typhoon');
    expect(applied.hall.current?.reason).toContain('台风“海葵”加强');
    expect(applied.hall.proposal).toBeNull();
  });
});
