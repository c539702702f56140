import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import type { MethodInput, MethodName, MethodResult } from '../../../shared/ipc/contract.ts';
import type { Reply } from '../../../shared/ipc/errors.ts';
import type { Caller } from '../../../shared/ipc/roles.ts';
import { createConsoleCore, type ConsoleCore } from '../../core/consoleCore.ts';

export const REPO_ROOT = path.resolve(new URL('../../..', import.meta.url).pathname);
export const DEFAULT_DATA = path.join(REPO_ROOT, 'data');
export const DEFAULT_STATIC = path.join(REPO_ROOT, 'dist', 'renderer');

/** One `resilience-console` command; each new command lives in its own file under host/commands/. */
export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Names of the positional arguments, when the command takes any. */
  positionals?: string[];
  run(values: Record<string, string | boolean | undefined>, out: Output, positionals: string[]): Promise<number>;
}

/** Prints for people, or one JSON object per line for scripts (--json). */
export class Output {
  constructor(readonly json: boolean) {}
  event(name: string, fields: Record<string, unknown>, human: string): void {
    if (this.json) process.stdout.write(`${JSON.stringify({ event: name, ...fields })}\n`);
    else process.stdout.write(`${human}\n`);
  }
  error(code: string, message: string): void {
    if (this.json) process.stdout.write(`${JSON.stringify({ event: 'error', code, message })}\n`);
    else process.stderr.write(`resilience-console: ${message}\n`);
  }
}

/** Options every command takes. */
export const common = {
  data: { type: 'string', short: 'd', default: DEFAULT_DATA },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/**
 * The operator at the command line: whoever can read the data folder is its machine's
 * administrator, so CLI calls run as an administrator, audited under the operating-system user.
 */
export function cliCaller(): Caller {
  let name = 'operator';
  try {
    name = os.userInfo().username || name;
  } catch { /* no user entry (some containers): keep "operator" */ }
  return { userId: 'cli', name, role: 'admin' };
}

/** Runs one console call as the CLI operator, through the core's role check and audit trail. */
export function cliCall<M extends MethodName>(core: ConsoleCore, method: M, input: MethodInput<M>): Promise<Reply<MethodResult<M>>> {
  return core.call(cliCaller(), method, input, 'cli') as Promise<Reply<MethodResult<M>>>;
}

/** A file an import reads as UTF-8 text, or null once the reason it cannot be read is printed. */
export function readImportText(file: string, out: Output): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    out.error('INVALID_ARGUMENT', `cannot read ${file}: ${(error as Error).message}`);
    return null;
  }
}

/**
 * One import call on the data folder's core: a refusal is printed with its code (exit 2), a
 * result goes to `report` (exit 0); the core is closed whatever happens.
 */
export async function importCall<M extends MethodName>(values: Record<string, string | boolean | undefined>, out: Output, method: M, input: MethodInput<M>, report: (result: MethodResult<M>) => void): Promise<number> {
  const core = await createConsoleCore({ dataDir: path.resolve(String(values.data)) });
  try {
    const reply = await cliCall(core, method, input);
    if (!reply.ok) {
      out.error(reply.error.code, reply.error.message);
      return 2;
    }
    report(reply.result);
    return 0;
  } finally {
    await core.close();
  }
}
