import type { NetworkChannel } from '../../shared/domain/network.ts';
import type { LinkChannel, LinkStatus } from '../../shared/ipc/contract.ts';
import type { NodeState } from '../../shared/network/state.ts';
import type { NetworkNodeRow } from '../../shared/network/view.ts';

/** A link drawn on the map: this node's own sync links start here; the rest of the network's start at the node's parent. */
export type MapLink = LinkStatus & { fromCode?: string };

const CHANNEL: Record<NetworkChannel, LinkChannel> = { fibre: 'fibre', privateWireless: 'wireless', beidou: 'beidou', satellitePhone: 'satphone', adHoc: 'wireless' };
/** The map's link colours speak the sync states. */
const STATE: Record<NodeState, LinkStatus['state']> = { up: 'online', degraded: 'degraded', down: 'offline', standalone: 'degraded', unknown: 'connecting' };

/**
 * Every uplink of the command network as this node sees it, for the situation map's links layer:
 * its own links as measured live, and every other node's uplink from the network view, drawn from
 * that node's parent and coloured by its state.
 */
export function networkMapLinks(own: readonly LinkStatus[], rows: readonly NetworkNodeRow[], selfCode: string | undefined): MapLink[] {
  const measured = new Set(own.map((link) => link.nodeCode));
  const rowOf = new Map(rows.map((row) => [row.code, row]));
  // This node's own links keep their live measurements but take the network's word for state and
  // channel: a child on its satellite phone is degraded even while its pings come back quickly.
  const mine = own.map((link): MapLink => {
    const row = rowOf.get(link.nodeCode);
    if (!row || row.state === 'unknown' || link.state === 'connecting') return link;
    return { ...link, state: STATE[row.state], channel: row.channel ? CHANNEL[row.channel] : link.channel };
  });
  const others = rows.flatMap((row): MapLink[] => {
    // A node never heard from has no link to draw: the map shows the network that answers.
    if (row.code === selfCode || row.parentCode === null || row.state === 'unknown' || measured.has(row.code) || !/^\d{12}$/.test(row.code)) return [];
    return [{
      peer: row.code, relation: 'child', role: row.kind === 'district' ? 'district' : 'street', nodeCode: row.code, fromCode: row.parentCode,
      state: STATE[row.state], channel: CHANNEL[row.channel ?? row.primaryChannel], rttMs: row.rttMs, loss: row.loss, throughputBps: null,
      outbox: [row.opsBehind ?? 0, 0, 0, 0, 0], vector: {}, lastSeenAt: row.lastContactAt, newestDataAt: null,
    }];
  });
  return [...mine, ...others];
}
