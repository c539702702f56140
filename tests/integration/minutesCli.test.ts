import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleCore } from '../../electron/core/consoleCore.ts';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'electron/host/bin.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-minutes-'));
  // A seeded store: the demo's exercise session is the one `--latest` finds.
  const core = await createConsoleCore({ dataDir });
  await core.close();
}, 120_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('resilience-console minutes', () => {
  it('writes the demo session as Markdown and as a PDF whose text comes out in Chinese', () => {
    const md = path.join(dataDir, 'minutes.md');
    const written = run('minutes', '--data', dataDir, '--latest', '--format', 'md', '--out', md, '--json');
    expect(written.status, written.stderr).toBe(0);
    expect(JSON.parse(written.stdout.trim().split('\n').pop()!)).toMatchObject({ event: 'written', sessionId: 'demo-session-lingang', tasks: { total: 4, closed: 1 } });
    const markdown = fs.readFileSync(md, 'utf8');
    expect(markdown).toContain('# 会商纪要: 临港海堤漫溢防汛会商（演练）');
    expect(markdown).toContain('启动防汛防台 III 级应急响应');

    const pdf = path.join(dataDir, 'minutes.pdf');
    const printed = run('minutes', '--data', dataDir, '--session', 'demo-session-lingang', '--format', 'pdf', '--out', pdf);
    expect(printed.status, printed.stderr).toBe(0);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('临港海堤漫溢防汛会商');
    expect(text).toContain('启动防汛防台 III 级应急响应');
    expect(execFileSync('pdffonts', [pdf], { encoding: 'utf8' })).toMatch(/NotoSansSC.*CID TrueType.*yes yes yes/);
  });

  it('refuses a missing session, a wrong format and no --out, with a clear line and exit code 2', () => {
    const unknown = run('minutes', '--data', dataDir, '--session', 'cs-nothing', '--format', 'md', '--out', path.join(dataDir, 'x.md'));
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no consultation session with id cs-nothing');
    expect(fs.existsSync(path.join(dataDir, 'x.md'))).toBe(false);
    const format = run('minutes', '--data', dataDir, '--latest', '--format', 'docx', '--out', path.join(dataDir, 'x.docx'));
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('--format must be md or pdf');
    const noOut = run('minutes', '--data', dataDir, '--latest');
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain('--out FILE is required');
  });
});
