import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CMA_CATEGORIES, type StormSummary } from '../../shared/hazard/cmaBestTrack.ts';
import { dispatch } from '../../shared/ipc/dispatch.ts';
import { createConsoleCore } from '../core/consoleCore.ts';
import { StoreError } from '../core/store/storeErrors.ts';
import { electronBinaryPath } from './electronBinary.ts';
import { startHost } from './hostServer.ts';

const REPO_ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
const DEFAULT_DATA = path.join(REPO_ROOT, 'data');
const DEFAULT_STATIC = path.join(REPO_ROOT, 'dist', 'renderer');

interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Names of the positional arguments, when the command takes any. */
  positionals?: string[];
  run(values: Record<string, string | boolean | undefined>, out: Output, positionals: string[]): Promise<number>;
}

/** Prints for people, or one JSON object per line for scripts (--json). */
class Output {
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

const common = {
  data: { type: 'string', short: 'd', default: DEFAULT_DATA },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const COMMANDS: Record<string, Command> = {
  serve: {
    summary: 'run the console core and serve the browser console and its API on this machine',
    usage: 'resilience-console serve [--data DIR] [--port N] [--host ADDR] [--token T] [--json]',
    options: {
      ...common,
      port: { type: 'string', short: 'p', default: '5170' },
      host: { type: 'string', default: '127.0.0.1' },
      token: { type: 'string' },
      static: { type: 'string', default: DEFAULT_STATIC },
    },
    async run(values, out) {
      const port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        out.error('INVALID_ARGUMENT', `--port must be a whole number from 0 to 65535, not "${String(values.port)}"`);
        return 2;
      }
      const dataDir = path.resolve(String(values.data));
      out.event('opening', { dataDir }, `Opening data folder ${dataDir} …`);
      const core = await createConsoleCore({
        dataDir,
        onSeedProgress: (done, total) => out.event('seeding', { done, total }, `  seeding demo region (exercise data): ${done}/${total}`),
      });
      const host = await startHost({
        core, port, host: String(values.host), staticDir: path.resolve(String(values.static)),
        ...(typeof values.token === 'string' ? { token: values.token } : {}),
      });
      out.event('listening', { url: host.url, port: host.port, nodeId: core.store.identity.nodeId },
        `Resilience Console is running. Open this address in a browser:\n\n  ${host.url}\n\nPress Ctrl+C to stop.`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await host.close();
      await core.close();
      out.event('stopped', {}, 'Stopped.');
      return 0;
    },
  },
  import: {
    summary: 'import a file into the local store, whole or not at all: track (CMA best-track), depots, stock, teams (CSV)',
    usage: 'resilience-console import track|depots|stock|teams FILE [--data DIR] [--exercise] [--json]',
    options: { ...common, exercise: { type: 'boolean', default: false } },
    positionals: ['KIND', 'FILE'],
    async run(values, out, positionals) {
      const [kind, file] = positionals;
      const kinds = ['track', 'depots', 'stock', 'teams'];
      if (!kind || !kinds.includes(kind) || !file || positionals.length !== 2) {
        out.error('INVALID_ARGUMENT', `expected "import ${kinds.join('|')} FILE", got "import ${positionals.join(' ')}"`);
        return 2;
      }
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (error) {
        out.error('INVALID_ARGUMENT', `cannot read ${file}: ${(error as Error).message}`);
        return 2;
      }
      const fileName = path.basename(file);
      const core = await createConsoleCore({ dataDir: path.resolve(String(values.data)) });
      try {
        if (kind !== 'track') {
          const reply = await dispatch(core.handlers, 'resources:importCsv', { kind: kind as 'depots' | 'stock' | 'teams', fileName, text, exercise: values.exercise === true });
          if (!reply.ok) {
            out.error(reply.error.code, reply.error.message);
            return 2;
          }
          const { imported } = reply.result as { imported: number };
          out.event('imported', { kind, rows: imported, file: fileName }, `Imported ${imported} ${kind} row(s) from ${fileName}.`);
          return 0;
        }
        const reply = await dispatch(core.handlers, 'hazards:importTracks', { fileName, text });
        if (!reply.ok) {
          out.error(reply.error.code, reply.error.message);
          return 2;
        }
        const storms = reply.result as StormSummary[];
        for (const storm of storms) {
          const peak = CMA_CATEGORIES[storm.peakCategory];
          out.event('storm', { ...storm },
            `${storm.number.padEnd(10)} ${storm.name.padEnd(12)} ${String(storm.points).padStart(4)} points  `
            + `${storm.first.slice(0, 16).replace('T', ' ')} → ${storm.last.slice(0, 16).replace('T', ' ')} UTC  `
            + `peak ${peak.zh} ${peak.en}, ${storm.peakWindMs} m/s, ${storm.minPressureHpa} hPa`);
        }
        out.event('imported', { kind, storms: storms.length, file: fileName }, `Imported ${storms.length} storm(s) from ${fileName}.`);
        return 0;
      } finally {
        await core.close();
      }
    },
  },
  start: {
    summary: 'open the desktop console (Electron); without the Electron binary, the browser console',
    usage: 'resilience-console start [--data DIR] [--port N] [--json]',
    options: { ...common, port: { type: 'string', short: 'p', default: '5170' } },
    async run(values, out) {
      if (electronBinaryPath(REPO_ROOT)) {
        return runChild('npx', ['electron-forge', 'start']);
      }
      const notice = 'The Electron binary is not installed on this machine (it could not be downloaded), so the desktop window cannot open; starting the browser console instead.';
      out.event('electron-unavailable', { message: notice }, notice);
      if (!fs.existsSync(path.join(DEFAULT_STATIC, 'index.html'))) {
        out.event('building', {}, 'Building the console screens (first start only) …');
        const built = await runChild('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
        if (built !== 0) return built;
      }
      return COMMANDS.serve!.run({ ...values, host: '127.0.0.1', static: DEFAULT_STATIC }, out, []);
    },
  },
};

function runChild(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    // The child's output goes to stderr so that stdout stays one JSON object per line under --json.
    const child = spawn(command, args, { cwd: REPO_ROOT, stdio: ['inherit', 2, 2] });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

function helpText(): string {
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(8)} ${command.summary}`);
  return ['Usage: resilience-console <command> [options]', '', 'Commands:', ...lines, '',
    'Every command takes --help, and --json for output that scripts can read.'].join('\n');
}

function optionHelp(command: Command): string {
  const lines = Object.entries(command.options).map(([name, option]) =>
    `  --${name}${option.type === 'string' ? ' VALUE' : ''}${'default' in option && option.default !== false ? `  (default: ${String(option.default)})` : ''}`);
  return [`Usage: ${command.usage}`, '', command.summary, '', 'Options:', ...lines].join('\n');
}

/** Runs one CLI invocation; resolves with the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${helpText()}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  const wantsJson = rest.includes('--json');
  const out = new Output(wantsJson);
  if (!command) {
    out.error('UNKNOWN_COMMAND', `unknown command "${name}". Run resilience-console --help for the list.`);
    return 2;
  }
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[] = [];
  try {
    const parsed = parseArgs({ args: rest, options: command.options, strict: true, allowPositionals: command.positionals !== undefined });
    values = parsed.values as typeof values;
    positionals = parsed.positionals;
  } catch (error) {
    out.error('INVALID_ARGUMENT', `${(error as Error).message}\n${optionHelp(command)}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${optionHelp(command)}\n`);
    return 0;
  }
  try {
    return await command.run(values, out, positionals);
  } catch (error) {
    if (error instanceof StoreError) {
      out.error(error.code, error.message);
      return 3;
    }
    out.error('INTERNAL', (error as Error).stack ?? String(error));
    return 1;
  }
}
