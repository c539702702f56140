import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { MethodInput, MethodName, MethodResult, VerifyReport } from '../../shared/ipc/contract.ts';
import { encodeHlc } from '../../shared/sync/hlc.ts';
import type { Op } from '../../shared/sync/op.ts';
import type { ChildEntry } from '../../electron/core/sync/syncNode.ts';
import { ApiClient } from '../fault/apiClient.ts';
import { HubProcess, runCli } from '../fault/nodeProcess.ts';
import { enrol, until } from '../integration/syncNodes.ts';
import { SyncPeer } from '../integration/syncPeer.ts';

export { until };

/**
 * A report's tables without the network's own status (network_links, network_events): a link that
 * an attack drops is rightly recorded as down, so those move; everything else must not.
 */
export function dataTables(report: { tables: Record<string, string> }): Record<string, string> {
  return Object.fromEntries(Object.entries(report.tables).filter(([table]) => table !== 'network_links' && table !== 'network_events'));
}

export const CITY = '310000000000';
export const HUANGPU = '310101000000';
export const XUHUI = '310104000000';
export const PUDONG = '310115000000';
export const ROGUE_STREET_CODE = '310101013000';
export const GOOD_STREET_CODE = '310101002000';
const TOKEN = 'security-suite';

interface Enrolled { dataDir: string; entry: ChildEntry }

/**
 * Real hub processes for the security suite: the city (seeded with the demo region) and the
 * 黄浦 district hub under it. The test plays the attackers with real keys that the hubs list:
 * a district enrolled at the city (浦东, whose key the test holds) and a street enrolled at 黄浦,
 * plus a well-behaved street to prove the hub still serves after each attack.
 */
export class SyncNetwork {
  readonly api = new Map<string, ApiClient>();

  private constructor(
    readonly root: string,
    readonly city: HubProcess & { dataDir: string; port: number },
    readonly district: HubProcess & { dataDir: string; port: number },
    readonly rogueDistrict: Enrolled,
    readonly rogueStreet: Enrolled,
    readonly goodStreet: Enrolled,
  ) {}

