import { randomUUID } from 'node:crypto';
import { Depot, StockMovement, Team } from '../../../shared/domain/resources.ts';
import { CsvFormatError, parseCsv, type CsvTable } from '../../../shared/formats/csv.ts';
import { csvProblem, rowProblems, type CsvProblem } from '../../../shared/formats/csvProblems.ts';
import type { MethodArgs } from '../../../shared/ipc/contract.ts';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import type { OpDraft } from '../../../shared/sync/op.ts';
import type { Store } from '../store/storeClient.ts';

export type CsvKind = MethodArgs<'resources:importCsv'>['kind'];

/** The columns each kind of file must have (others are refused, so a typo is not silently ignored). */
export const CSV_COLUMNS: Record<CsvKind, { required: string[]; optional: string[] }> = {
  depots: { required: ['id', 'name', 'owner', 'districtCode', 'reserveType', 'lon', 'lat'], optional: ['nameEn'] },
  stock: { required: ['depotId', 'itemId', 'quantity'], optional: ['reason', 'reference'] },
  teams: { required: ['id', 'name', 'kind', 'size', 'districtCode', 'lon', 'lat'], optional: ['nameEn', 'capabilities', 'status'] },
};

const optional = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);
const number = (value: string | undefined) => (value === undefined || value.trim() === '' ? Number.NaN : Number(value));

/** The file's problems, each with its line; the first 20 are enough to fix a file. */
class RowErrors {
  readonly problems: CsvProblem[] = [];
  add(...problems: CsvProblem[]): void {
    for (const problem of problems) if (this.problems.length < 20) this.problems.push(problem);
  }
}

/**
 * Imports depots, opening stock or teams from CSV: every row is checked (format, values, and that
 * districts, depots and items exist) before anything is written, then all rows go in one
 * transaction. One wrong row imports nothing and is named with its line and reason.
 */
export async function importCsv(store: Store, args: MethodArgs<'resources:importCsv'>, now = new Date()): Promise<{ kind: CsvKind; imported: number }> {
  let table: CsvTable;
  try {
    table = parseCsv(args.text);
  } catch (error) {
    if (error instanceof CsvFormatError) throw refuse(args.fileName, [csvProblem(error.line, error.message.replace(/^line \d+: /, ''), error.key, error.values)]);
    throw error;
  }
  const columns = CSV_COLUMNS[args.kind];
  const missing = columns.required.filter((name) => !table.header.includes(name));
  const unknown = table.header.filter((name) => !columns.required.includes(name) && !columns.optional.includes(name));
  if (missing.length || unknown.length) {
    const expected = [...columns.required, ...columns.optional].join(', ');
    throw refuse(args.fileName, [
      ...(missing.length ? [csvProblem(1, `missing column(s) ${missing.join(', ')}`, 'missingColumns', { columns: missing.join(', ') })] : []),
      ...(unknown.length ? [csvProblem(1, `unknown column(s) ${unknown.join(', ')} (expected ${expected})`, 'unknownColumns', { columns: unknown.join(', '), expected })] : []),
    ]);
  }
  if (table.rows.length === 0) throw refuse(args.fileName, [csvProblem(null, 'the file has a header but no rows', 'noRows')]);

  // A depot or team belongs to a district, or to the city itself (city reserves, 市级储备, which every district may draw on).
  const districts = new Set((await store.query('nodes.list')).filter((n) => n.level === 'district' || n.level === 'city').map((n) => n.code));
  const errors = new RowErrors();
  const drafts: OpDraft[] = [];
  const ids = new Map<string, number>();
  const once = (id: string, line: number) => {
    const earlier = ids.get(id);
    if (earlier !== undefined) errors.add(csvProblem(line, `id ${id} is also on line ${earlier}`, 'duplicateId', { id, other: earlier }));
    ids.set(id, line);
  };

  if (args.kind === 'depots' || args.kind === 'teams') {
    for (const { line, values } of table.rows) {
      const location = { lon: number(values.lon), lat: number(values.lat) };
      const parsed = args.kind === 'depots'
        ? Depot.safeParse({ id: values.id, name: values.name, nameEn: optional(values.nameEn), owner: values.owner, districtCode: values.districtCode, reserveType: values.reserveType, location, exercise: args.exercise })
        : Team.safeParse({
          id: values.id, name: values.name, nameEn: optional(values.nameEn), kind: values.kind, size: number(values.size),
          capabilities: (values.capabilities ?? '').split(';').map((c) => c.trim()).filter(Boolean),
          status: optional(values.status) ?? 'available', districtCode: values.districtCode, position: location, exercise: args.exercise,
        });
      if (!parsed.success) { errors.add(...rowProblems(line, parsed.error)); continue; }
      const record = parsed.data as { id: string; districtCode: string };
      once(record.id, line);
      if (!districts.has(record.districtCode)) { errors.add(csvProblem(line, `districtCode ${record.districtCode} is neither the city nor one of its 16 districts`, 'notDistrict', { code: record.districtCode })); continue; }
      drafts.push({ entity: args.kind === 'depots' ? 'depot' : 'team', key: record.id, kind: 'upsert', body: record, scope: record.districtCode });
    }
  } else {
    const depots = new Map((await store.query('resources.depots')).map((d) => [d.id, d]));
    const items = new Set((await store.query('resources.stockItems')).map((i) => i.id));
    for (const { line, values } of table.rows) {
      const parsed = StockMovement.safeParse({
        id: `import-${randomUUID()}`, depotId: values.depotId, itemId: values.itemId, delta: number(values.quantity),
        reason: optional(values.reason) ?? 'receipt', reference: optional(values.reference) ?? args.fileName, at: now.toISOString(), exercise: args.exercise,
      });
      if (!parsed.success) { errors.add(...rowProblems(line, parsed.error)); continue; }
      const depot = depots.get(parsed.data.depotId);
      if (!depot) { errors.add(csvProblem(line, `no depot with id ${parsed.data.depotId}`, 'noDepot', { id: parsed.data.depotId })); continue; }
      if (!items.has(parsed.data.itemId)) { errors.add(csvProblem(line, `no stock item with id ${parsed.data.itemId}`, 'noItem', { id: parsed.data.itemId })); continue; }
      drafts.push({ entity: 'stockMovement', key: parsed.data.id, kind: 'insert', body: parsed.data, scope: depot.districtCode });
    }
  }
  if (errors.problems.length) throw refuse(args.fileName, errors.problems);
  await store.write(drafts);
  return { kind: args.kind, imported: drafts.length };
}

function refuse(fileName: string, problems: CsvProblem[]): ConsoleError {
  return new ConsoleError({
    code: 'INVALID_ARGUMENT',
    message: `${fileName} was not imported (nothing was changed): ${problems.map((p) => p.text).join('; ')}`,
    issues: problems.map((problem) => ({ path: fileName, message: problem.text, reason: problem.reason })),
  });
}
