import { describe, expect, it } from 'vitest';
import { CsvFormatError, parseCsv, toCsv } from './csv.ts';

describe('CSV', () => {
  it('reads quoted fields, doubled quotes, CRLF, a BOM and blank lines', () => {
    const table = parseCsv('\uFEFFid,name,note\r\nd1,"Depot, east","says ""hi"""\r\n\r\nd2,西库,"two\nlines"\n');
    expect(table.header).toEqual(['id', 'name', 'note']);
    expect(table.rows).toEqual([
      { line: 2, values: { id: 'd1', name: 'Depot, east', note: 'says "hi"' } },
      { line: 4, values: { id: 'd2', name: '西库', note: 'two\nlines' } },
    ]);
  });

  it('round-trips what it writes', () => {
    const rows = [['a,b', 'say "x"', 3], ['', ' padded ', true]] as const;
    const text = toCsv(['one', 'two', 'three'], rows);
    expect(parseCsv(text).rows.map((r) => Object.values(r.values))).toEqual([['a,b', 'say "x"', '3'], ['', 'padded', 'true']]);
  });

  it('names the line of a broken file', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n')).toThrow(new CsvFormatError(3, 'expected 2 fields as in the header, found 1'));
    expect(() => parseCsv('a,b\n1,"open\n')).toThrow(/line 2: a quoted field is not closed/);
    expect(() => parseCsv('a,a\n1,2\n')).toThrow(/names column "a" twice/);
    expect(() => parseCsv('\n\n')).toThrow(/empty/);
  });
});
