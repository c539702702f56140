import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function lintErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

/** Type-checks one virtual file under a layer's tsconfig and returns its diagnostics. */
function typeErrors(layer: string, file: string, code: string): string[] {
  const configPath = path.join(root, layer, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const probe = path.join(root, file);
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => (path.resolve(name) === probe ? code : readFile(name));
  host.fileExists = (name) => path.resolve(name) === probe || ts.sys.fileExists(name);
  host.getSourceFile = (name, version) => (path.resolve(name) === probe ? ts.createSourceFile(name, code, version) : getSourceFile(name, version));
  const program = ts.createProgram([probe], config.options, host);
  return ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName && path.resolve(d.file.fileName) === probe)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('layers are enforced by machines', () => {
  it('lint refuses Node, Electron and other layers in shared/', async () => {
    expect(await lintErrors('shared/domain/probe.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).not.toHaveLength(0);
    expect(await lintErrors('shared/domain/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).not.toHaveLength(0);
    expect(await lintErrors('shared/domain/probe.ts', "import { Store } from '../../electron/core/store/storeClient.ts';\nexport const x = Store;\n")).not.toHaveLength(0);
    expect(await lintErrors('shared/domain/probe.ts', "import { z } from 'zod';\nexport const x = z;\n")).toEqual([]);
  });

  it('lint refuses Node and the database in renderer/, and electron in electron/core/', async () => {
    expect(await lintErrors('renderer/panels/Probe.tsx', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n")).not.toHaveLength(0);
    expect(await lintErrors('renderer/panels/Probe.tsx', "import path from 'node:path';\nexport const x = path;\n")).not.toHaveLength(0);
    expect(await lintErrors('electron/core/services/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).not.toHaveLength(0);
    expect(await lintErrors('electron/core/services/probe.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n")).not.toHaveLength(0);
    expect(await lintErrors('electron/core/store/probe.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n")).toEqual([]);
  });

  it('shared/ compiles without Node or DOM types', () => {
    expect(typeErrors('shared', 'shared/domain/probe.ts', 'export const x = process.env;\n').join()).toMatch(/Cannot find name 'process'/);
    expect(typeErrors('shared', 'shared/domain/probe.ts', 'export const x = document.title;\n').join()).toMatch(/Cannot find name 'document'/);
    expect(typeErrors('shared', 'shared/domain/probe.ts', 'export const x: number = [1, 2].length;\n')).toEqual([]);
  });

  it('renderer/ compiles with the DOM but without Node types', () => {
    expect(typeErrors('renderer', 'renderer/probe.ts', 'export const x = process.env;\n').join()).toMatch(/Cannot find name 'process'/);
    expect(typeErrors('renderer', 'renderer/probe.ts', 'export const x = document.title;\n')).toEqual([]);
  });
});
