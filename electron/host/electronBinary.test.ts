import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronBinaryPath } from './electronBinary.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const temps: string[] = [];

function fakeRepo(layout: { pathTxt?: string; binary?: string }): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-electron-binary-'));
  temps.push(root);
  const packageDir = path.join(root, 'node_modules', 'electron');
  fs.mkdirSync(path.join(packageDir, 'dist'), { recursive: true });
  if (layout.pathTxt !== undefined) fs.writeFileSync(path.join(packageDir, 'path.txt'), layout.pathTxt);
  if (layout.binary) {
    const file = path.join(packageDir, 'dist', layout.binary);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '#!/bin/sh\n', { mode: 0o755 });
  }
  return root;
}

afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('electronBinaryPath', () => {
  it('matches what is installed in this repo, without trying to download', () => {
    const pathTxt = path.join(repoRoot, 'node_modules', 'electron', 'path.txt');
    const expected = fs.existsSync(pathTxt)
      ? path.join(repoRoot, 'node_modules', 'electron', 'dist', fs.readFileSync(pathTxt, 'utf8').trim())
      : null;
    const found = electronBinaryPath(repoRoot, {});
    expect(found).toBe(expected && fs.existsSync(expected) ? expected : null);
  });

  it('is null when the electron package never wrote path.txt (the download failed)', () => {
    expect(electronBinaryPath(fakeRepo({}), {})).toBeNull();
  });

  it('is null when path.txt names a binary that is not there', () => {
    expect(electronBinaryPath(fakeRepo({ pathTxt: 'electron' }), {})).toBeNull();
  });

  it('is null when there is no node_modules/electron at all', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-electron-binary-'));
    temps.push(root);
    expect(electronBinaryPath(root, {})).toBeNull();
  });

  it('finds the binary named by path.txt under dist/', () => {
    const root = fakeRepo({ pathTxt: 'electron', binary: 'electron' });
    expect(electronBinaryPath(root, {})).toBe(path.join(root, 'node_modules', 'electron', 'dist', 'electron'));
  });

  it('finds a macOS-style nested path', () => {
    const nested = 'Electron.app/Contents/MacOS/Electron';
    const root = fakeRepo({ pathTxt: nested, binary: nested });
    expect(electronBinaryPath(root, {})).toBe(path.join(root, 'node_modules', 'electron', 'dist', nested));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package', () => {
    const root = fakeRepo({ pathTxt: 'electron' });
    const override = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-electron-dist-'));
    temps.push(override);
    expect(electronBinaryPath(root, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBeNull();
    fs.writeFileSync(path.join(override, 'electron'), '');
    expect(electronBinaryPath(root, { ELECTRON_OVERRIDE_DIST_PATH: override })).toBe(path.join(override, 'electron'));
  });
});
