import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mulberry32, type Random } from '../../electron/core/seed/prng.ts';
import { IncidentReport, type MethodInput, type MethodName, type MethodResult, type NodeRole, type VerifyReport } from '../../shared/ipc/contract.ts';
import { IncidentLevel, IncidentType } from '../../shared/domain/incident.ts';
import { ApiClient, CallRefused } from './apiClient.ts';
import { FaultProxy, type LinkFaults } from './faultProxy.ts';
import { converged, dataChecksum, describeReports, until } from './convergence.ts';
import { freePort, HubProcess, runCli } from './nodeProcess.ts';

export { CITY_WIDE_TABLES, converged, describeReports, until } from './convergence.ts';

export const CITY_CODE = '310000000000';

export interface NodeDef { id: string; role: NodeRole; code: string; parent: string | null }

/** The test network: the city, two districts (黄浦, 徐汇) and two streets under each. */
export const TOPOLOGY: readonly NodeDef[] = [
  { id: 'city', role: 'city', code: CITY_CODE, parent: null },
  { id: 'huangpu', role: 'district', code: '310101000000', parent: 'city' },
  { id: 'xuhui', role: 'district', code: '310104000000', parent: 'city' },
  { id: 'hp-street-002', role: 'street', code: '310101002000', parent: 'huangpu' },
  { id: 'hp-street-013', role: 'street', code: '310101013000', parent: 'huangpu' },
  { id: 'xh-street-003', role: 'street', code: '310104003000', parent: 'xuhui' },
  { id: 'xh-street-004', role: 'street', code: '310104004000', parent: 'xuhui' },
];

export interface ClusterOptions {
  /** Seeds the proxies' faults and the writers' choices. */
  seed: number;
  /**
   * Seed the city with the demo region (children then bootstrap their share from it); on by
   * default, because an incident can only be reported against a known command node.
   */
  demoSeed?: boolean;
  /** Extra environment per node id, e.g. `{ 'xh-street-004': { RC_CLOCK_OFFSET_MS: '600000' } }`. */
  env?: Record<string, NodeJS.ProcessEnv>;
  /** Faults every link starts with. */
  faults?: Partial<LinkFaults>;
}

/** An acknowledged write: the API answered, so it must survive anything short of losing the disk. */
export interface Acked { id: string; title: string; node: string }

interface Member {
  def: NodeDef;
  dataDir: string;
  port: number;
  process: HubProcess;
  client: ApiClient | null;
  /** The link to its parent (null for the city). */
  proxy: FaultProxy | null;
  connecting: Promise<ApiClient> | null;
}

/** The node could not be reached at all: nothing was sent. */
export class NotConnected extends Error {}

const TOKEN = 'fault-suite';
const SCOPE_INPUT = Object.hasOwn(IncidentReport.shape, 'scope');

/**
 * Seven real hub processes on 127.0.0.1, each child linked to its parent through its own
 * FaultProxy, with temp data folders, API clients, and helpers to write, kill, cut and verify.
 */
export class Cluster {
  readonly acked: Acked[] = [];
  /** Writes whose connection was lost before the answer: each may or may not have been stored. */
  readonly uncertain: { title: string; node: string }[] = [];
  readonly random: Random;
  private readonly members = new Map<string, Member>();
  private writeCount = 0;

  private constructor(readonly root: string, readonly options: ClusterOptions) {
    this.random = mulberry32(options.seed ^ 0x5eed);
  }

