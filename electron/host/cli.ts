import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cliCall, common, DEFAULT_STATIC, Output, readImportText, REPO_ROOT, type Command } from './commands/command.ts';
import { usersCommand } from './commands/users.ts';
import { minutesCommand } from './commands/minutes.ts';
import { wallCommand } from './commands/wall.ts';
import { CMA_CATEGORIES, type StormSummary } from '../../shared/hazard/cmaBestTrack.ts';
import type { BasemapInfo, BoundaryImportResult } from '../../shared/map/basemap.ts';
import { createConsoleCore } from '../core/consoleCore.ts';
import { StoreError } from '../core/store/storeErrors.ts';
import { electronBinaryPath } from './electronBinary.ts';
import { watchAccessToken } from './accessToken.ts';
import { startHost } from './hostServer.ts';
import { serveCommand } from './commands/serve.ts';
import { onlineBasemapCommand } from './commands/onlineBasemap.ts';
import { tokenCommand } from './commands/token.ts';
import { z } from 'zod';
import type { LinkChannel, NodeRole } from '../../shared/ipc/contract.ts';
import { levelOfCode } from '../../shared/domain/codes.ts';
import { DATABASE_FILE, Store } from '../core/store/storeClient.ts';
import { loadOrCreateNodeKeys } from '../core/sync/nodeKeys.ts';
import { ChildEntry } from '../core/sync/syncNode.ts';
import { exportCommand } from './commands/export.ts';
import { importAlert } from './commands/importAlert.ts';
import { importPopulation } from './commands/importPopulation.ts';
import { networkCommand } from './commands/network.ts';

