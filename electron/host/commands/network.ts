import fs from 'node:fs';
import path from 'node:path';
import { readNetworkView } from '../../core/network/networkService.ts';
import { DATABASE_FILE, Store } from '../../core/store/storeClient.ts';
import { common, type Command } from './command.ts';

/**
 * `network`: every node of the command network as this node sees it. Reads the data folder
 * alongside a running node (SQLite in WAL mode lets a reader in while the hub writes): the
 * replicated link records, and the newest samples the node's watcher keeps of its own links.
 */
export const networkCommand: Command = {
  summary: 'print every node of the command network as this node sees it: state, channel, last contact, ops behind (works while the node runs)',
  usage: 'resilience-console network --data DIR [--json]',
  options: { ...common },
  async run(values, out) {
    const dataDir = path.resolve(String(values.data));
    if (!fs.existsSync(path.join(dataDir, DATABASE_FILE))) {
      out.error('NOT_FOUND', `there is no console data in ${dataDir}`);
      return 2;
    }
    const store = await Store.open({ dataDir });
    try {
      const view = await readNetworkView(store, null);
      if (out.json) {
        const nodes = view.rows.map((row) => ({
          code: row.code, name: row.name, kind: row.kind, parentCode: row.parentCode, state: row.state, reachable: row.reachable, cutAt: row.cutAt,
          channel: row.channel, onBackup: row.onBackup, lastContactAt: row.lastContactAt, opsBehind: row.opsBehind, rttMs: row.rttMs,
          clockOffsetMs: row.clockOffsetMs, stateAt: row.stateAt, source: row.source,
        }));
        process.stdout.write(`${JSON.stringify({ node: view.selfCode, at: view.at, nodes })}\n`);
        return 0;
      }
      const counts = new Map<string, number>();
      for (const row of view.rows) counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
      process.stdout.write(`Command network as ${store.identity.nodeId} (${view.selfCode}) sees it at ${view.at}: ${[...counts].map(([state, n]) => `${n} ${state}`).join(', ')}\n`);
      for (const row of view.rows) {
        if (row.state === 'unknown' && row.source === 'none') continue;
        const reach = row.reachable ? '' : `  unreachable (cut at ${row.cutAt})`;
        process.stdout.write(`${'  '.repeat(row.depth)}${row.code} ${row.name}  ${row.state}  ${row.channel ?? '-'}${row.onBackup ? ' (backup)' : ''}  last contact ${row.lastContactAt ?? '-'}  ops behind ${row.opsBehind ?? '-'}${reach}\n`);
      }
      const unknown = counts.get('unknown') ?? 0;
      if (unknown) process.stdout.write(`(${unknown} node(s) never heard from are left out; --json lists every node)\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
