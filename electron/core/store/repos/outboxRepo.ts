import type Database from 'better-sqlite3';
import type { EntityName } from '../../../../shared/domain/entities.ts';
import { REGION_ORIGIN } from '../../../../shared/sync/region.ts';
import { PRIORITIES } from '../../../../shared/sync/wire.ts';

/** A record with at least one op the parent has not acknowledged yet. */
export interface UnsentKey {
  entity: EntityName;
  key: string;
}

/** Most unsent records a console marks at once; past that the banner's counts tell the rest. */
export const UNSENT_LIMIT = 5000;

/**
 * The parent's acknowledged lseq per lane. A node that has never met its parent knows no parent
 * peer yet: then nothing is acknowledged, and everything it holds that the parent did not send
 * is waiting for it.
 */
function parentAcks(db: Database.Database): { parent: string | null; acked: number[] } {
  const parent = (db.prepare("SELECT peer FROM sync_peers WHERE relation = 'parent' ORDER BY last_seen DESC LIMIT 1").get() as { peer: string } | undefined)?.peer ?? null;
  const acked = PRIORITIES.map(() => 0);
  if (parent !== null) {
    for (const row of db.prepare('SELECT lane, received FROM sync_cursors WHERE peer = ?').all(`${parent}>acked`) as { lane: number; received: number }[]) {
      if (row.lane >= 0 && row.lane < acked.length) acked[row.lane] = row.received;
    }
  }
  return { parent, acked };
}

/** `via IS NOT ?` with no parent known must keep every op: compare with a name no peer has. */
const viaOf = (parent: string | null) => parent ?? '';

/** The records with ops the parent has not acknowledged, so the boards can mark them until it does. */
export function unsentKeys(db: Database.Database, limit = UNSENT_LIMIT): UnsentKey[] {
  const { parent, acked } = parentAcks(db);
  const lanes = acked.map(() => '(priority = ? AND lseq > ?)').join(' OR ');
  return db.prepare(`SELECT DISTINCT entity, key FROM ops WHERE via IS NOT ? AND origin <> '${REGION_ORIGIN}' AND (${lanes}) LIMIT ?`)
    .all(viaOf(parent), ...acked.flatMap((after, lane) => [lane, after]), limit) as UnsentKey[];
}
