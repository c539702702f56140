import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandNode } from '../../../shared/domain/commandNode.ts';
import { ImportFileError, importRefusal } from '../../../shared/formats/importFileError.ts';
import type { MethodArgs } from '../../../shared/ipc/contract.ts';
import type { PopulationSummary } from '../../../shared/ipc/contracts/population.ts';
import { parsePopulationCsv, peopleOf, type PopulationRow, type PopulationTable } from '../../../shared/population/populationTable.ts';

/** The table that ships with the demo region: the 2020 census, by district. */
export const DEFAULT_POPULATION_URL = new URL('../../../resources/region/shanghai-population-2020.csv', import.meta.url);
/** An administrator's own table, in the data folder; it replaces the shipped one. */
export const POPULATION_FILE = 'population.csv';

/**
 * The population table a console estimates people covered with: the data folder's own
 * (imported, checked whole) or the shipped one. Read once and again only when the file changes.
 */
export class PopulationTables {
  private cached: { key: string; table: PopulationTable; rows: Map<string, PopulationRow> } | null = null;

  constructor(private readonly dataDir: string, private readonly shipped: URL = DEFAULT_POPULATION_URL) {}

  private get ownFile(): string { return path.join(this.dataDir, POPULATION_FILE); }

  /** The rows in use by code, and the table they came from. */
  current(): { table: PopulationTable; rows: Map<string, PopulationRow> } {
    const own = fs.statSync(this.ownFile, { throwIfNoEntry: false });
    const file = own ? this.ownFile : fileURLToPath(this.shipped);
    const key = own ? `${file}:${own.mtimeMs}:${own.size}` : file;
    if (this.cached?.key !== key) {
      const table = parsePopulationCsv(own ? POPULATION_FILE : path.basename(file), fs.readFileSync(file, 'utf8'));
      this.cached = { key, table, rows: new Map(table.rows.map((row) => [row.code, row])) };
    }
    return this.cached;
  }

  summary(nodes: readonly CommandNode[]): PopulationSummary {
    const { table, rows } = this.current();
    const city = nodes.find((node) => node.level === 'city');
    const sources = new Map(table.rows.map((row) => [`${row.source}|${row.asOf}`, { source: row.source, asOf: row.asOf }]));
    return {
      fileName: table.fileName,
      shipped: !fs.existsSync(this.ownFile),
      rows: table.rows.length,
      total: city ? peopleOf(rows, city.code) ?? 0 : 0,
      sources: [...sources.values()],
    };
  }

  /**
   * Checks a table whole against the region (every code must be the city, a district or a
   * street of it) and then replaces the data folder's table in one rename: a refused file
   * leaves the table in use as it was.
   */
  import(args: MethodArgs<'population:import'>, nodes: readonly CommandNode[]): PopulationSummary {
    let table: PopulationTable;
    try {
      table = parsePopulationCsv(args.fileName, args.text, { source: args.source, asOf: args.asOf, known: new Set(nodes.map((node) => node.code)) });
    } catch (error) {
      if (error instanceof ImportFileError) throw importRefusal(args.fileName, error);
      throw error;
    }
    const text = ['code,name,people,as_of,source', ...table.rows.map((row) => [row.code, row.name, row.people, row.asOf, row.source].map(csvCell).join(','))].join('\n');
    const temporary = `${this.ownFile}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, `${text}\n`, { mode: 0o644 });
    fs.renameSync(temporary, this.ownFile);
    this.cached = null;
    return this.summary(nodes);
  }
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
