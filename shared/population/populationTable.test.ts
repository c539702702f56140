import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../formats/importFileError.ts';
import { parsePopulationCsv, widenAdminCode } from './populationTable.ts';

const refusal = (text: string, defaults = {}) => {
  try {
    parsePopulationCsv('t.csv', text, defaults);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return (error as ImportFileError).en;
  }
  throw new Error('the table was accepted');
};

describe('reading a population table', () => {
  it('widens 6- and 9-digit codes and takes source and date from the defaults when the file has none', () => {
    const table = parsePopulationCsv('t.csv', 'code,people\n310101,662030\n310101002,50000\n', { source: '区统计局', asOf: '2020-11-01' });
    expect(table.rows.map((row) => [row.code, row.people, row.source])).toEqual([['310101000000', 662030, '区统计局'], ['310101002000', 50000, '区统计局']]);
    expect(widenAdminCode('31010')).toBeNull();
  });

  it('refuses a file whole, naming the line and the rule', () => {
    const head = 'code,people,as_of,source\n';
    expect(refusal('code,name\n310101,x\n')).toMatch(/no "people" column/);
    expect(refusal(`${head}310101,-5,2020-11-01,s\n`)).toMatch(/line 2: people "-5" must be a whole number/);
    expect(refusal(`${head}310101,12.5,2020-11-01,s\n`)).toMatch(/whole number/);
    expect(refusal(`${head}310101,50000000,2020-11-01,s\n`)).toMatch(/from 0 to 40000000/);
    expect(refusal(`${head}3101x1,5,2020-11-01,s\n`)).toMatch(/line 2: code "3101x1"/);
    expect(refusal(`${head}310101,5,2020-11-01,s\n310101000000,6,2020-11-01,s\n`)).toMatch(/line 3: code 310101000000 appears twice \(first on line 2\)/);
    expect(refusal(`${head}310101,5,2020-02-30,s\n`)).toMatch(/as_of "2020-02-30" must be the date/);
    expect(refusal(`${head}310101,5,2999-01-01,s\n`)).toMatch(/in the future/);
    expect(refusal('code,people\n310101,5\n')).toMatch(/as_of/);
    expect(refusal('code,people,as_of\n310101,5,2020-11-01\n')).toMatch(/source must name where the figure comes from/);
    expect(refusal(`${head}310101,5,2020-11-01,s\n`, { known: new Set(['310104000000']) })).toMatch(/not the city, a district or a street of this region/);
    expect(refusal(`${head}310101,100,2020-11-01,s\n310101002,80,2020-11-01,s\n310101013,80,2020-11-01,s\n`)).toMatch(/streets of district 310101000000 add up to 160/);
    expect(refusal('code,people\n"310101,5\n')).toMatch(/not valid CSV/);
    expect(refusal('code,people\n')).toMatch(/no rows/);
  });
});
