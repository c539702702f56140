import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandNode } from '../../../shared/domain/commandNode.ts';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import { peopleOf } from '../../../shared/population/populationTable.ts';
import { loadRegionPack } from '../seed/regionPack.ts';
import { POPULATION_FILE, PopulationTables } from './populationTables.ts';

const pack = loadRegionPack();
const nodes: CommandNode[] = [
  { code: pack.region.code, level: 'city', name: pack.region.name, parentCode: null, exercise: false },
  ...pack.districts.map((district) => ({ code: district.code, level: 'district' as const, name: district.name, parentCode: pack.region.code, exercise: false })),
  ...pack.streets.map((street) => ({ code: street.code, level: 'street' as const, name: street.name, parentCode: street.districtCode, exercise: false })),
];
const CENTRAL = ['310101', '310104', '310105', '310106', '310107', '310109', '310110'];
const folders: string[] = [];
const dataDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-population-'));
  folders.push(dir);
  return dir;
};
afterEach(() => { for (const dir of folders.splice(0)) fs.rmSync(dir, { recursive: true, force: true }); });

describe('the shipped 2020 census table', () => {
  it('adds up to the totals the census release published (a mistyped figure fails here)', () => {
    const { table, rows } = new PopulationTables(dataDir()).current();
    expect(table.rows).toHaveLength(16);
    expect(peopleOf(rows, '310000000000')).toBe(24_870_895);
    expect(CENTRAL.reduce((total, code) => total + rows.get(`${code}000000`)!.people, 0)).toBe(6_683_712);
    expect(rows.get('310115000000')!.people).toBe(5_681_512);
    expect(table.rows.every((row) => row.asOf === '2020-11-01' && /Census/.test(row.source))).toBe(true);
  });
});

describe('importing a population table', () => {
  it('replaces the shipped table with the data folder\'s own, streets and all', () => {
    const dir = dataDir();
    const tables = new PopulationTables(dir);
    expect(tables.summary(nodes)).toMatchObject({ shipped: true, rows: 16, total: 24_870_895 });
    const text = 'code,name,people\n310101,黄浦区,662030\n310101002,南京东路街道,51234\n';
    const summary = tables.import({ fileName: 'hp.csv', text, source: '黄浦区统计局 2020 街道常住人口', asOf: '2020-11-01' }, nodes);
    expect(summary).toMatchObject({ shipped: false, rows: 2, sources: [{ source: '黄浦区统计局 2020 街道常住人口', asOf: '2020-11-01' }] });
    expect(tables.current().rows.get('310101002000')!.people).toBe(51_234);
    // A second console reading the same folder sees the same table.
    expect(new PopulationTables(dir).current().rows.size).toBe(2);
  });

  it('refuses a bad table whole and keeps the one in use', () => {
    const dir = dataDir();
    const tables = new PopulationTables(dir);
    tables.import({ fileName: 'good.csv', text: 'code,people,as_of,source\n310101,662030,2020-11-01,census\n' }, nodes);
    const before = fs.readFileSync(path.join(dir, POPULATION_FILE), 'utf8');
    let refused: unknown;
    try {
      tables.import({ fileName: 'bad.csv', text: 'code,people,as_of,source\n310104,1113078,2020-11-01,census\n440300,17560000,2020-11-01,census\n' }, nodes);
    } catch (error) { refused = error; }
    expect(refused).toBeInstanceOf(ConsoleError);
    expect((refused as ConsoleError).message).toMatch(/bad\.csv: line 3: code 440300000000 is not the city, a district or a street of this region; nothing was imported/);
    expect(fs.readFileSync(path.join(dir, POPULATION_FILE), 'utf8')).toBe(before);
    expect(fs.readdirSync(dir)).toEqual([POPULATION_FILE]);
  });
});
