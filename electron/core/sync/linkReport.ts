import type { LinkChannel, LinkStatus, NodeRole, SyncAlarm } from '../../../shared/ipc/contract.ts';
import { levelOfCode, parentOfCode } from '../../../shared/domain/codes.ts';
import { perPriority } from '../../../shared/sync/wire.ts';
import type { Store } from '../store/storeClient.ts';

/** How long the parent may be unreachable before the Sync view raises an alarm (issue 16). */
export const PARENT_GRACE_MS = 30_000;

/** Where a node keeps what a peer has acknowledged of its ops (the peer's own cursor is on the peer). */
export const ackedKey = (peer: string) => `${peer}>acked`;

/**
 * The parent's row while no link to it is open. Before the first contact the parent is still
 * known: it is the centre above this node in the command tree, and every op written here waits
 * for it, counted by priority from the moment it is written (issue 16, §1).
 */
export async function parentApart(store: Store, args: { parentUrl: string; state: LinkStatus['state']; channel: LinkChannel }): Promise<LinkStatus> {
  const known = (await store.sync('peers', null)).find((peer) => peer.relation === 'parent');
  const code = known?.nodeCode ?? parentOfCode(store.identity.nodeCode) ?? '';
  const after = known ? await store.sync('cursors', ackedKey(known.peer)) : perPriority(0);
  return {
    peer: known?.peer ?? args.parentUrl,
    relation: 'parent',
    role: (known?.role ?? (code ? levelOfCode(code) : 'city')) as NodeRole,
    nodeCode: code,
    state: args.state,
    channel: args.channel,
    rttMs: null, loss: null, throughputBps: null,
    outbox: await store.sync('pending', { after, excludeVia: known?.peer ?? '', visibleTo: null }),
    vector: {},
    lastSeenAt: known?.lastSeen ? new Date(known.lastSeen).toISOString() : null,
    newestDataAt: null,
  };
}

/** Names of command centres by code, from the replicated command tree (cached; the tree rarely changes). */
export class Centres {
  private readonly known = new Map<string, { name: string; nameEn: string | null } | null>();

  constructor(private readonly store: Store) {}

  async of(code: string): Promise<{ name: string; nameEn: string | null } | null> {
    if (!/^\d{12}$/.test(code)) return null;
    const cached = this.known.get(code);
    if (cached) return cached;
    const node = await this.store.query('entity.get', { entity: 'commandNode', key: code }).catch(() => null);
    const centre = node && typeof node.name === 'string' ? { name: node.name, nameEn: typeof node.nameEn === 'string' ? node.nameEn : null } : null;
    // Unknown codes are asked again later: the tree may arrive from the parent.
    if (centre) this.known.set(code, centre);
    return centre;
  }
}

/** The alarm for a parent unreachable longer than the grace period, or null. */
export function unreachableAlarm(downSince: number | null, now: number, graceMs: number, parent: Pick<LinkStatus, 'peer' | 'nodeCode' | 'centre'>): SyncAlarm | null {
  if (downSince === null || now - downSince < graceMs) return null;
  // Alarm messages are written in English (the UI labels the kind in the reader's language).
  const name = parent.centre?.nameEn ?? parent.centre?.name ?? parent.peer;
  return {
    kind: 'unreachable',
    peer: parent.peer,
    message: `${name}${parent.nodeCode ? ` (${parent.nodeCode})` : ''} unreachable for ${Math.round((now - downSince) / 1000)} s; writes wait in the outbox`,
    at: new Date(downSince + graceMs).toISOString(),
  };
}
