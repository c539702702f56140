import type { VerifyReport } from '../../../shared/ipc/contract.ts';
import type { SyncLink } from './syncLink.ts';

/**
 * Silent divergence check: with each idle child (nothing to send either way, before and after),
 * its whole store's checksum against our share for its scope. A difference is audited and
 * raised, with how many checks in a row found it.
 */
export async function compareWithChildren(links: SyncLink[], node: {
  ours(code: string): Promise<VerifyReport>;
  mismatches: Map<string, number>;
  audit(peer: string, detail: Record<string, unknown>): void;
  raise(peer: string, message: string): void;
}): Promise<{ peer: string; equal: boolean }[]> {
  const results: { peer: string; equal: boolean }[] = [];
  for (const link of links) {
    if (!link.isOpen) continue;
    const before = await link.status();
    if (before.outbox.some((n) => n > 0)) continue;
    const reply = await link.requestVerify();
    if (!reply || reply.pending > 0) continue;
    const after = await link.status();
    if (after.outbox.some((n) => n > 0)) continue;
    const ours = await node.ours(link.peer.nodeCode);
    const equal = ours.checksum === reply.report.checksum;
    const peer = link.peer.nodeId;
    results.push({ peer, equal });
    if (equal) { node.mismatches.delete(peer); continue; }
    const count = (node.mismatches.get(peer) ?? 0) + 1;
    node.mismatches.set(peer, count);
    const differing = Object.keys(ours.tables).filter((table) => ours.tables[table] !== reply.report.tables[table]);
    node.audit(peer, { tables: differing, ours: ours.checksum, theirs: reply.report.checksum, consecutive: count });
    node.raise(peer, `no ops waiting either way, yet ${differing.join(', ')} differ(s) from ${peer}`);
  }
  return results;
}