  static async start(options: ClusterOptions, topology: readonly NodeDef[] = TOPOLOGY): Promise<Cluster> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-fault-'));
    const cluster = new Cluster(root, options);
    try {
      await cluster.boot(topology);
    } catch (error) {
      const context = cluster.stderrTails();
      await cluster.stop();
      throw new Error(`${(error as Error).message}\n${context}`);
    }
    return cluster;
  }

  get ids(): string[] {
    return [...this.members.keys()];
  }

  def(id: string): NodeDef {
    return this.member(id).def;
  }

  /** The link between a child and its parent. */
  link(child: string): FaultProxy {
    const proxy = this.member(child).proxy;
    if (!proxy) throw new Error(`${child} has no parent link`);
    return proxy;
  }

  links(): FaultProxy[] {
    return [...this.members.values()].flatMap((m) => (m.proxy ? [m.proxy] : []));
  }

  isRunning(id: string): boolean {
    return this.member(id).process.running;
  }

  cut(child: string): void {
    this.link(child).cut();
  }

  heal(child: string): void {
    this.link(child).heal();
  }

  healAll(): void {
    for (const proxy of this.links()) {
      proxy.heal();
      proxy.set({ delayMs: 0, jitterMs: 0, bandwidthBps: null, loss: 0, resetOnLoss: 0 });
    }
  }

  /** Calls the node's console API. */
  async call<M extends MethodName>(id: string, method: M, input: MethodInput<M> | Record<string, unknown> = {}): Promise<MethodResult<M>> {
    return (await this.client(id)).call(method, input);
  }

  /** The node's API connection, opened again after a restart (concurrent callers share one attempt). */
  private client(id: string): Promise<ApiClient> {
    const member = this.member(id);
    if (member.client?.open) return Promise.resolve(member.client);
    if (!member.process.running) return Promise.reject(new NotConnected(`${id} is not running`));
    member.connecting ??= ApiClient.connect(member.port, TOKEN, id)
      .then((client) => { member.client = client; return client; })
      .catch((error: Error) => { throw new NotConnected(error.message); })
      .finally(() => { member.connecting = null; });
    return member.connecting;
  }

  /**
   * A second API connection to `id`, signed in with a user's own token (from `users:add`) instead
   * of the data folder's administrator token; the caller closes it.
   */
  connectAs(id: string, token: string, label = id): Promise<ApiClient> {
    return ApiClient.connect(this.member(id).port, token, label);
  }

  /** Reports one city-wide incident on `id` and records it once the API acknowledges it. */
  async writeOne(id: string, label = 'w'): Promise<Acked> {
    const n = ++this.writeCount;
    const title = `${label}-${this.options.seed}-${id}-${n}`;
    const input = {
      title,
      type: IncidentType.options[Math.floor(this.random() * IncidentType.options.length)]!,
      level: IncidentLevel.options[Math.floor(this.random() * IncidentLevel.options.length)]!,
      nodeCode: CITY_CODE,
      exercise: true,
      ...(SCOPE_INPUT ? { scope: '*' } : {}),
    };
    let incident;
    try {
      incident = await this.call(id, 'incidents:report', input);
    } catch (error) {
      // Refused means not written; a lost connection leaves the write in doubt (it may be on disk).
      if (!(error instanceof CallRefused) && !(error instanceof NotConnected)) this.uncertain.push({ title, node: id });
      throw error;
    }
    const acked = { id: incident.id, title, node: id };
    this.acked.push(acked);
    return acked;
  }

  /** Writes `count` city-wide incidents on `id`, one after another. */
  async write(id: string, count: number, label = 'w'): Promise<Acked[]> {
    const done: Acked[] = [];
    for (let i = 0; i < count; i++) done.push(await this.writeOne(id, label));
    return done;
  }

  /** Titles of the incidents a node holds, sorted; the seeded demo incidents (each in one district's scope) are left out. */
  async incidentTitles(id: string): Promise<string[]> {
    return (await this.call(id, 'incidents:list', {})).filter((incident) => !incident.id.startsWith('demo-')).map((incident) => incident.title).sort();
  }

  async kill(id: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const member = this.member(id);
    member.client?.close();
    member.client = null;
    await member.process.kill(signal);
  }

  async restart(id: string): Promise<void> {
    const member = this.member(id);
    if (member.process.running) await this.kill(id, 'SIGTERM');
    await member.process.start(120_000);
    member.client = await ApiClient.connect(member.port, TOKEN, id);
  }

  /** `sync:verify` on a running node, `verify --json` on the data folder of a stopped one. */
  async verify(id: string): Promise<VerifyReport> {
    const member = this.member(id);
    if (member.process.running) return this.call(id, 'sync:verify', {});
    return JSON.parse(await runCli(['verify', '--data', member.dataDir, '--json'])) as VerifyReport;
  }

  /** A parent's share for a child (`verify --scope`), read from the parent's data folder. */
  async verifyShare(id: string, scope: string): Promise<VerifyReport> {
    return JSON.parse(await runCli(['verify', '--data', this.member(id).dataDir, '--scope', scope, '--json'])) as VerifyReport;
  }

  async verifyAll(ids = this.ids): Promise<Map<string, VerifyReport>> {
    const reports = new Map<string, VerifyReport>();
    for (const id of ids) reports.set(id, await this.verify(id));
    return reports;
  }

  /**
   * Polls until the listed replicas agree (see `converged`): the same checksum of every table
   * the tests write city-wide everywhere, and the same version vector within each district's
   * subtree. `verifyShares` then checks every table, each replica against its share of the city.
   */
  async waitConverged(timeoutMs: number, ids = this.ids): Promise<Map<string, VerifyReport>> {
    const deadline = Date.now() + timeoutMs;
    let reports = new Map<string, VerifyReport>();
    let differing: string[] = [];
    for (;;) {
      try {
        reports = await this.verifyAll(ids);
        // Every replica equals the city's share for its scope, table by table (live network status aside).
        differing = [];
        for (const id of ids) {
          if (id === 'city') continue;
          const share = await this.call('city', 'sync:verify', { scope: this.def(id).code });
          const own = reports.get(id)!;
          if (dataChecksum(own) !== dataChecksum(share)) differing.push(id);
        }
        if (differing.length === 0 && converged(reports, (node) => this.groupOf(node))) return reports;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      if (Date.now() > deadline) {
        throw new Error(`replicas did not converge within ${timeoutMs} ms (differing from the city's share: ${differing.join(', ') || 'none'}):\n${describeReports(reports)}\n${this.stderrTails()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  /**
   * Every table of every listed replica against the city's share for it (`verify --scope`):
   * returns the replicas that differ, with both reports (empty when all agree).
   */
  async verifyShares(ids = this.ids.filter((id) => id !== 'city')): Promise<{ id: string; own: VerifyReport; share: VerifyReport }[]> {
    const differing = [];
    for (const id of ids) {
      const own = await this.verify(id);
      const share = await this.verifyShare('city', this.def(id).code);
      if (dataChecksum(own) !== dataChecksum(share)) differing.push({ id, own, share });
    }
    return differing;
  }

  /** The last lines each process wrote to stderr, for failure messages. */
  stderrTails(): string {
    return [...this.members.values()].map((m) => `--- ${m.def.id} (exits: ${m.process.exits.join(', ') || 'none'}) stderr:\n${m.process.stderr.toString().slice(-1500)}`).join('\n');
  }

  dataDir(id: string): string {
    return this.member(id).dataDir;
  }

  /** Stops every process (SIGTERM) and keeps the data folders, to read them afterwards. */
  async halt(): Promise<void> {
    const members = [...this.members.values()];
    for (const member of members) {
      member.client?.close();
      member.client = null;
    }
    await Promise.all(members.map((member) => member.process.kill('SIGTERM', 5_000)));
  }

  /** Stops every process and proxy and removes the data folders. */
  async stop(): Promise<void> {
    await this.halt();
    await Promise.all([...this.members.values()].map((member) => member.proxy?.close()));
    fs.rmSync(this.root, { recursive: true, force: true });
  }

  /** The district subtree a node belongs to (the city is alone in its own). */
  groupOf(id: string): string {
    const def = this.def(id);
    return def.role === 'street' ? def.parent! : def.id;
  }

  private member(id: string): Member {
    const member = this.members.get(id);
    if (!member) throw new Error(`no node ${id} in this cluster`);
    return member;
  }

  private async boot(topology: readonly NodeDef[]): Promise<void> {
    const entries = new Map<string, { nodeId: string; publicKey: string; role: string; nodeCode: string }>();
    // Two at a time: the machine has two cores.
    for (let i = 0; i < topology.length; i += 2) {
      await Promise.all(topology.slice(i, i + 2).map(async (def) => {
        const dataDir = path.join(this.root, def.id);
        fs.mkdirSync(dataDir);
        const out = await runCli(['keys', '--data', dataDir, '--node-id', def.id, '--role', def.role, '--node-code', def.code, '--json']);
        entries.set(def.id, JSON.parse(out.trim().split('\n').at(-1)!) as { nodeId: string; publicKey: string; role: string; nodeCode: string });
      }));
    }
    const ports = new Map<string, number>();
    for (const def of topology) ports.set(def.id, await freePort());
    let linkSeed = this.options.seed;
    for (const def of topology) {
      const dataDir = path.join(this.root, def.id);
      const port = ports.get(def.id)!;
      const args = ['hub', '--data', dataDir, '--port', String(port), '--token', TOKEN, '--json', '--verify-every', '0', '--static', dataDir];
      const children = topology.filter((child) => child.parent === def.id).map((child) => entries.get(child.id)!);
      if (children.length) {
        const file = path.join(this.root, `${def.id}-children.json`);
        fs.writeFileSync(file, JSON.stringify(children));
        args.push('--children', file);
      }
      let proxy: FaultProxy | null = null;
      if (def.parent) {
        proxy = await FaultProxy.start({ targetPort: ports.get(def.parent)!, seed: ++linkSeed, faults: this.options.faults });
        args.push('--parent', `ws://127.0.0.1:${proxy.port}`, '--parent-key', entries.get(def.parent)!.publicKey);
      }
      if (def.role === 'city' && this.options.demoSeed !== false) args.push('--seed');
      const hub = new HubProcess(def.id, args, this.options.env?.[def.id] ?? {});
      this.members.set(def.id, { def, dataDir, port, process: hub, client: null, proxy, connecting: null });
    }
    // The city first (it seeds), then everyone else at once: children retry until their parent listens.
    const [first, ...rest] = [...this.members.values()];
    for (const wave of [[first!], rest]) {
      await Promise.all(wave.map(async (member) => {
        await member.process.start(120_000);
        member.client = await ApiClient.connect(member.port, TOKEN, member.def.id);
      }));
    }
    // Incidents are reported against a command node: wait until each child has bootstrapped the city's.
    for (const id of this.ids) {
      await until(`${id} to bootstrap from its parent`, () => this.call(id, 'nodes:list', {}), (nodes) => nodes.some((n) => n.code === CITY_CODE), 120_000);
    }
  }
}
