import type { CommandNode } from '../domain/commandNode.ts';
import { levelOfCode, parentOfCode } from '../domain/codes.ts';
import type { LonLat } from '../domain/common.ts';
import type { NetworkChannel, NetworkLink, SiteKind } from '../domain/network.ts';

export type NetworkNodeKind = 'city' | 'district' | 'street' | SiteKind;

/** One node of the command network and its uplink as planned (who its parent is, over what). */
export interface TopologyNode {
  code: string;
  name: string;
  nameEn?: string;
  kind: NetworkNodeKind;
  parentCode: string | null;
  primaryChannel: NetworkChannel;
  backupChannel: NetworkChannel | null;
  location?: LonLat;
}

/**
 * The default channels of the policy: fibre everywhere, a district falling back to satellite
 * phone and a street or site to Beidou short messages when the lines fail.
 */
export function defaultChannels(kind: NetworkNodeKind): { primary: NetworkChannel; backup: NetworkChannel | null } {
  if (kind === 'city') return { primary: 'fibre', backup: null };
  if (kind === 'district') return { primary: 'fibre', backup: 'satellitePhone' };
  if (kind === 'fieldPost') return { primary: 'privateWireless', backup: 'beidou' };
  return { primary: 'fibre', backup: 'beidou' };
}

export function isAdminCode(code: string): boolean {
  return /^\d{12}$/.test(code);
}

/** The administrative code an op about this node is scoped to: its own, or a site's parent's. */
/**
 * The scope of the status a node writes about its links (state changes, alarms, its channel,
 * acknowledgements): its district's subtree (the city's: city-wide), so the district and every
 * street under it hold the same status ops, and the city learns of a street cut that only its
 * district can see.
 */
export function statusScope(writerCode: string): string {
  const level = levelOfCode(writerCode);
  if (level === 'city') return '*';
  if (level === 'district') return writerCode;
  return parentOfCode(writerCode) ?? writerCode;
}

export function scopeOfNode(code: string, parentCode: string | null | undefined): string {
  if (isAdminCode(code)) return levelOfCode(code) === 'city' ? '*' : code;
  if (parentCode && isAdminCode(parentCode)) return levelOfCode(parentCode) === 'city' ? '*' : parentCode;
  return '*';
}

/**
 * The topology: every command node (city → districts → streets, so a new console shows the
 * whole network) with the administrator's link records laid over it, plus the sites the
 * administrator added. A link record that names no parent keeps the command tree's.
 */
export function buildTopology(commandNodes: readonly CommandNode[], links: readonly NetworkLink[]): TopologyNode[] {
  const byCode = new Map(links.map((link) => [link.toCode, link]));
  const nodes: TopologyNode[] = [];
  const known = new Set<string>();
  for (const node of commandNodes) {
    const link = byCode.get(node.code);
    const defaults = defaultChannels(node.level);
    known.add(node.code);
    nodes.push({
      code: node.code,
      name: node.name,
      ...(node.nameEn ? { nameEn: node.nameEn } : {}),
      kind: node.level,
      parentCode: link?.fromCode ?? node.parentCode ?? (node.level === 'city' ? null : parentOfCode(node.code)),
      primaryChannel: link?.primaryChannel ?? defaults.primary,
      backupChannel: link?.backupChannel === undefined ? defaults.backup : link.backupChannel,
      ...(link?.location ? { location: link.location } : {}),
    });
  }
  for (const link of links) {
    if (known.has(link.toCode) || isAdminCode(link.toCode) || !link.name || !link.fromCode) continue;
    const kind = link.siteKind ?? 'other';
    const defaults = defaultChannels(kind);
    nodes.push({
      code: link.toCode, name: link.name, ...(link.nameEn ? { nameEn: link.nameEn } : {}), kind, parentCode: link.fromCode,
      primaryChannel: link.primaryChannel ?? defaults.primary, backupChannel: link.backupChannel === undefined ? defaults.backup : link.backupChannel,
      ...(link.location ? { location: link.location } : {}),
    });
  }
  return nodes;
}

/** Codes from `code` up to the root, `code` first; stops on a loop or an unknown parent. */
export function pathToRoot(code: string, parentOf: ReadonlyMap<string, string | null>): string[] {
  const path = [code];
  const seen = new Set(path);
  for (let up = parentOf.get(code) ?? null; up !== null && !seen.has(up); up = parentOf.get(up) ?? null) {
    path.push(up);
    seen.add(up);
  }
  return path;
}
