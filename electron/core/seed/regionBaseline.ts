import { ENTITIES } from '../../../shared/domain/entities.ts';
import { encodeHlc } from '../../../shared/sync/hlc.ts';
import { OP_SCHEMA_VERSION, type Op } from '../../../shared/sync/op.ts';
import { REGION_ORIGIN } from '../../../shared/sync/region.ts';
import { visibleTo } from '../../../shared/sync/scope.ts';
import type { Store } from '../store/storeClient.ts';
import { boundaryDrafts, commandNodeDrafts } from './demoData.ts';
import type { RegionPack } from './regionPack.ts';

/**
 * The shipped region as ops a node with this code may hold: its part of the command tree (its
 * subtree and the levels above it) and every district boundary, exactly the bodies the city
 * seeds. Numbered over the whole pack so that every node gives each record the same op id, and
 * stamped at the epoch so any real change wins.
 */
export function regionBaselineOps(pack: RegionPack, nodeCode: string): Op[] {
  const drafts = [...commandNodeDrafts(pack), ...boundaryDrafts(pack)];
  const ops: Op[] = [];
  drafts.forEach((draft, index) => {
    if (!visibleTo(nodeCode, draft.scope)) return;
    const seq = index + 1;
    ops.push({
      id: `${REGION_ORIGIN}:${seq}`, origin: REGION_ORIGIN, seq, hlc: encodeHlc({ wallMs: 0, counter: 0 }),
      schema: OP_SCHEMA_VERSION, entity: draft.entity, key: draft.key, kind: draft.kind, body: draft.body,
      priority: draft.priority ?? ENTITIES[draft.entity].priority, scope: draft.scope,
    });
  });
  return ops;
}

/**
 * A node that holds no command tree yet (a district or street hub started before it ever reached
 * its parent) takes the shipped region, so it can report, allocate and draw its map standalone.
 */
export async function ensureRegionBaseline(store: Store, loadPack: () => RegionPack): Promise<boolean> {
  if ((await store.query('nodes.list')).length > 0) return false;
  await store.apply(regionBaselineOps(loadPack(), store.identity.nodeCode), REGION_ORIGIN);
  return true;
}
