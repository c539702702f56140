import { z } from 'zod';
import { levelOfCode, parentOfCode } from '../domain/codes.ts';
import { LinkChannel, NetworkNodeCode, SiteKind, type NetworkLink } from '../domain/network.ts';
import { CsvFormatError, parseCsv } from '../formats/csv.ts';
import { ImportFileError } from '../formats/importFileError.ts';
import { isAdminCode } from './topology.ts';

/** One row of a topology file: a node and its uplink (columns of the CSV, keys of the JSON objects). */
export const TopologyRow = z.object({
  code: NetworkNodeCode,
  parentCode: NetworkNodeCode.optional(),
  name: z.string().trim().min(1).max(120).optional(),
  nameEn: z.string().trim().min(1).max(160).optional(),
  kind: z.enum(['city', 'district', 'street', ...SiteKind.options]).optional(),
  primaryChannel: LinkChannel.optional(),
  backupChannel: LinkChannel.nullable().optional(),
  lon: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
}).strict();
export type TopologyRow = z.infer<typeof TopologyRow>;

export const TOPOLOGY_COLUMNS = ['code', 'parentCode', 'name', 'nameEn', 'kind', 'primaryChannel', 'backupChannel', 'lon', 'lat'] as const;
const MAX_ERRORS = 10;

interface Located { line: number; value: Record<string, unknown> }

/**
 * Reads a topology file (CSV with the columns above, or a JSON array of objects) and checks it
 * whole against the command tree: every problem is named by its line, and one bad row refuses
 * the file. Returns the link records to write (patches of the topology fields only).
 */
export function parseTopology(text: string, format: 'csv' | 'json', commandCodes: ReadonlySet<string>, knownSites: ReadonlySet<string> = new Set()): NetworkLink[] {
  const rows = format === 'csv' ? csvRows(text) : jsonRows(text);
  if (rows.length === 0) throw new ImportFileError('文件中没有任何节点', 'the file lists no nodes');
  const errors: { zh: string; en: string }[] = [];
  const fail = (line: number, zh: string, en: string) => { errors.push({ zh: `第 ${line} 行：${zh}`, en: `line ${line}: ${en}` }); };
  const parsed: { line: number; row: TopologyRow }[] = [];
  const seen = new Map<string, number>();
  for (const { line, value } of rows) {
    const result = TopologyRow.safeParse(value);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const field = issue.path.join('.') || '(row)';
      fail(line, `${field} 无效（${issue.message}）`, `${field} is not valid (${issue.message})`);
      continue;
    }
    const row = result.data;
    const before = seen.get(row.code);
    if (before !== undefined) { fail(line, `节点 ${row.code} 已在第 ${before} 行出现`, `node ${row.code} is already on line ${before}`); continue; }
    seen.set(row.code, line);
    parsed.push({ line, row });
  }
  const inFile = new Set(parsed.map(({ row }) => row.code));
  const exists = (code: string) => commandCodes.has(code) || knownSites.has(code) || inFile.has(code);
  for (const { line, row } of parsed) {
    if (isAdminCode(row.code)) {
      if (!commandCodes.has(row.code)) fail(line, `指挥树中没有代码为 ${row.code} 的节点`, `the command tree has no node with code ${row.code}`);
      const level = levelOfCode(row.code);
      if (row.kind && row.kind !== level) fail(line, `代码 ${row.code} 是${level}级，不能标为 ${row.kind}`, `code ${row.code} is a ${level}, not a ${row.kind}`);
      if (level === 'city' && row.parentCode) fail(line, '市级节点没有上级', 'the city has no parent');
      if (level !== 'city' && row.parentCode && row.parentCode !== parentOfCode(row.code)) {
        fail(line, `${row.code} 的上级只能是 ${parentOfCode(row.code)}`, `the parent of ${row.code} can only be ${parentOfCode(row.code)}`);
      }
    } else {
      if (!row.name) fail(line, '站点必须有名称（name）', 'a site needs a name (name)');
      if (!row.parentCode) fail(line, '站点必须指明上级节点（parentCode）', 'a site needs its parent node (parentCode)');
      if (row.kind && !SiteKind.options.includes(row.kind as SiteKind)) fail(line, `站点类型只能是 ${SiteKind.options.join('、')}`, `a site's kind is one of ${SiteKind.options.join(', ')}`);
    }
    if (row.parentCode && !exists(row.parentCode)) fail(line, `上级节点 ${row.parentCode} 不存在`, `the parent node ${row.parentCode} does not exist`);
    if (row.backupChannel && row.backupChannel === row.primaryChannel) fail(line, '备用信道与主信道相同', 'the backup channel is the same as the primary channel');
    if ((row.lon === undefined) !== (row.lat === undefined)) fail(line, '经度和纬度须同时给出', 'give both lon and lat, or neither');
  }
  // A site's parent chain must reach the command tree, not loop among sites.
  const parentOf = new Map(parsed.map(({ row }) => [row.code, row.parentCode]));
  for (const { line, row } of parsed) {
    if (isAdminCode(row.code)) continue;
    const path = new Set<string>();
    for (let code: string | undefined = row.code; code && !isAdminCode(code) && inFile.has(code); code = parentOf.get(code)) {
      if (path.has(code)) { fail(line, `站点 ${row.code} 的上级链形成了环`, `the parents of site ${row.code} form a loop`); break; }
      path.add(code);
    }
  }
  if (errors.length) {
    const shown = errors.slice(0, MAX_ERRORS);
    const more = errors.length - shown.length;
    throw new ImportFileError(
      shown.map((e) => e.zh).join('；') + (more ? `；另有 ${more} 处问题` : ''),
      shown.map((e) => e.en).join('; ') + (more ? `; and ${more} more problems` : ''),
    );
  }
  return parsed.map(({ row }) => ({
    id: row.code,
    toCode: row.code,
    ...(row.parentCode ? { fromCode: row.parentCode } : {}),
    ...(row.name && !isAdminCode(row.code) ? { name: row.name } : {}),
    ...(row.nameEn && !isAdminCode(row.code) ? { nameEn: row.nameEn } : {}),
    ...(!isAdminCode(row.code) ? { siteKind: (row.kind ?? 'other') as SiteKind } : {}),
    ...(row.primaryChannel ? { primaryChannel: row.primaryChannel } : {}),
    ...(row.backupChannel !== undefined ? { backupChannel: row.backupChannel } : {}),
    ...(row.lon !== undefined && row.lat !== undefined ? { location: { lon: row.lon, lat: row.lat } } : {}),
    exercise: false,
  }));
}

