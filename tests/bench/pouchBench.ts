import { createRequire } from 'node:module';
import { mulberry32 } from '../../electron/core/seed/prng.ts';

/** The few PouchDB calls the bench uses (the packages are CommonJS and ship no types). */
interface PouchDatabase {
  bulkDocs(docs: object[]): Promise<{ ok?: boolean; error?: string }[]>;
  info(): Promise<{ doc_count: number; update_seq: number | string }>;
  get(id: string): Promise<Record<string, unknown>>;
  replicate: { to(target: PouchDatabase, options?: object): Promise<{ ok: boolean; docs_written: number; doc_write_failures: number }> };
  destroy(): Promise<unknown>;
}
type PouchConstructor = (new (name: string, options: { adapter: string }) => PouchDatabase) & { plugin(plugin: unknown): PouchConstructor };

const require = createRequire(import.meta.url);

function loadPouch(): PouchConstructor {
  const core = require('pouchdb-core') as PouchConstructor | { default: PouchConstructor };
  const Pouch = 'plugin' in core ? core : core.default;
  const memory = require('pouchdb-adapter-memory') as unknown;
  const replication = require('pouchdb-replication') as unknown;
  return Pouch.plugin((memory as { default?: unknown }).default ?? memory).plugin((replication as { default?: unknown }).default ?? replication);
}

const TYPES = ['typhoon', 'rainstorm', 'waterlogging', 'flood', 'fire', 'traffic'];
const LEVELS = ['I', 'II', 'III', 'IV'];
const BATCH = 1_000;

/**
 * PouchDB's own replication as the reference the sync bench compares against (sync.md,
 * "Measured targets"): `records` small incident-shaped documents written into one in-memory
 * database, then a one-shot `replicate.to` into a second, timed until complete and checked.
 * `quick` samples fewer documents when checking B, nothing else changes.
 */
export async function runPouchBench(quick: boolean, records: number): Promise<{ docsPerSecond: number; seconds: number; records: number }> {
  const Pouch = loadPouch();
  const run = `${process.pid}-${Date.now()}`;
  const source = new Pouch(`bench-a-${run}`, { adapter: 'memory' });
  const target = new Pouch(`bench-b-${run}`, { adapter: 'memory' });
  try {
    const random = mulberry32(20_260_101);
    const at = Date.parse('2026-07-23T00:00:00Z');
    for (let start = 0; start < records; start += BATCH) {
      const docs = [];
      for (let i = start; i < Math.min(records, start + BATCH); i++) {
        docs.push({
          _id: `incident-${String(i).padStart(7, '0')}`,
          title: `上海 incident ${i}`,
          type: TYPES[Math.floor(random() * TYPES.length)],
          level: LEVELS[Math.floor(random() * LEVELS.length)],
          nodeCode: '310101002000',
          status: 'reported',
          location: { lon: 121.4 + random() * 0.2, lat: 31.1 + random() * 0.2 },
          reportedAt: new Date(at + i * 1000).toISOString(),
          exercise: true,
        });
      }
      const results = await source.bulkDocs(docs);
      const failed = results.filter((r) => r.error);
      if (failed.length) throw new Error(`PouchDB refused ${failed.length} documents: ${failed[0]!.error}`);
    }

    const started = performance.now();
    const result = await source.replicate.to(target, { batch_size: 500, batches_limit: 10 });
    const seconds = (performance.now() - started) / 1000;

    const info = await target.info();
    if (!result.ok || result.doc_write_failures > 0 || info.doc_count !== records) {
      throw new Error(`PouchDB replicated ${info.doc_count} of ${records} documents (${result.doc_write_failures} failures)`);
    }
    const samples = quick ? 10 : 100;
    for (let k = 0; k < samples; k++) {
      const i = Math.floor((k / samples) * records);
      const doc = await target.get(`incident-${String(i).padStart(7, '0')}`);
      if (doc.title !== `上海 incident ${i}`) throw new Error(`document ${i} arrived changed`);
    }
    return { docsPerSecond: records / seconds, seconds, records };
  } finally {
    await source.destroy();
    await target.destroy();
  }
}

/** `node --import tsx tests/bench/pouchBench.ts [records]` runs it alone. */
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const records = Number(process.argv[2] ?? 100_000);
  const { docsPerSecond, seconds } = await runPouchBench(false, records);
  console.log(`PouchDB (memory adapter) replicate.to: ${records} docs in ${seconds.toFixed(2)} s = ${Math.round(docsPerSecond)} docs/s`);
}
