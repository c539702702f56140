import path from 'node:path';
import { createConsoleCore } from '../../core/consoleCore.ts';
import { watchAccessToken } from '../accessToken.ts';
import { startHost } from '../hostServer.ts';
import { parseAllowedOrigin } from '../originPolicy.ts';
import { common, DEFAULT_STATIC, type Command } from './command.ts';

/** `serve`: the core plus the browser console and its API, on this machine. */
export const serveCommand: Command = {
  summary: 'run the console core and serve the browser console and its API on this machine',
  usage: 'resilience-console serve [--data DIR] [--port N] [--host ADDR] [--allow-origin http://NAME:PORT]… [--token T] [--json]',
  options: {
    ...common,
    port: { type: 'string', short: 'p', default: '5170' },
    host: { type: 'string', default: '127.0.0.1' },
    /** A fixed token for scripts and tests; without it the data folder's token file is used (see `token`). */
    token: { type: 'string' },
    'allow-origin': { type: 'string', multiple: true },
    static: { type: 'string', default: DEFAULT_STATIC },
  },
  async run(values, out) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      out.error('INVALID_ARGUMENT', `--port must be a whole number from 0 to 65535, not "${String(values.port)}"`);
      return 2;
    }
    const allowOrigins: string[] = [];
    const given = values['allow-origin'] as unknown;
    for (const origin of Array.isArray(given) ? given as string[] : typeof given === 'string' ? [given] : []) {
      try {
        allowOrigins.push(parseAllowedOrigin(origin));
      } catch (error) {
        out.error('INVALID_ARGUMENT', (error as Error).message);
        return 2;
      }
    }
    if (typeof values.token === 'string' && !/^[A-Za-z0-9_-]{8,128}$/.test(values.token)) {
      out.error('INVALID_ARGUMENT', '--token must be 8–128 letters, digits, - or _');
      return 2;
    }
    const dataDir = path.resolve(String(values.data));
    out.event('opening', { dataDir }, `Opening data folder ${dataDir} …`);
    const core = await createConsoleCore({
      dataDir,
      onSeedProgress: (done, total) => out.event('seeding', { done, total }, `  seeding demo region (exercise data): ${done}/${total}`),
    });
    const host = await startHost({
      core, port, host: String(values.host), staticDir: path.resolve(String(values.static)), allowOrigins,
      // A write resent to a restarted service (its reply lost with the old one) is still applied once.
      requestMemoryFile: path.join(dataDir, 'recent-requests.json'),
      // The token lives in the data folder, so a restarted service keeps every open tab working.
      token: typeof values.token === 'string' ? values.token : watchAccessToken(dataDir),
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
};
