import path from 'node:path';
import { OnlineSourceSet } from '../../../shared/map/basemap.ts';
import { createConsoleCore } from '../../core/consoleCore.ts';
import { common, type Command } from './command.ts';

/**
 * `online-basemap`: the administrator's online XYZ source, set at the machine that holds the
 * data folder. `--allow-host` names the hosts the console API may choose and that may resolve
 * to private addresses (an internal tile server); every other host must resolve to public ones.
 */
export const onlineBasemapCommand: Command = {
  summary: 'set (or clear) the online XYZ tile source an administrator allows, and the hosts the console may choose; tiles are cached in SQLite and served from the cache when the network is gone',
  usage: 'resilience-console online-basemap --data DIR [--url https://HOST/{z}/{x}/{y}.png [--cap-mb N] | --off] [--allow-host HOST]… [--json]',
  options: {
    ...common,
    url: { type: 'string' },
    'cap-mb': { type: 'string', default: '512' },
    off: { type: 'boolean', default: false },
    'allow-host': { type: 'string', multiple: true },
  },
  async run(values, out) {
    const given = values['allow-host'] as unknown;
    const allowHosts = Array.isArray(given) ? given as string[] : typeof given === 'string' ? [given] : null;
    const setsSource = typeof values.url === 'string' || values.off === true;
    if ((typeof values.url === 'string' && values.off === true) || (!setsSource && !allowHosts)) {
      out.error('INVALID_ARGUMENT', 'give either --url TEMPLATE (with {z}, {x} and {y}) or --off, and/or --allow-host HOST');
      return 2;
    }
    for (const host of allowHosts ?? []) {
      if (!/^(?:[a-z0-9-]{1,63}\.)*[a-z0-9-]{1,63}$|^\[?[0-9a-f:.]+\]?$/i.test(host)) {
        out.error('INVALID_ARGUMENT', `--allow-host takes a host name or address without scheme or port, like tiles.example.org, not "${host}"`);
        return 2;
      }
    }
    const source = setsSource ? OnlineSourceSet.safeParse({ urlTemplate: values.off ? null : String(values.url), capMb: Number(values['cap-mb']) }) : null;
    if (source && !source.success) {
      out.error('INVALID_ARGUMENT', `invalid online basemap: ${source.error.issues.map((issue) => `${issue.path.join('.') || '(argument)'}: ${issue.message}`).join('; ')}`);
      return 2;
    }
    const core = await createConsoleCore({ dataDir: path.resolve(String(values.data)), seed: false });
    try {
      const online = core.tiles.online;
      if (allowHosts) {
        const hosts = await online.setAllowedHosts(allowHosts);
        out.event('online-basemap-hosts', { allowedHosts: hosts }, `Hosts the console may use for the online basemap: ${hosts.join(', ') || '(none)'}.`);
      }
      if (source?.success) {
        const info = await online.setSource(source.data.urlTemplate, source.data.capMb, 'administrator');
        out.event('online-basemap', { ...info, allowedHosts: await online.allowedHosts() }, info.urlTemplate
          ? `Online basemap set to ${info.urlTemplate}; its tiles are cached up to ${info.capMb} MB (${info.cachedTiles} cached now).`
          : 'Online basemap switched off; the console uses offline basemaps only.');
      }
      return 0;
    } finally {
      await core.close();
    }
  },
};
