import { levelOfCode } from '../domain/codes.ts';
import { CsvFormatError, parseCsv } from '../formats/csv.ts';
import { ImportFileError } from '../formats/importFileError.ts';

/** One administrative unit's resident population, with when it was counted and by whom. */
export interface PopulationRow {
  /** 12-digit administrative code. */
  code: string;
  name: string;
  people: number;
  /** The census or register date, YYYY-MM-DD. */
  asOf: string;
  source: string;
}

/** A population table: the file it came from and its rows by code. */
export interface PopulationTable {
  fileName: string;
  rows: PopulationRow[];
}

/** Defaults for columns a file leaves out (the CLI's --source and --as-of). */
export interface PopulationDefaults {
  source?: string;
  asOf?: string;
  /** The region's codes: a row naming any other code is refused. */
  known?: ReadonlySet<string>;
}

/** No unit of a city holds more people than this; a larger number is a typing error. */
export const MAX_PEOPLE = 40_000_000;
export const MAX_ROWS = 10_000;
/** A district's streets may add up to a little more than its own figure (different counts); not this much. */
const STREET_SUM_TOLERANCE = 1.1;

/** Widens a 6-, 9- or 12-digit administrative code to 12 digits, or null when it is none of these. */
export function widenAdminCode(code: string): string | null {
  if (/^\d{12}$/.test(code)) return code;
  if (/^\d{9}$/.test(code)) return `${code}000`;
  if (/^\d{6}$/.test(code)) return `${code}000000`;
  return null;
}

const fail = (line: number | null, zh: string, en: string) =>
  new ImportFileError(line === null ? zh : `第 ${line} 行：${zh}`, line === null ? en : `line ${line}: ${en}`);

/**
 * Reads a population table (CSV with `code` and `people`, and `name`, `as_of`, `source` per row
 * unless given as defaults). Whole or not at all: the first problem is thrown as an
 * ImportFileError naming the line and the rule. Every row must state its source and date:
 * an estimate is only as good as the count behind it, and the duty officer is told which.
 */
export function parsePopulationCsv(fileName: string, text: string, defaults: PopulationDefaults = {}): PopulationTable {
  let table;
  try {
    table = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvFormatError) throw fail(error.line, `不是有效的 CSV（${error.message}）`, `not valid CSV (${error.message})`);
    throw error;
  }
  for (const column of ['code', 'people']) {
    if (!table.header.includes(column)) throw fail(1, `缺少列 ${column}（需要 code,people，可选 name,as_of,source）`, `the header has no "${column}" column (expected code,people and optionally name,as_of,source)`);
  }
  if (table.rows.length === 0) throw fail(null, '表中没有数据行', 'the table has no rows');
  if (table.rows.length > MAX_ROWS) throw fail(null, `行数超过 ${MAX_ROWS}`, `more than ${MAX_ROWS} rows`);
  const rows: PopulationRow[] = [];
  const lineOf = new Map<string, number>();
  for (const { line, values } of table.rows) {
    const code = widenAdminCode(values.code ?? '');
    if (!code) throw fail(line, `code「${values.code}」不是 6、9 或 12 位行政区划代码`, `code "${values.code}" is not a 6-, 9- or 12-digit administrative code`);
    if (defaults.known && !defaults.known.has(code)) throw fail(line, `代码 ${code} 不是本地区的市、区或街镇`, `code ${code} is not the city, a district or a street of this region`);
    if (lineOf.has(code)) throw fail(line, `代码 ${code} 重复（已在第 ${lineOf.get(code)} 行）`, `code ${code} appears twice (first on line ${lineOf.get(code)})`);
    lineOf.set(code, line);
    const people = values.people ?? '';
    if (!/^\d+$/.test(people) || Number(people) > MAX_PEOPLE) {
      throw fail(line, `people「${people}」须为 0 到 ${MAX_PEOPLE} 的整数`, `people "${people}" must be a whole number from 0 to ${MAX_PEOPLE}`);
    }
    const asOf = values.as_of || defaults.asOf || '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`)) || new Date(`${asOf}T00:00:00Z`).toISOString().slice(0, 10) !== asOf) {
      throw fail(line, `as_of「${asOf}」须为统计时点日期 YYYY-MM-DD`, `as_of "${asOf}" must be the date of the count, YYYY-MM-DD`);
    }
    if (Date.parse(`${asOf}T00:00:00Z`) > Date.now()) throw fail(line, `as_of ${asOf} 在未来`, `as_of ${asOf} is in the future`);
    const source = (values.source || defaults.source || '').trim();
    if (source === '' || source.length > 300) throw fail(line, 'source 须注明数据来源（不超过 300 字）', 'source must name where the figure comes from (up to 300 characters)');
    const name = (values.name ?? '').trim();
    if (name.length > 100) throw fail(line, 'name 超过 100 字', 'name is longer than 100 characters');
    rows.push({ code, name, people: Number(people), asOf, source });
  }
  checkStreetSums(rows, lineOf);
  return { fileName, rows };
}

/** Streets that add up to far more than their district's own figure mean a typing error somewhere. */
function checkStreetSums(rows: readonly PopulationRow[], lineOf: ReadonlyMap<string, number>): void {
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const sums = new Map<string, number>();
  for (const row of rows) {
    if (levelOfCode(row.code) !== 'street') continue;
    const district = `${row.code.slice(0, 6)}000000`;
    sums.set(district, (sums.get(district) ?? 0) + row.people);
  }
  for (const [district, sum] of sums) {
    const own = byCode.get(district);
    if (own && sum > own.people * STREET_SUM_TOLERANCE) {
      throw fail(lineOf.get(district) ?? null, `区 ${district} 所辖街镇合计 ${sum} 人，超过该区 ${own.people} 人的 10% 以上`,
        `the streets of district ${district} add up to ${sum} people, over 10% more than the district's own ${own.people}`);
    }
  }
}

/** The people a table holds for a code: its own row, else the sum of the rows one level below it. */
export function peopleOf(rows: ReadonlyMap<string, PopulationRow>, code: string): number | null {
  const own = rows.get(code);
  if (own) return own.people;
  const level = levelOfCode(code);
  if (level === 'street') return null;
  let sum = 0;
  let found = false;
  for (const row of rows.values()) {
    const below = level === 'city' ? levelOfCode(row.code) === 'district' && row.code.slice(0, 2) === code.slice(0, 2)
      : levelOfCode(row.code) === 'street' && row.code.slice(0, 6) === code.slice(0, 6);
    if (below) { sum += row.people; found = true; }
  }
  return found ? sum : null;
}
