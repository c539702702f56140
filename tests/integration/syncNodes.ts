import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConsoleCore, type ConsoleCore } from '../../electron/core/consoleCore.ts';
import { loadOrCreateNodeKeys } from '../../electron/core/sync/nodeKeys.ts';
import type { ChildEntry } from '../../electron/core/sync/syncNode.ts';
import { startHost, type Host } from '../../electron/host/hostServer.ts';
import type { LinkChannel, NodeRole } from '../../shared/ipc/contract.ts';

export interface TestNode {
  id: string;
  code: string;
  role: NodeRole;
  dataDir: string;
  entry: ChildEntry | null;
  core: ConsoleCore;
  host: Host;
  stop(): Promise<void>;
}

export interface NodeSpec {
  id: string;
  role: NodeRole;
  code: string;
  parent?: TestNode;
  /** A parent address to use instead of `parent` (one that is down, for instance). */
  parentUrl?: string;
  parentGraceMs?: number;
  children?: ChildEntry[];
  channel?: LinkChannel;
  budgetBytesPerMinute?: number;
  dataDir?: string;
  /** A fixed port (to restart a hub where its children expect it); 0 picks one. */
  port?: number;
  /** Seed the demo region (the city does, so that children bootstrap from it). */
  seed?: boolean;
}

/** A node's data folder with its identity key, so a parent can list it before it first runs. */
export function enrol(id: string, role: NodeRole, code: string, dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `rc-sync-${id}-`))): { dataDir: string; entry: ChildEntry } {
  const keys = loadOrCreateNodeKeys(dataDir);
  return { dataDir, entry: { nodeId: id, publicKey: keys.publicKeyText, role: role as 'district' | 'street', nodeCode: code } };
}

/** Starts a real core and host on 127.0.0.1 (port 0), in this process, with real SQLite files. */
export async function startNode(spec: NodeSpec): Promise<TestNode> {
  const { dataDir, entry } = enrol(spec.id, spec.role, spec.code, spec.dataDir);
  const core = await createConsoleCore({
    dataDir, nodeId: spec.id, role: spec.role, nodeCode: spec.code, seed: spec.seed ?? false,
    sync: {
      parentUrl: spec.parentUrl ?? (spec.parent ? `ws://127.0.0.1:${spec.parent.host.port}` : null),
      ...(spec.parentGraceMs ? { parentGraceMs: spec.parentGraceMs } : {}),
      children: spec.children ?? [],
      channel: spec.channel,
      budgetBytesPerMinute: spec.budgetBytesPerMinute,
      verifyEveryMs: 0,
    },
  });
  const host = await startHost({ core, port: spec.port ?? 0, staticDir: dataDir, token: 'sync-test' });
  return {
    id: spec.id, code: spec.code, role: spec.role, dataDir, entry: spec.role === 'city' ? null : entry, core, host,
    async stop() {
      await host.close();
      await core.close();
    },
  };
}

/** Polls until `check` holds (or throws with the last value after the timeout). */
export async function until<T>(what: string, probe: () => Promise<T> | T, check: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!check(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last).slice(0, 800)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await probe();
  }
  return last;
}