  static async start(extraCityArgs: string[] = []): Promise<SyncNetwork> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-security-'));
    const dir = (name: string) => path.join(root, name);
    const huangpu = enrol('huangpu', 'district', HUANGPU, dir('huangpu'));
    const rogueDistrict = enrol('pudong', 'district', PUDONG, dir('pudong'));
    const rogueStreet = enrol('hp-rogue', 'street', ROGUE_STREET_CODE, dir('hp-rogue'));
    const goodStreet = enrol('hp-good', 'street', GOOD_STREET_CODE, dir('hp-good'));
    fs.writeFileSync(dir('city-children.json'), JSON.stringify([huangpu.entry, rogueDistrict.entry]));
    fs.writeFileSync(dir('hp-children.json'), JSON.stringify([rogueStreet.entry, goodStreet.entry]));
    const city = Object.assign(new HubProcess('city', [
      'hub', '--data', dir('city'), '--port', '0', '--children', dir('city-children.json'), '--seed', '--json', '--token', TOKEN, '--verify-every', '0',
      '--node-id', 'city', '--role', 'city', '--node-code', CITY, ...extraCityArgs,
    ], {}), { dataDir: dir('city'), port: 0 });
    city.port = (await city.start()).port;
    const district = Object.assign(new HubProcess('huangpu', [
      'hub', '--data', huangpu.dataDir, '--port', '0', '--parent', `ws://127.0.0.1:${city.port}`, '--children', dir('hp-children.json'), '--json', '--token', TOKEN, '--verify-every', '0',
      '--node-id', 'huangpu', '--role', 'district', '--node-code', HUANGPU,
    ], {}), { dataDir: huangpu.dataDir, port: 0 });
    district.port = (await district.start()).port;
    const network = new SyncNetwork(root, city, district, rogueDistrict, rogueStreet, goodStreet);
    await until('the district to bootstrap from the city', () => network.call('district', 'nodes:list', {}), (nodes) => nodes.some((n) => n.code === CITY), 60_000);
    return network;
  }

  hub(which: 'city' | 'district'): HubProcess & { dataDir: string; port: number } {
    return which === 'city' ? this.city : this.district;
  }

  async call<M extends MethodName>(which: 'city' | 'district', method: M, input: MethodInput<M> | Record<string, unknown>): Promise<MethodResult<M>> {
    let client = this.api.get(which);
    if (!client?.open) this.api.set(which, (client = await ApiClient.connect(this.hub(which).port, TOKEN, which)));
    return client.call(method, input);
  }

  /** `verify --json` run as a separate process against the running hub's data folder. */
  async verify(which: 'city' | 'district'): Promise<VerifyReport> {
    const out = await runCli(['verify', '--data', this.hub(which).dataDir, '--json']);
    return JSON.parse(out.trim().split('\n').at(-1)!) as VerifyReport;
  }

  /** Audit rows written after `afterId`, read straight from the hub's SQLite file. */
  audit(which: 'city' | 'district', afterId = 0): { id: number; actor: string; action: string; detail: unknown }[] {
    const db = new Database(path.join(this.hub(which).dataDir, 'console.db'), { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT id, actor, action, detail FROM audit WHERE id > ? ORDER BY id').all(afterId) as { id: number; actor: string; action: string; detail: string }[])
        .map((row) => ({ ...row, detail: JSON.parse(row.detail) as unknown }));
    } finally {
      db.close();
    }
  }

  lastAuditId(which: 'city' | 'district'): number {
    return this.audit(which).at(-1)?.id ?? 0;
  }

  /** Our own stamps at the hub: the wall time of the newest op this node made itself. */
  newestOwnStamp(which: 'city' | 'district', origin: string): number {
    const db = new Database(path.join(this.hub(which).dataDir, 'console.db'), { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare('SELECT max(hlc) AS hlc FROM ops WHERE origin = ?').get(origin) as { hlc: string | null };
      return row.hlc ? parseInt(row.hlc.slice(0, 12), 16) : 0;
    } finally {
      db.close();
    }
  }

  /** Connects as the rogue district (at the city) or a street (at the district), welcomed with its real key. */
  async connect(as: 'rogue-district' | 'rogue-street' | 'good-street'): Promise<SyncPeer> {
    const [who, port] = as === 'rogue-district'
      ? [{ nodeId: 'pudong', nodeCode: PUDONG, role: 'district' as const, keyDir: this.rogueDistrict.dataDir }, this.city.port]
      : as === 'rogue-street'
        ? [{ nodeId: 'hp-rogue', nodeCode: ROGUE_STREET_CODE, role: 'street' as const, keyDir: this.rogueStreet.dataDir }, this.district.port]
        : [{ nodeId: 'hp-good', nodeCode: GOOD_STREET_CODE, role: 'street' as const, keyDir: this.goodStreet.dataDir }, this.district.port];
    const { peer, welcomed } = await SyncPeer.connect(`ws://127.0.0.1:${port}`, who);
    if (!welcomed) throw new Error(`${as} was not welcomed (close code ${String(peer.closeCode)})`);
    return peer;
  }

  /**
   * Proves the district hub still serves: the good street's fresh incident is applied there (and
   * acknowledged), and a write on the district reaches the city.
   */
  async stillServing(label: string): Promise<void> {
    const good = await this.connect('good-street');
    try {
      const seq = (this.nextGoodSeq += 1);
      const op = incidentOp('hp-good', seq, GOOD_STREET_CODE, `good street ${label}`);
      await good.sendOps([op], 1, seq);
      if (!(await good.ack(1, seq))) throw new Error(`the district did not acknowledge the good street's op after ${label}`);
    } finally {
      good.close();
    }
    const title = `district after ${label}`;
    await this.call('district', 'incidents:report', { title, type: 'flood', level: 'III', nodeCode: HUANGPU, exercise: true });
    await until(`"${title}" to reach the city`, () => this.call('city', 'incidents:list', {}), (list) => list.some((incident) => incident.title === title), 20_000);
  }

  private nextGoodSeq = 0;

  async stop(): Promise<void> {
    for (const client of this.api.values()) client.close();
    await this.district.kill('SIGTERM');
    await this.city.kill('SIGTERM');
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

/** A well-formed incident op from `origin` in `scope`. */
export function incidentOp(origin: string, seq: number, scope: string, title: string, wallMs = Date.now()): Op {
  const id = `${origin}-incident-${seq}`;
  return {
    id: `${origin}:${seq}`, origin, seq, hlc: encodeHlc({ wallMs, counter: 0 }), schema: 1, entity: 'incident', key: id, kind: 'upsert',
    body: { id, title, type: 'flood', level: 'III', status: 'reported', nodeCode: scope === '*' ? CITY : scope, reportedAt: new Date(wallMs).toISOString(), exercise: true },
    priority: 1, scope,
  };
}

/** Any op, for attacks: the fields given, the rest filled in. */
export function rawOp(fields: Partial<Op> & Pick<Op, 'origin' | 'seq' | 'entity' | 'key' | 'kind' | 'body' | 'scope'>): Op {
  return { id: `${fields.origin}:${fields.seq}`, hlc: encodeHlc({ wallMs: Date.now(), counter: 0 }), schema: 1, priority: 1, ...fields } as Op;
}
