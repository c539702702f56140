/**
 * The board bench page: an AG Grid board of N rows receiving `rate` row updates a second, by
 * one of three paths — the console's live path (renderer/grid/liveRows.ts, the same code the
 * resource boards use), a plain applyTransactionAsync per update, or replacing the row data
 * wholesale once a frame. Reports frame times, delivery, newest-value latency and long tasks.
 */
import { createGrid, type ColDef, type GridApi } from 'ag-grid-community';
import { consoleGridTheme } from '../../../renderer/grid/gridSetup.ts';
import { LiveRows } from '../../../renderer/grid/liveRows.ts';

interface BenchRowData { id: string; district: string; name: string; value: number; updatedAt: number; state: string }
export type BenchMode = 'live' | 'transaction' | 'wholesale';
export interface BoardBenchResult {
  mode: BenchMode; rows: number; seconds: number; rate: number;
  frames: number; fps: number; frameP50: number; frameP95: number; frameMax: number;
  sent: number; applied: number; rowsTouched: number; rowsNewest: number;
  latencyP50: number; latencyP95: number; latencyMax: number; withinOneSecond: number; latencySamples: number;
  longTasks: number; longTaskMs: number; heapMB: number | null;
}
declare global {
  interface Window { __boardBench?: { result?: BoardBenchResult; error?: string } }
}

const params = new URLSearchParams(location.search);
const mode = (params.get('mode') ?? 'live') as BenchMode;
const ROWS = Number(params.get('rows') ?? 100_000);
const SECONDS = Number(params.get('seconds') ?? 10);
const RATE = Number(params.get('rate') ?? 1000);
/** Share of updates aimed at the rows on screen, so on-screen latency is sampled too. */
const VISIBLE_SHARE = 0.1;
const VISIBLE_ROWS = 15;
const STATES = ['ready', 'open', 'full', 'closed'];

const percentile = (sample: number[], p: number) => {
  if (sample.length === 0) return Number.NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};
const idAt = (index: number) => `r${String(index).padStart(6, '0')}`;

async function run(): Promise<BoardBenchResult> {
  const model = new Map<string, BenchRowData>();
  for (let i = 0; i < ROWS; i++) {
    const row = { id: idAt(i), district: `district-${i % 16}`, name: `Row ${i}`, value: 0, updatedAt: 0, state: STATES[i % 4]! };
    model.set(row.id, row);
  }
  const columnDefs: ColDef<BenchRowData>[] = [
    { field: 'id', width: 140 }, { field: 'district', width: 160 }, { field: 'name', flex: 1 },
    { field: 'value', width: 140, type: 'numericColumn' }, { field: 'updatedAt', width: 160 }, { field: 'state', width: 120 },
  ];
  const api: GridApi<BenchRowData> = createGrid(document.getElementById('grid')!, {
    theme: consoleGridTheme, columnDefs, rowData: [...model.values()], getRowId: (p) => p.data.id, animateRows: false,
  });
  await new Promise((resolve) => setTimeout(resolve, 1500));

  // Newest value sent per row, and when; entries move to `collecting` when applied to the grid,
  // and their latency is taken at the animation frame after the one that painted them.
  const newest = new Map<string, { value: number; sentAt: number }>();
  const sinceFlush = new Map<string, { value: number; sentAt: number }>();
  let collecting: { id: string; value: number; sentAt: number }[] = [];
  let ready: typeof collecting = [];
  const latencies: number[] = [];
  let applied = 0;
  const markApplied = (id: string, value: number) => {
    const sent = newest.get(id);
    if (sent && sent.value === value) collecting.push({ id, value, sentAt: sent.sentAt });
  };

  const live = mode === 'live' ? new LiveRows(api, (row) => row.id, {
    onFlush: (count) => {
      applied += count;
      for (const [id, entry] of sinceFlush) markApplied(id, entry.value);
      sinceFlush.clear();
    },
  }) : null;
  let dirty = false;

  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => { for (const entry of list.getEntries()) longTasks.push(entry.duration); });
  observer.observe({ type: 'longtask', buffered: false });

  const frameDeltas: number[] = [];
  let lastFrame = 0;
  let measuring = true;
  const onFrame = (now: number) => {
    if (!measuring) return;
    if (lastFrame) frameDeltas.push(now - lastFrame);
    lastFrame = now;
    for (const entry of ready) latencies.push(now - entry.sentAt);
    ready = collecting;
    collecting = [];
    if (mode === 'wholesale' && dirty) {
      dirty = false;
      const rows = [...model.values()];
      api.setGridOption('rowData', rows);
      applied += sinceFlush.size;
      for (const [id, entry] of sinceFlush) markApplied(id, entry.value);
      sinceFlush.clear();
    }
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);

  let sent = 0;
  let seq = 0;
  const start = performance.now();
  const send = () => {
    const now = performance.now();
    const due = Math.min(RATE * SECONDS, Math.floor(((now - start) / 1000) * RATE));
    while (sent < due) {
      sent += 1;
      const index = Math.random() < VISIBLE_SHARE ? Math.floor(Math.random() * VISIBLE_ROWS) : Math.floor(Math.random() * ROWS);
      const id = idAt(index);
      const row = { ...model.get(id)!, value: ++seq, updatedAt: Date.now() };
      model.set(id, row);
      newest.set(id, { value: row.value, sentAt: now });
      sinceFlush.set(id, { value: row.value, sentAt: now });
      if (live) live.upsert([row]);
      else if (mode === 'transaction') {
        api.applyTransactionAsync({ update: [row] }, (result) => {
          applied += result.update.length;
          for (const node of result.update) if (node.data) markApplied(node.data.id, node.data.value);
        });
      } else dirty = true;
    }
  };
  const timer = setInterval(send, 4);
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  send();
  clearInterval(timer);
  const duration = (performance.now() - start) / 1000;
  const frames = frameDeltas.length;
  const frameStats = [...frameDeltas];
  // Let the last updates land, then check every touched row shows its newest value.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  measuring = false;
  observer.disconnect();
  let rowsNewest = 0;
  for (const [id, entry] of newest) if (api.getRowNode(id)?.data?.value === entry.value) rowsNewest += 1;
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return {
    mode, rows: ROWS, seconds: SECONDS, rate: RATE,
    frames, fps: frames / duration, frameP50: percentile(frameStats, 50), frameP95: percentile(frameStats, 95), frameMax: Math.max(...frameStats),
    sent, applied, rowsTouched: newest.size, rowsNewest,
    latencyP50: percentile(latencies, 50), latencyP95: percentile(latencies, 95), latencyMax: Math.max(...latencies),
    withinOneSecond: latencies.filter((l) => l <= 1000).length / Math.max(1, latencies.length), latencySamples: latencies.length,
    longTasks: longTasks.length, longTaskMs: longTasks.reduce((a, b) => a + b, 0), heapMB: memory ? memory.usedJSHeapSize / 2 ** 20 : null,
  };
}

window.__boardBench = {};
run().then((result) => { window.__boardBench!.result = result; }, (error: unknown) => { window.__boardBench!.error = String(error); });