/** Every command; a new one lives in its own file under commands/ and is added here in one line. */
const COMMANDS: Record<string, Command> = {
  users: usersCommand,
  export: exportCommand,
  serve: serveCommand,
  minutes: minutesCommand,
  import: {
    summary: 'import a file into the local store, whole or not at all: track (CMA best-track or GeoJSON), depots, stock, teams (CSV), boundaries (GeoJSON region pack), basemap (MBTiles), alert (CAP, Atom/RSS of CAP, EDXL-DE), population (CSV: code,people,as_of,source)',
    usage: 'resilience-console import track|depots|stock|teams|boundaries|basemap|alert|population FILE [--data DIR] [--format cma|geojson] [--crs wgs84|gcj02] [--source TEXT --as-of YYYY-MM-DD] [--exercise] [--json]',
    options: {
      ...common,
      exercise: { type: 'boolean', default: false },
      /** For track: cma (CMA best-track text, the default) or geojson. */
      format: { type: 'string', default: 'cma' },
      /** For boundaries: the datum of the file's coordinates; required, never guessed. */
      crs: { type: 'string' },
      /** For population: where the figures come from and when they were counted, for a file without those columns. */
      source: { type: 'string' },
      'as-of': { type: 'string' },
    },
    positionals: ['KIND', 'FILE'],
    async run(values, out, positionals) {
      const [kind, file] = positionals;
      const kinds = ['track', 'depots', 'stock', 'teams', 'boundaries', 'basemap', 'alert', 'population'];
      if (!kind || !kinds.includes(kind) || !file || positionals.length !== 2) {
        out.error('INVALID_ARGUMENT', 'expected "import track|depots|stock|teams FILE", "import boundaries FILE --crs wgs84|gcj02" '
          + `, "import basemap FILE.mbtiles", "import alert FILE" or "import population FILE.csv", got "import ${positionals.join(' ')}"`);
        return 2;
      }
      if (kind === 'boundaries' && values.crs !== 'wgs84' && values.crs !== 'gcj02') {
        out.error('INVALID_ARGUMENT', `import boundaries needs --crs wgs84 or --crs gcj02 (the datum of the file's coordinates; 坐标系须明确指定), got ${values.crs === undefined ? 'none' : `"${String(values.crs)}"`}`);
        return 2;
      }
      if (kind === 'track' && values.format !== 'cma' && values.format !== 'geojson') {
        out.error('INVALID_ARGUMENT', `--format must be cma or geojson, not "${String(values.format)}"`);
        return 2;
      }
      if (kind === 'basemap') return importBasemap(file, values, out);
      if (kind === 'alert') return importAlert(file, values, out);
      if (kind === 'population') return importPopulation(file, values, out);
      const text = readImportText(file, out);
      if (text === null) return 2;
      const fileName = path.basename(file);
      const core = await createConsoleCore({ dataDir: path.resolve(String(values.data)) });
      try {
        if (kind === 'boundaries') {
          const reply = await cliCall(core, 'map:importBoundaries', { fileName, text, crs: values.crs as 'wgs84' | 'gcj02' });
          if (!reply.ok) {
            out.error(reply.error.code, reply.error.message);
            return 2;
          }
          const result = reply.result as BoundaryImportResult;
          out.event('imported', { kind, ...result },
            `Imported ${result.imported} boundary(ies) from ${fileName} (${result.crs === 'gcj02' ? 'GCJ-02, converted to WGS84' : 'WGS84'}): `
            + `${result.byLevel.city} city, ${result.byLevel.district} district, ${result.byLevel.street} street.`);
          return 0;
        }
        if (kind !== 'track') {
          const reply = await cliCall(core, 'resources:importCsv', { kind: kind as 'depots' | 'stock' | 'teams', fileName, text, exercise: values.exercise === true });
          if (!reply.ok) {
            out.error(reply.error.code, reply.error.message);
            return 2;
          }
          const { imported } = reply.result as { imported: number };
          out.event('imported', { kind, rows: imported, file: fileName }, `Imported ${imported} ${kind} row(s) from ${fileName}.`);
          return 0;
        }
        // Timed from the text in memory to the transaction on disk: parsing, checking and writing.
        const started = performance.now();
        const reply = await cliCall(core, 'hazards:importTracks', { fileName, text, format: values.format === 'geojson' ? 'geojson' : 'cmaBestTrack' });
        const ms = Math.round(performance.now() - started);
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
        const points = storms.reduce((sum, storm) => sum + storm.points, 0);
        out.event('imported', { kind, storms: storms.length, points, file: fileName, ms },
          `Imported ${storms.length} storm(s), ${points} points from ${fileName} in ${ms} ms.`);
        return 0;
      } finally {
        await core.close();
      }
    },
  },
  'online-basemap': onlineBasemapCommand,
  token: tokenCommand,
  keys: {
    summary: 'create (if missing) and print this node\'s identity and public key, for its parent\'s list of children',
    usage: 'resilience-console keys --data DIR [--node-id ID --role city|district|street --node-code CODE] [--json]',
    options: { ...common, 'node-id': { type: 'string' }, role: { type: 'string' }, 'node-code': { type: 'string' } },
    async run(values, out) {
      const identity = parseIdentity(values, out);
      if (identity === null) return 2;
      const dataDir = path.resolve(String(values.data));
      const store = await Store.open({ dataDir, ...identity });
      try {
        const keys = loadOrCreateNodeKeys(dataDir);
        const entry = { nodeId: store.identity.nodeId, publicKey: keys.publicKeyText, role: store.identity.role, nodeCode: store.identity.nodeCode };
        if (out.json) process.stdout.write(`${JSON.stringify(entry)}\n`);
        else process.stdout.write(`Node ${entry.nodeId} (${entry.role} ${entry.nodeCode})\npublic key: ${entry.publicKey}\n`);
        return 0;
      } finally {
        await store.close();
      }
    },
  },
  hub: {
    summary: 'run a node without a screen: sync with its parent, serve its children and the console API',
    usage: 'resilience-console hub --data DIR --port N [--parent ws://HOST:PORT|wss://HOST:PORT] [--parent-key KEY] [--parent-ca FILE] [--tls-cert FILE --tls-key FILE] [--children FILE] [--channel fibre|wireless|beidou|satphone] [--quarantine-expiry-hours H] [--parent-grace-seconds S] [--token T] [--seed]',
    options: {
      ...common,
      port: { type: 'string', short: 'p', default: '5180' },
      host: { type: 'string', default: '127.0.0.1' },
      token: { type: 'string' },
      parent: { type: 'string' },
      'parent-key': { type: 'string' },
      'parent-ca': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'quarantine-expiry-hours': { type: 'string', default: '24' },
      'parent-grace-seconds': { type: 'string', default: '30' },
      children: { type: 'string' },
      channel: { type: 'string', default: 'fibre' },
      'budget-bytes-per-minute': { type: 'string' },
      'verify-every': { type: 'string', default: '60' },
      seed: { type: 'boolean', default: false },
      static: { type: 'string', default: DEFAULT_STATIC },
      'node-id': { type: 'string' }, role: { type: 'string' }, 'node-code': { type: 'string' },
    },
    async run(values, out) {
      const port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        out.error('INVALID_ARGUMENT', `--port must be a whole number from 0 to 65535, not "${String(values.port)}"`);
        return 2;
      }
      const channel = String(values.channel);
      if (!['fibre', 'wireless', 'beidou', 'satphone'].includes(channel)) {
        out.error('INVALID_ARGUMENT', `--channel must be fibre, wireless, beidou or satphone, not "${channel}"`);
        return 2;
      }
      if (typeof values.parent === 'string' && !/^(ws|wss|http|https):\/\/[^\s]+$/.test(values.parent)) {
        out.error('INVALID_ARGUMENT', `--parent must be an address like ws://10.0.0.1:5180, not "${values.parent}"`);
        return 2;
      }
      const identity = parseIdentity(values, out);
      if (identity === null) return 2;
      let children: ChildEntry[] = [];
      if (typeof values.children === 'string') {
        try {
          children = z.array(ChildEntry).parse(JSON.parse(fs.readFileSync(values.children, 'utf8')));
        } catch (error) {
          out.error('INVALID_ARGUMENT', `the children file ${values.children} is not a list of node entries (from \`resilience-console keys --json\`): ${error instanceof z.ZodError ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (error as Error).message}`);
          return 2;
        }
      }
      const tls = readTlsOptions(values, out);
      if (tls === null) return 2;
      const expiryHours = Number(values['quarantine-expiry-hours']);
      if (!Number.isFinite(expiryHours) || expiryHours <= 0 || expiryHours > 24 * 365) {
        out.error('INVALID_ARGUMENT', `--quarantine-expiry-hours must be a number of hours above 0, not "${String(values['quarantine-expiry-hours'])}"`);
        return 2;
      }
      const parentGrace = Number(values['parent-grace-seconds']);
      if (!Number.isFinite(parentGrace) || parentGrace < 1) {
        out.error('INVALID_ARGUMENT', `--parent-grace-seconds must be at least 1, not "${String(values['parent-grace-seconds'])}"`);
        return 2;
      }
      const verifyEvery = Number(values['verify-every']);
      const budget = values['budget-bytes-per-minute'] === undefined ? undefined : Number(values['budget-bytes-per-minute']);
      const core = await createConsoleCore({
        dataDir: path.resolve(String(values.data)),
        ...identity,
        seed: values.seed === true,
        sync: {
          parentUrl: typeof values.parent === 'string' ? values.parent : null,
          parentKey: typeof values['parent-key'] === 'string' ? values['parent-key'] : null,
          parentCa: tls.parentCa,
          quarantineExpiryMs: expiryHours * 3_600_000,
          parentGraceMs: parentGrace * 1000,
          children,
          channel: channel as LinkChannel,
          ...(budget !== undefined && Number.isFinite(budget) ? { budgetBytesPerMinute: budget } : {}),
          verifyEveryMs: Number.isFinite(verifyEvery) && verifyEvery > 0 ? verifyEvery * 1000 : 0,
        },
      });
      const host = await startHost({
        core, port, host: String(values.host), staticDir: path.resolve(String(values.static)),
        // Like serve: the data folder's token, so consoles open on this hub survive its restart.
        token: typeof values.token === 'string' ? values.token : watchAccessToken(path.resolve(String(values.data))),
        ...(tls.server ? { tls: tls.server } : {}),
      });
      const { nodeId, nodeCode, role } = core.store.identity;
      // A headless node always announces itself as one JSON line, for the scripts that start it.
      process.stdout.write(`${JSON.stringify({ event: 'ready', nodeId, nodeCode, role, port: host.port, children: children.length, parent: values.parent ?? null })}\n`);
      if (!out.json) process.stderr.write(`Hub ${nodeId} (${role} ${nodeCode}) on port ${host.port}; console at ${host.url}\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await host.close();
      await core.close();
      return 0;
    },
  },
  verify: {
    summary: 'print the version vector and a checksum of every replicated table (works on a running or stopped node)',
    usage: 'resilience-console verify --data DIR [--scope CODE] [--json]',
    options: { ...common, scope: { type: 'string' } },
    async run(values, out) {
      const dataDir = path.resolve(String(values.data));
      if (!fs.existsSync(path.join(dataDir, DATABASE_FILE))) {
        out.error('NOT_FOUND', `there is no console data in ${dataDir}`);
        return 2;
      }
      if (typeof values.scope === 'string' && !/^\d{12}$/.test(values.scope)) {
        out.error('INVALID_ARGUMENT', `--scope must be a 12-digit node code, not "${values.scope}"`);
        return 2;
      }
      const store = await Store.open({ dataDir });
      try {
        const report = await store.sync('verify', typeof values.scope === 'string' ? values.scope : null);
        if (out.json) process.stdout.write(`${JSON.stringify(report)}\n`);
        else {
          process.stdout.write(`Node ${report.nodeId}: ${report.opCount} ops, checksum ${report.checksum}${report.quarantined ? `, ${report.quarantined} quarantined` : ''}\n`);
          for (const [origin, seq] of Object.entries(report.vector)) process.stdout.write(`  vector ${origin.padEnd(24)} ${seq}\n`);
          for (const [table, sum] of Object.entries(report.tables)) process.stdout.write(`  table  ${table.padEnd(24)} ${sum}\n`);
        }
        return 0;
      } finally {
        await store.close();
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
  network: networkCommand,
  wall: wallCommand,
};

/** --node-id, --role and --node-code: all or none (an existing store keeps its identity). */
function parseIdentity(values: Record<string, string | boolean | undefined>, out: Output): { nodeId?: string; role?: NodeRole; nodeCode?: string } | null {
  const nodeId = values['node-id'];
  const role = values.role;
  const nodeCode = values['node-code'];
  if (nodeId === undefined && role === undefined && nodeCode === undefined) return {};
  if (typeof nodeId !== 'string' || !/^[a-z0-9-]{3,40}$/.test(nodeId)) {
    out.error('INVALID_ARGUMENT', '--node-id must be 3–40 lowercase letters, digits or dashes');
    return null;
  }
  if (role !== 'city' && role !== 'district' && role !== 'street') {
    out.error('INVALID_ARGUMENT', '--role must be city, district or street');
    return null;
  }
  if (typeof nodeCode !== 'string' || !/^\d{12}$/.test(nodeCode) || levelOfCode(nodeCode) !== role) {
    out.error('INVALID_ARGUMENT', `--node-code must be the 12-digit code of a ${role} (e.g. ${role === 'city' ? '310000000000' : role === 'district' ? '310101000000' : '310101002000'})`);
    return null;
  }
  return { nodeId, role, nodeCode };
}

/** Checks an MBTiles file and copies it into the data folder's basemaps/. */
async function importBasemap(file: string, values: Record<string, string | boolean | undefined>, out: Output): Promise<number> {
  const core = await createConsoleCore({ dataDir: path.resolve(String(values.data)) });
  try {
    const reply = await cliCall(core, 'map:addBasemap', { path: path.resolve(file) });
    if (!reply.ok) {
      out.error(reply.error.code, reply.error.message);
      return 2;
    }
    const basemap = reply.result as BasemapInfo;
    out.event('imported', { ...basemap, kind: 'basemap', source: basemap.kind },
      `Added basemap "${basemap.name}" (id ${basemap.id}, ${basemap.type} ${basemap.format}, zoom ${basemap.minZoom}–${basemap.maxZoom}) from ${path.basename(file)}.`);
    return 0;
  } finally {
    await core.close();
  }
}

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

/** The hub's TLS files: --tls-cert/--tls-key to serve wss://, --parent-ca to check a wss:// parent. Null (error printed) when unreadable. */
function readTlsOptions(values: Record<string, string | boolean | undefined>, out: Output): { server: { cert: string; key: string } | null; parentCa: string | null } | null {
  const read = (option: string): string | null | undefined => {
    const file = values[option];
    if (typeof file !== 'string') return null;
    try {
      const text = fs.readFileSync(file, 'utf8');
      if (!text.includes('-----BEGIN ')) throw new Error('not a PEM file');
      return text;
    } catch (error) {
      out.error('INVALID_ARGUMENT', `--${option} ${file} cannot be used: ${(error as Error).message}`);
      return undefined;
    }
  };
  const cert = read('tls-cert');
  const key = read('tls-key');
  const parentCa = read('parent-ca');
  if (cert === undefined || key === undefined || parentCa === undefined) return null;
  if ((cert === null) !== (key === null)) {
    out.error('INVALID_ARGUMENT', '--tls-cert and --tls-key go together: give both to serve wss://, or neither');
    return null;
  }
  if (parentCa !== null && typeof values.parent === 'string' && !/^(wss|https):/.test(values.parent)) {
    out.error('INVALID_ARGUMENT', '--parent-ca checks a wss:// parent; give --parent wss://HOST:PORT');
    return null;
  }
  return { server: cert !== null && key !== null ? { cert, key } : null, parentCa };
}
