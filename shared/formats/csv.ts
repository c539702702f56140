/** A CSV file that cannot be read; names the line, with a key and values the UI words in the user's language. */
export class CsvFormatError extends Error {
  constructor(readonly line: number, problem: string, readonly key = 'format', readonly values: Record<string, string | number> = {}) {
    super(`line ${line}: ${problem}`);
    this.name = 'CsvFormatError';
  }
}

export interface CsvTable {
  header: string[];
  /** Each data row with the file line it starts on (1-based, the header is line 1). */
  rows: { line: number; values: Record<string, string> }[];
}

/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, a UTF-8 BOM) with a header
 * row. Blank lines are skipped; a row with the wrong number of fields is an error.
 */
export function parseCsv(text: string): CsvTable {
  const records = splitRecords(text.replace(/^\uFEFF/, ''));
  const first = records.find((record) => !isBlank(record.fields));
  if (!first) throw new CsvFormatError(1, 'the file is empty: expected a header row', 'emptyFile');
  const header = first.fields.map((name) => name.trim());
  const seen = new Set<string>();
  for (const name of header) {
    if (name === '') throw new CsvFormatError(first.line, 'the header has an empty column name', 'emptyColumn');
    if (seen.has(name)) throw new CsvFormatError(first.line, `the header names column "${name}" twice`, 'duplicateColumn', { name });
    seen.add(name);
  }
  const rows = records.slice(records.indexOf(first) + 1).filter((record) => !isBlank(record.fields)).map((record) => {
    if (record.fields.length !== header.length) {
      throw new CsvFormatError(record.line, `expected ${header.length} fields as in the header, found ${record.fields.length}`, 'fieldCount', { expected: header.length, found: record.fields.length });
    }
    return { line: record.line, values: Object.fromEntries(header.map((name, i) => [name, record.fields[i]!.trim()])) };
  });
  return { header, rows };
}

function isBlank(fields: string[]): boolean {
  return fields.length === 1 && fields[0]!.trim() === '';
}

function splitRecords(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') { field += '"'; i += 1; }
      else if (char === '"') quoted = false;
      else { if (char === '\n') line += 1; field += char; }
      continue;
    }
    if (char === '"') {
      if (field.trim() !== '') throw new CsvFormatError(line, 'a quote may only start a field', 'quoteStart');
      field = '';
      quoted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line += 1;
      recordLine = line;
    } else {
      field += char;
    }
  }
  if (quoted) throw new CsvFormatError(recordLine, 'a quoted field is not closed', 'quoteOpen');
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return records;
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe to open in a spreadsheet: one beginning with = + - @, a tab or a carriage
 * return gets a leading single quote, so a liaison opening an export never runs a formula that
 * arrived in a record's name. Numbers are written as numbers (a negative balance stays a number).
 */
export function neutraliseCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Writes rows as RFC 4180 CSV with a header, quoting where needed and neutralising formulas; for exports. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  const cell = (value: string | number | boolean | null | undefined) => {
    const text = neutraliseCell(value);
    return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
