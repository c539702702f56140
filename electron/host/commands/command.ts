import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';

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
