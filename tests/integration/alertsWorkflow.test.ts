import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleCore, type ConsoleCore } from '../../electron/core/consoleCore.ts';
import { readCapDocument } from '../../shared/cap/capDocument.ts';
import { alertTemplate } from '../../shared/cap/templates.ts';
import type { MethodInput, MethodName, MethodResult } from '../../shared/ipc/contract.ts';
import type { Caller } from '../../shared/ipc/roles.ts';
import { CAP12_XSD, EXPECTED, readSample } from './capSamples.ts';

let core: ConsoleCore;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-alerts-'));
  core = await createConsoleCore({ dataDir, nodeId: 'city-alerts', synchronous: 'NORMAL' });
}, 120_000);
afterAll(async () => {
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type Result<M extends MethodName> = { ok: true; result: MethodResult<M> } | { ok: false; error: { code: string; message: string } };
const ADMIN: Caller = { userId: 'admin', name: '管理员', role: 'admin' };
const WANG: Caller = { userId: 'duty-wang', name: '王值班', role: 'duty' };
const LI: Caller = { userId: 'duty-li', name: '李科长', role: 'duty' };
/** Calls go through the core's call gate as a signed-in user, as every transport's do. */
async function call<M extends MethodName>(method: M, input: MethodInput<M>, caller: Caller = ADMIN): Promise<Result<M>> {
  return core.call(caller, method, input, 'test') as Promise<Result<M>>;
}
async function ok<M extends MethodName>(method: M, input: MethodInput<M>, caller: Caller = ADMIN): Promise<MethodResult<M>> {
  const reply = await call(method, input, caller);
  if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
  return reply.result;
}
const PUDONG = '310115000000';

function typhoonDraft(exercise = true): MethodInput<'alerts:saveDraft'> {
  const template = alertTemplate('typhoon-orange')!;
  return {
    event: template.event, categories: template.categories, responseTypes: template.responseTypes,
    urgency: template.urgency, severity: template.severity, certainty: template.certainty,
    texts: template.texts, groups: template.groups, channels: template.channels, areas: [{ description: '浦东新区', codes: [PUDONG] }], exercise,
  };
}

describe('alert workflow: draft → reviewed → issued, then update and cancel', () => {
  it('records who did each step, issues at P0 city-wide, and keeps drafts off the map', async () => {
    const draft = await ok('alerts:saveDraft', typhoonDraft(), WANG);
    expect(draft).toMatchObject({ state: 'draft', status: 'Exercise', exercise: true, msgType: 'Alert', severity: 'Severe', languages: ['zh-CN', 'en'] });
    expect((await ok('alerts:list', {})).map((alert) => alert.id)).not.toContain(draft.id);
    expect((await call('alerts:issue', { id: draft.id })).ok).toBe(false); // not reviewed yet

    const reviewed = await ok('alerts:review', { id: draft.id }, LI);
    const issued = await ok('alerts:issue', { id: reviewed.id });
    expect(issued.state).toBe('issued');
    expect(issued.steps!.map((step) => [step.step, step.by])).toEqual([['drafted', '王值班 (duty-wang)'], ['reviewed', '李科长 (duty-li)'], ['issued', '管理员 (admin)']]);
    // The signer is the caller: a client cannot name someone else as the author of a step.
    expect((await call('alerts:review', { id: draft.id, by: 'chief-li' } as never)).ok).toBe(false);
    expect((await ok('alerts:list', {})).map((alert) => alert.id)).toContain(issued.id);
    expect((await ok('alerts:listByState', { state: 'issued' })).map((alert) => alert.id)).toContain(issued.id);

    const ops = await core.store.query('ops.range', { origin: 'city-alerts', afterSeq: 0, limit: 100_000 });
    const alertOps = ops.filter((op) => op.key === issued.id);
    expect(alertOps.map((op) => op.priority)).toEqual([1, 1, 0]);
    expect(alertOps.at(-1)!.scope).toBe('*');

    // Issued is immutable.
    const edit = await call('alerts:saveDraft', { ...typhoonDraft(), id: issued.id });
    expect(edit).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('issued and cannot change') } });
    expect((await call('alerts:review', { id: issued.id })).ok).toBe(false);

    // An update and a cancel are new alerts that reference the original.
    const update = await ok('alerts:update', { id: issued.id });
    expect(update).toMatchObject({ msgType: 'Update', state: 'draft', references: [{ sender: issued.sender, identifier: issued.identifier, sent: issued.sent }] });
    expect(update.id).not.toBe(issued.id);
    const cancel = await ok('alerts:cancel', { id: issued.id });
    expect(cancel).toMatchObject({ msgType: 'Cancel', responseTypes: ['AllClear'] });
    await ok('alerts:review', { id: cancel.id });
    await ok('alerts:issue', { id: cancel.id });
    // The map shows what is in force: the cancelled original goes, and a cancel is not drawn as an area of its own.
    const active = (await ok('alerts:list', {})).map((alert) => alert.id);
    expect(active).not.toContain(issued.id);
    expect(active).toContain(cancel.id);
    expect((await ok('alerts:listByState', { state: 'draft' })).map((alert) => alert.id)).toContain(update.id);
  });

  it('refuses codes outside the region when composing', async () => {
    const reply = await call('alerts:saveDraft', { ...typhoonDraft(), areas: [{ description: '外地', codes: ['110101000000'] }] });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('110101000000') } });
  });

  it('exports an issued alert as CAP 1.2 that validates and imports back as the same alert', async () => {
    const draft = await ok('alerts:saveDraft', typhoonDraft(false));
    await ok('alerts:review', { id: draft.id });
    const issued = await ok('alerts:issue', { id: draft.id });
    expect(issued.status).toBe('Actual');
    expect((await call('alerts:export', { id: draft.id })).ok).toBe(true);
    const exported = await ok('alerts:export', { id: issued.id });
    if (spawnSync('xmllint', ['--version']).status === 0) {
      const file = path.join(dataDir, exported.fileName);
      fs.writeFileSync(file, exported.xml);
      const lint = spawnSync('xmllint', ['--noout', '--nonet', '--schema', CAP12_XSD, file], { encoding: 'utf8' });
      expect(lint.status, lint.stderr).toBe(0);
    } else {
      console.warn('alertsWorkflow: xmllint is not installed (libxml2-utils); schema check skipped');
    }
    // Read back in a fresh console: the same alert.
    const { readCapDocument: read } = await import('../../shared/cap/capDocument.ts');
    const { state: _state, steps: _steps, ...content } = issued;
    expect(read(exported.xml).alerts).toEqual([content]);

    // Here, where it is held: importing it again changes nothing; a file reusing its identifier with other content is refused.
    const again = await ok('alerts:import', { fileName: exported.fileName, text: exported.xml });
    expect(again.imported).toEqual([]);
    expect(again.notes).toEqual([`${issued.identifier}：已存在，跳过 / ${issued.identifier}: already held, skipped`]);
    const forged = await call('alerts:import', { fileName: 'forged.xml', text: exported.xml.replace('Typhoon orange warning for Shanghai', 'All clear, go outside') });
    expect(forged).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('is already held with different content') } });
    expect(await core.store.query('entity.get', { entity: 'alert', key: issued.id })).toEqual(issued);
  });

  it('imports or refuses every corpus sample through the service; a refused file stores nothing and is audited', async () => {
    for (const [file, expected] of Object.entries(EXPECTED)) {
      const before = await core.store.query('meta.countOps');
      const reply = await call('alerts:import', { fileName: file, text: readSample(file) });
      if (file === 'no_optional_fields.cap') {
        // It reuses earthquake.cap's sender and identifier with other content: once that is held, this is refused.
        expect(reply).toMatchObject({ ok: false, error: { message: expect.stringContaining('is already held with different content') } });
        expect(await core.store.query('meta.countOps'), file).toBe(before);
        continue;
      }
      if ('refused' in expected || expected.imports.length === 0) {
        expect(reply.ok, file).toBe(false);
        if (!reply.ok) expect(reply.error.message, file).toMatch(/nothing was imported/);
        if ('refused' in expected && !reply.ok) expect(reply.error.message).toContain(expected.refused);
        expect(await core.store.query('meta.countOps'), file).toBe(before);
      } else {
        expect(reply.ok, file).toBe(true);
        // Some samples repeat others' messages (bushfire_valid is bushfire): those are held already and skipped.
        if (reply.ok) {
          const skipped = reply.result.notes.filter((note) => note.endsWith('already held, skipped')).length;
          expect(reply.result.imported.length + skipped, file).toBe(expected.imports.length);
          for (const alert of reply.result.imported) expect(expected.imports).toContain(alert.event);
        }
      }
    }
    // Imported and issued, but long expired: listed on the board, not drawn on the map.
    const weather = readCapDocument(readSample('weather.cap')).alerts[0]!;
    expect(weather.expires! < new Date().toISOString()).toBe(true);
    expect((await ok('alerts:listByState', { state: 'issued' })).map((alert) => alert.id)).toContain(weather.id);
    expect((await ok('alerts:list', {})).map((alert) => alert.id)).not.toContain(weather.id);
    const audit = await core.store.query('audit.recent', { limit: 200 });
    expect(audit.filter((entry) => entry.action === 'alert import refused' && Object.hasOwn(EXPECTED, entry.actor.replace(/^import /, ''))).length).toBe(Object.values(EXPECTED).filter((e) => 'refused' in e || e.imports.length === 0).length + 1);
  });

  it('joins CPEAS codes to the region: districts by boundary, streets by their district, unknown codes reported', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>31000041600000-20260701-001</identifier><sender>shanghai-meteorological-service</sender><sent>2026-07-01T14:00:00+08:00</sent>
  <status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
  <info><language>zh-CN</language><category>Met</category><event>暴雨</event><urgency>Immediate</urgency><severity>Severe</severity><certainty>Likely</certainty>
    <headline>浦东新区暴雨橙色预警</headline>
    <area><areaDesc>浦东新区、潍坊新村街道、未知</areaDesc>
      <geocode><valueName>CPEAS Geographic Code</valueName><value>310115</value></geocode>
      <geocode><valueName>CPEAS Geographic Code</valueName><value>310115004</value></geocode>
      <geocode><valueName>CPEAS Geographic Code</valueName><value>999999</value></geocode>
    </area></info>
  <info><language>en-US</language><category>Met</category><event>Rainstorm</event><urgency>Immediate</urgency><severity>Severe</severity><certainty>Likely</certainty>
    <headline>Orange rainstorm warning for Pudong</headline>
    <area><areaDesc>Pudong, Weifang Xincun, unknown</areaDesc>
      <geocode><valueName>CPEAS Geographic Code</valueName><value>310115</value></geocode>
      <geocode><valueName>CPEAS Geographic Code</valueName><value>310115004</value></geocode>
      <geocode><valueName>CPEAS Geographic Code</valueName><value>999999</value></geocode>
    </area></info>
</alert>`;
    const result = await ok('alerts:import', { fileName: 'cpeas.xml', text: xml });
    expect(result.imported[0]!.areas).toHaveLength(1);
    expect(result.imported[0]!.areas[0]!.codes).toEqual([PUDONG, '310115004000', '999999000000']);
    expect(result.codes.map((report) => [report.code, report.outcome])).toEqual([[PUDONG, 'boundary'], ['310115004000', 'district'], ['999999000000', 'unknown']]);
    expect(result.codes[1]!.message).toMatch(/no boundary for street .* \(310115004000\); drawn as its district Pudong/);
    expect(result.codes[2]!.message).toContain('code 999999000000 matches no district or street of the region; the area is not drawn');

    const coverage = await ok('alerts:coverage', { id: result.imported[0]!.id });
    const nodes = await ok('nodes:list', {});
    const pudongStreets = nodes.filter((node) => node.parentCode === PUDONG).length;
    expect(pudongStreets).toBeGreaterThan(10);
    expect(coverage.areas[0]!.streets).toHaveLength(pudongStreets);
    const shelters = (await ok('resources:listShelters', {})).filter((shelter) => shelter.districtCode === PUDONG);
    expect(shelters.length).toBeGreaterThan(0);
    expect(coverage.areas[0]!.shelters).toHaveLength(shelters.length);
    // Pudong is named whole, so its street adds nothing more: its 2020 census population, with the source.
    expect(coverage.population).toMatchObject({ people: 5_681_512, parts: [{ code: PUDONG, method: 'whole' }], missing: [] });
    expect(coverage.population!.sources).toEqual([{ source: expect.stringContaining('7th National Population Census'), asOf: '2020-11-01' }]);
    expect(coverage.populationNote).toContain('districts named by code count whole');
  });
});
