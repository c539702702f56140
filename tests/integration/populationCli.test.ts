import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createConsoleCore } from '../../electron/core/consoleCore.ts';
import type { Caller } from '../../shared/ipc/roles.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'electron/host/bin.mjs');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-population-cli-'));
const written: string[] = [];
afterAll(() => { for (const target of [dataDir, ...written]) fs.rmSync(target, { recursive: true, force: true }); });
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 90_000 });
const write = (name: string, text: string) => {
  const file = path.join(dataDir, '..', `${path.basename(dataDir)}-${name}`);
  fs.writeFileSync(file, text);
  written.push(file);
  return file;
};
const ADMIN: Caller = { userId: 'admin', name: '管理员', role: 'admin' };
const VIEWER: Caller = { userId: 'wall', name: '大屏', role: 'viewer' };
const STREET_ALERT = `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>pop-test-1</identifier><sender>shanghai@cma.cn</sender><sent>2026-07-01T08:00:00+08:00</sent>
  <status>Exercise</status><msgType>Alert</msgType><scope>Public</scope>
  <info><language>zh-CN</language><category>Met</category><event>暴雨</event><urgency>Immediate</urgency>
    <severity>Severe</severity><certainty>Likely</certainty><headline>南京东路街道暴雨预警</headline>
    <area><areaDesc>南京东路街道</areaDesc><geocode><valueName>CPEAS Geographic Code</valueName><value>310101002</value></geocode></area>
  </info>
</alert>`;

describe('resilience-console import population', () => {
  it('replaces the table with an authoritative one, refuses a bad one whole, and alerts count people by it', async () => {
    const good = write('hp.csv', 'code,name,people\n310101,黄浦区,662030\n310101002,南京东路街道,51234\n');
    const imported = run('import', 'population', good, '--data', dataDir, '--source', '黄浦区统计局 街道常住人口', '--as-of', '2020-11-01', '--json');
    expect(imported.status, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout.trim())).toMatchObject({ event: 'imported', kind: 'population', rows: 2, total: 662_030 });

    const before = fs.readFileSync(path.join(dataDir, 'population.csv'), 'utf8');
    const bad = write('bad.csv', 'code,people,as_of,source\n310104,1113078,2020-11-01,census\n310104,1,2020-11-01,census\n');
    const refused = run('import', 'population', bad, '--data', dataDir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('line 3: code 310104000000 appears twice (first on line 2); nothing was imported.');
    const undated = run('import', 'population', write('undated.csv', 'code,people\n310104,1113078\n'), '--data', dataDir);
    expect(undated.status).toBe(2);
    expect(undated.stderr).toContain('as_of "" must be the date of the count');
    expect(fs.readFileSync(path.join(dataDir, 'population.csv'), 'utf8')).toBe(before);

    expect(run('import', 'alert', write('street.cap', STREET_ALERT), '--data', dataDir).status).toBe(0);
    const core = await createConsoleCore({ dataDir, synchronous: 'NORMAL' });
    try {
      const table = await core.call(VIEWER, 'population:table', {}, 'test');
      expect(table).toMatchObject({ ok: true, result: { shipped: false, rows: 2, sources: [{ source: '黄浦区统计局 街道常住人口', asOf: '2020-11-01' }] } });
      const byViewer = await core.call(VIEWER, 'population:import', { fileName: 'x.csv', text: 'code,people\n' }, 'test');
      expect(byViewer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const alerts = await core.call(ADMIN, 'alerts:listByState', {}, 'test');
      if (!alerts.ok) throw new Error(alerts.error.message);
      const alert = (alerts.result as { id: string; identifier: string }[]).find((candidate) => candidate.identifier === 'pop-test-1')!;
      const coverage = await core.call(ADMIN, 'alerts:coverage', { id: alert.id }, 'test');
      expect(coverage).toMatchObject({ ok: true, result: { population: { people: 51_234, parts: [{ code: '310101000000', method: 'table', people: 51_234 }] } } });
    } finally {
      await core.close();
    }
  }, 120_000);
});