function csvRows(text: string): Located[] {
  let table;
  try {
    table = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvFormatError) throw new ImportFileError(`第 ${error.line} 行：CSV 格式错误`, error.message);
    throw error;
  }
  const unknown = table.header.filter((column) => !(TOPOLOGY_COLUMNS as readonly string[]).includes(column));
  if (unknown.length) throw new ImportFileError(`第 1 行：未知的列 ${unknown.join('、')}`, `line 1: unknown column(s) ${unknown.join(', ')}; expected ${TOPOLOGY_COLUMNS.join(', ')}`);
  if (!table.header.includes('code')) throw new ImportFileError('第 1 行：缺少 code 列', 'line 1: the code column is missing');
  return table.rows.map(({ line, values }) => ({
    line,
    value: Object.fromEntries(Object.entries(values).filter(([, value]) => value !== '').map(([key, value]) => [key, key === 'lon' || key === 'lat' ? Number(value) : key === 'backupChannel' && value === 'none' ? null : value])),
  }));
}

function jsonRows(text: string): Located[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError(`不是有效的 JSON（${(error as Error).message}）`, `not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(value)) throw new ImportFileError('JSON 文件须是节点对象的数组', 'the JSON file must be an array of node objects');
  const lines = elementLines(text);
  return value.map((item, index) => ({ line: lines[index] ?? index + 1, value: (typeof item === 'object' && item !== null ? item : { code: item }) as Record<string, unknown> }));
}

/** The line each element of a top-level JSON array starts on, so errors name lines in JSON files too. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === '\n') line += 1;
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
      continue;
    }
    if (/\s/.test(char)) continue;
    if (depth === 1 && expectElement && char !== ']') { lines.push(line); expectElement = false; }
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') { depth += 1; if (depth === 1) expectElement = true; }
    else if (char === ']' || char === '}') depth -= 1;
    else if (char === ',' && depth === 1) expectElement = true;
  }
  return lines;
}
