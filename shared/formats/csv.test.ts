import { describe, expect, it } from 'vitest';
import { CsvFormatError, neutraliseCell, parseCsv, toCsv } from './csv.ts';

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
    expect(() => parseCsv('a,b\n1,2\n3\n')).toThrow(new CsvFormatError(3, 'expected 2 fields as in the header, found 1', 'fieldCount', { expected: 2, found: 1 }));
    expect(() => parseCsv('a,b\n1,"open\n')).toThrow(/line 2: a quoted field is not closed/);
    expect(() => parseCsv('a,a\n1,2\n')).toThrow(/names column "a" twice/);
    expect(() => parseCsv('\n\n')).toThrow(/empty/);
  });

  it('neutralises cells a spreadsheet would read as formulas, and leaves numbers and plain text alone', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) expect(neutraliseCell(text)).toBe(`'${text}`);
    expect(neutraliseCell(-42)).toBe('-42');
    expect(neutraliseCell('黄浦区 = 310101')).toBe('黄浦区 = 310101');
    expect(neutraliseCell('')).toBe('');
    expect(neutraliseCell(null)).toBe('');
    const text = toCsv(['name', 'balance'], [['=cmd|\' /C calc\'!A0', -5], ['西库', 3]]);
    expect(text).toBe(`name,balance\r\n'=cmd|' /C calc'!A0,-5\r\n西库,3\r\n`);
    expect(parseCsv(text).rows[0]!.values.name).toBe(`'=cmd|' /C calc'!A0`);
  });
});
