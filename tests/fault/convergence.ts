import type { VerifyReport } from '../../shared/ipc/contract.ts';

/**
 * Tables whose rows are all city-wide: equal on every replica once converged. (Incidents are
 * not: the demo seed's incidents belong to their districts; the share check covers them.)
 */
export const CITY_WIDE_TABLES = ['allocations', 'allocation_steps'] as const;

/**
 * True when the replicas agree as far as scope lets them: every table the tests write city-wide
 * has one checksum everywhere, and nodes of the same district subtree (`groupOf`) hold the same
 * version vector, leaving out the city's origin. Vectors differ legitimately across subtrees
 * (and from the city's) because an origin's district-scoped ops, such as the demo seed or a
 * stock movement, only reach the subtree they belong to.
 */
/**
 * Network status (tables network_links and network_events) is live observation: every link cut,
 * kill or restart in these scenarios writes more of it, so it is left out of the equality checks
 * (the network scenario checks it on its own, tests/fault/network.test.ts). Everything else must
 * be equal, table by table.
 */
export const LIVE_STATUS_TABLES = ['network_links', 'network_events'] as const;

export function dataChecksum(report: VerifyReport): string {
  return Object.entries(report.tables).filter(([table]) => !(LIVE_STATUS_TABLES as readonly string[]).includes(table))
    .sort(([a], [b]) => a.localeCompare(b)).map(([table, sum]) => `${table}=${sum}`).join('\n');
}

export function converged(reports: Map<string, VerifyReport>, groupOf: (id: string) => string): boolean {
  const tables = new Set<string>();
  const vectors = new Map<string, string>();
  for (const [id, report] of reports) {
    tables.add(JSON.stringify(CITY_WIDE_TABLES.map((table) => report.tables[table] ?? null)));
    const vector = JSON.stringify(sortKeys(Object.fromEntries(Object.entries(report.vector).filter(([origin]) => origin !== 'city'))));
    const group = groupOf(id);
    if ((vectors.get(group) ?? vector) !== vector) return false;
    vectors.set(group, vector);
  }
  return tables.size <= 1;
}

export function describeReports(reports: Map<string, VerifyReport>): string {
  return [...reports].map(([id, r]) => `${id.padEnd(14)} ops ${String(r.opCount).padStart(6)} checksum ${r.checksum.slice(0, 12)} quarantined ${r.quarantined} vector ${JSON.stringify(sortKeys(r.vector))}`).join('\n');
}

function sortKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/** Polls until `check` holds, or throws with the last value after the timeout. */
export async function until<T>(what: string, probe: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!check(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${String(JSON.stringify(last)).slice(0, 800)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await probe();
  }
  return last;
}
