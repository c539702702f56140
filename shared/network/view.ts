import type { NetworkChannel, NetworkLink } from '../domain/network.ts';
import type { NodeState } from './state.ts';
import { pathToRoot, type NetworkNodeKind, type TopologyNode } from './topology.ts';

/** What this node itself measures of a neighbour (its parent or a child), or of itself. */
export interface LocalObservation {
  code: string;
  state: NodeState;
  channel: NetworkChannel | null;
  rttMs: number | null;
  loss: number | null;
  throughputBps: number | null;
  opsBehind: number | null;
  /** Wall ms the link last carried anything. */
  lastContactAt: number | null;
  clockOffsetMs: number | null;
  /** Wall ms of the observation. */
  at: number;
}

/** One node of the network as this node sees it: a row of the table, the tree and `network --json`. */
export interface NetworkNodeRow {
  code: string;
  name: string;
  nameEn?: string;
  kind: NetworkNodeKind;
  parentCode: string | null;
  depth: number;
  state: NodeState;
  /** False when a link between this node and that one is down: what is shown is the last word heard. */
  reachable: boolean;
  /** The node whose uplink is down on the way there (the node itself when its own link is down). */
  cutAt: string | null;
  channel: NetworkChannel | null;
  primaryChannel: NetworkChannel;
  backupChannel: NetworkChannel | null;
  onBackup: boolean;
  rttMs: number | null;
  loss: number | null;
  opsBehind: number | null;
  lastContactAt: string | null;
  clockOffsetMs: number | null;
  /** When the state last changed, as its observer recorded it. */
  stateAt: string | null;
  /** self: this node; measured: its own link to a neighbour; reported: an op from the node's parent; none: never heard of. */
  source: 'self' | 'measured' | 'reported' | 'none';
}

export interface NetworkView {
  selfCode: string;
  at: string;
  rows: NetworkNodeRow[];
}

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/**
 * Every node of the topology as `selfCode` sees it: its own measurements for itself and its
 * neighbours, the replicated records (written by each node's parent) for the rest, unknown for
 * a node never heard from, and unreachable beyond any link that is down. Rows in tree order.
 */
export function networkView(selfCode: string, topology: readonly TopologyNode[], records: readonly NetworkLink[], local: readonly LocalObservation[], nowMs: number): NetworkView {
  const recordOf = new Map(records.map((record) => [record.toCode, record]));
  const localOf = new Map(local.map((observation) => [observation.code, observation]));
  const parentOf = new Map(topology.map((node) => [node.code, node.parentCode]));
  const stateOf = (code: string): { state: NodeState; source: NetworkNodeRow['source'] } => {
    const observed = localOf.get(code);
    if (code === selfCode) return { state: observed?.state ?? 'up', source: 'self' };
    if (observed) return { state: observed.state, source: 'measured' };
    const record = recordOf.get(code);
    if (record?.state) return { state: record.state, source: 'reported' };
    return { state: 'unknown', source: 'none' };
  };
  const states = new Map(topology.map((node) => [node.code, stateOf(node.code)]));
  // A node's uplink is down: for this node itself that is running standalone.
  const uplinkDown = (code: string) => {
    const state = states.get(code)?.state;
    return code === selfCode ? state === 'standalone' : state === 'down';
  };
  const selfPath = pathToRoot(selfCode, parentOf);
  const selfIndex = new Map(selfPath.map((code, index) => [code, index]));

  const rows: NetworkNodeRow[] = [];
  const children = new Map<string | null, TopologyNode[]>();
  for (const node of topology) {
    const parent = node.parentCode !== null && parentOf.has(node.parentCode) ? node.parentCode : null;
    const list = children.get(parent) ?? [];
    list.push(node);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  const visit = (node: TopologyNode, depth: number, visited: Set<string>) => {
    if (visited.has(node.code)) return;
    visited.add(node.code);
    rows.push(rowOf(node, depth));
    for (const child of children.get(node.code) ?? []) visit(child, depth + 1, visited);
  };
  const rowOf = (node: TopologyNode, depth: number): NetworkNodeRow => {
    const { state, source } = states.get(node.code)!;
    const cutAt = node.code === selfCode ? null : firstCut(node.code);
    const observed = localOf.get(node.code);
    const record = recordOf.get(node.code);
    const channel = node.code === selfCode ? observed?.channel ?? null : record?.channel ?? observed?.channel ?? (state === 'unknown' ? null : node.primaryChannel);
    return {
      code: node.code, name: node.name, ...(node.nameEn ? { nameEn: node.nameEn } : {}), kind: node.kind, parentCode: node.parentCode, depth,
      state, reachable: cutAt === null, cutAt,
      channel, primaryChannel: node.primaryChannel, backupChannel: node.backupChannel,
      onBackup: channel !== null && node.parentCode !== null && channel !== node.primaryChannel,
      rttMs: observed?.rttMs ?? record?.rttMs ?? null,
      loss: observed?.loss ?? null,
      opsBehind: observed?.opsBehind ?? record?.opsBehind ?? null,
      lastContactAt: observed ? iso(observed.lastContactAt) : record?.lastContactAt ?? null,
      clockOffsetMs: observed?.clockOffsetMs ?? null,
      stateAt: record?.stateAt ?? iso(observed?.at),
      source,
    };
  };
  // The first link that is down on the way from this node to `code`: up to the common ancestor, then down.
  const firstCut = (code: string): string | null => {
    const targetPath = pathToRoot(code, parentOf);
    const meetAt = targetPath.findIndex((step) => selfIndex.has(step));
    const up = meetAt < 0 ? selfPath : selfPath.slice(0, selfIndex.get(targetPath[meetAt]!)!);
    for (const step of up) if (uplinkDown(step)) return step;
    const down = (meetAt < 0 ? targetPath : targetPath.slice(0, meetAt)).reverse();
    for (const step of down) if (uplinkDown(step)) return step;
    return null;
  };
  const visited = new Set<string>();
  for (const root of children.get(null) ?? []) visit(root, 0, visited);
  return { selfCode, at: new Date(nowMs).toISOString(), rows };
}
