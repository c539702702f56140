import type { OpDraft } from '../../../shared/sync/op.ts';
import type { Store } from '../store/storeClient.ts';
import { seedDrafts } from './demoData.ts';
import { loadRegionPack, type RegionPack } from './regionPack.ts';

/** Ops per transaction: large enough to be quick, small enough to report progress and keep the worker responsive. */
export const SEED_BATCH = 500;

/**
 * Seeds an empty store (one with no command nodes) with the demo region: Shanghai's command
 * network and district boundaries, and exercise-marked depots, stock, teams and shelters.
 * A store that already has command nodes (seeded before, or synced from a parent) is left alone.
 */
export async function seedDemoIfEmpty(
  store: Store,
  onProgress?: (done: number, total: number) => void,
  loadPack: () => RegionPack = loadRegionPack,
): Promise<{ seeded: boolean; records: number }> {
  if ((await store.query('nodes.list')).length > 0) return { seeded: false, records: 0 };
  // Loaded only now: a store that is already seeded never pays for reading the pack.
  const drafts = seedDrafts(loadPack());
  const total = drafts.length;
  let done = 0;
  for (const batch of seedBatches(drafts)) {
    await store.write(batch);
    done += batch.length;
    onProgress?.(done, total);
  }
  return { seeded: true, records: total };
}

/**
 * Command nodes go last, in one transaction: "no command nodes" is what marks a store as
 * unseeded, so a seed cut short (crash, power loss) is simply redone on the next start.
 * Redoing it is harmless: upserts rewrite the same bodies, and movement inserts already
 * held are ignored, so no stock is counted twice.
 */
export function seedBatches(drafts: readonly OpDraft[]): OpDraft[][] {
  const nodes = drafts.filter((draft) => draft.entity === 'commandNode');
  const rest = drafts.filter((draft) => draft.entity !== 'commandNode');
  const batches: OpDraft[][] = [];
  for (let i = 0; i < rest.length; i += SEED_BATCH) batches.push(rest.slice(i, i + SEED_BATCH));
  if (nodes.length > 0) batches.push(nodes);
  return batches;
}
