import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CAP12_XSD, CAP_SAMPLES_DIR } from './capSamples.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'electron/host/bin.mjs');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-alert-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 90_000 });
const sample = (file: string) => path.join(CAP_SAMPLES_DIR, file);

describe('resilience-console import alert | export alert', () => {
  it('imports a CAP file with one line per alert, refuses a bad one with its reason, and exports CAP 1.2 that validates', () => {
    const edxl = run('import', 'alert', sample('bushfire.edxlde'), '--data', dataDir, '--json');
    expect(edxl.status, edxl.stderr).toBe(0);
    const events = edxl.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events.filter((event) => event.event === 'alert')).toHaveLength(7);
    expect(events.at(-1)).toMatchObject({ event: 'imported', kind: 'alert', format: 'edxl-de', alerts: 7 });

    const latin1 = run('import', 'alert', sample('earthquake-iso8859-1.cap'), '--data', dataDir);
    expect(latin1.status, latin1.stderr).toBe(0);
    expect(latin1.stdout).toMatch(/^cap-[0-9a-f]{16} {2}Actual Alert \w+ {2}Earthquake — /m);
    expect(latin1.stdout).toContain('Imported 1 alert(s) from earthquake-iso8859-1.cap (cap).');

    // The CLI hands the core the file's bytes: GBK arrives as written, an unreadable encoding is named.
    const world = (file: string) => path.resolve(import.meta.dirname, '../fixtures/cap-world', file);
    const gbk = run('import', 'alert', world('encoding-gbk.cap'), '--data', dataDir);
    expect(gbk.status, gbk.stderr).toBe(0);
    expect(gbk.stdout).toContain('台风 — 深圳市颱風黄色预警（堃鹏台站） (1 area(s))');
    const ebcdic = run('import', 'alert', world('encoding-unknown-ebcdic.cap'), '--data', dataDir);
    expect(ebcdic.status).toBe(2);
    expect(ebcdic.stderr).toContain("encoding-unknown-ebcdic.cap: document: declares the encoding 'EBCDIC-CP-US', which this console cannot read");

    const refused = run('import', 'alert', sample('invalid.cap'), '--data', dataDir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('invalid.cap: alert.scope: is required and missing; nothing was imported.');
    const attack = run('import', 'alert', sample('xee.cap'), '--data', dataDir, '--json');
    expect(attack.status).toBe(2);
    expect(JSON.parse(attack.stdout.trim())).toMatchObject({ event: 'error', code: 'INVALID_ARGUMENT', message: expect.stringContaining('DOCTYPE declaration') });
    const linkOnly = run('import', 'alert', sample('earthquake_index.atom'), '--data', dataDir);
    expect(linkOnly.status).toBe(2);
    expect(linkOnly.stderr).toContain('links to a CAP message, not fetched');

    const id = (events.find((event) => event.event === 'alert')!.id) as string;
    const target = path.join(dataDir, 'out.xml');
    const exported = run('export', 'alert', id, '--data', dataDir, '--out', target);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toContain(`Exported alert ${id} as CAP 1.2 to ${target}`);
    if (spawnSync('xmllint', ['--version']).status === 0) {
      const lint = spawnSync('xmllint', ['--noout', '--nonet', '--schema', CAP12_XSD, target], { encoding: 'utf8' });
      expect(lint.status, lint.stderr).toBe(0);
    } else {
      console.warn('alertCli: xmllint is not installed (libxml2-utils); schema check skipped');
    }
    const missing = run('export', 'alert', 'cap-0000000000000000', '--data', dataDir, '--out', target);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no alert with id cap-0000000000000000');
    expect(run('export', 'alert', id, '--data', dataDir).stderr).toContain('needs --out FILE.xml');
  }, 240_000);
});
