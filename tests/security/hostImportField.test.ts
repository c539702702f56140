import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleCore, type ConsoleCore } from '../../electron/core/consoleCore.ts';
import { dispatch } from '../../shared/ipc/dispatch.ts';

// Finding 9: an oversized field in an imported file is the caller's bad input, named, not an internal failure.
let core: ConsoleCore;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-sec-import-'));
beforeAll(async () => { core = await createConsoleCore({ dataDir, seed: false }); });
afterAll(async () => {
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});


describe('an oversized field in an import', () => {
  it('is refused with INVALID_ARGUMENT naming the field, and nothing is stored', async () => {
    // A real best-track file whose storm name is 3,000 characters long.
    const text = fs.readFileSync(new URL('../fixtures/CH2021BST-sample.txt', import.meta.url), 'utf8').replace('In-fa', 'N'.repeat(3000));
    const reply = await dispatch(core.handlers, 'hazards:importTracks', { fileName: 'CH2021BST.txt', text, format: 'cmaBestTrack' });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('INVALID_ARGUMENT');
    // The best-track reader checks the name against the format's 20-column field before anything
    // else does, and says so with the line, in both languages.
    expect(reply.error.message).toMatch(/line 1: a storm name has at most 20 characters, this one has 3000/);
    expect(reply.error.message).toMatch(/第 1 行：台风名称最长 20 个字符/);
    expect(reply.error.message).not.toContain('NNNNNNNNNN');
    expect(reply.error.message.length).toBeLessThan(600);
    expect(await core.store.query('hazards.tracks')).toEqual([]);
  });
});
