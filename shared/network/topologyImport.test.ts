import { describe, expect, it } from 'vitest';
import { ImportFileError } from '../formats/importFileError.ts';
import { parseTopology } from './topologyImport.ts';

const CODES = new Set(['310000000000', '310101000000', '310101002000']);

describe('parseTopology', () => {
  it('reads a CSV of channels and sites', () => {
    const csv = 'code,parentCode,name,kind,primaryChannel,backupChannel,lon,lat\n'
      + '310101000000,,,,fibre,satellitePhone,,\n'
      + 'site-hp-depot,310101000000,黄浦应急物资库,depot,privateWireless,beidou,121.49,31.23\n'
      + 'site-hp-post-1,site-hp-depot,外滩前沿指挥所,fieldPost,adHoc,none,,\n';
    const links = parseTopology(csv, 'csv', CODES);
    expect(links).toEqual([
      { id: '310101000000', toCode: '310101000000', primaryChannel: 'fibre', backupChannel: 'satellitePhone', exercise: false },
      { id: 'site-hp-depot', toCode: 'site-hp-depot', fromCode: '310101000000', name: '黄浦应急物资库', siteKind: 'depot', primaryChannel: 'privateWireless', backupChannel: 'beidou', location: { lon: 121.49, lat: 31.23 }, exercise: false },
      { id: 'site-hp-post-1', toCode: 'site-hp-post-1', fromCode: 'site-hp-depot', name: '外滩前沿指挥所', siteKind: 'fieldPost', primaryChannel: 'adHoc', backupChannel: null, exercise: false },
    ]);
  });

  it('refuses the whole file, naming every bad line', () => {
    const csv = 'code,parentCode,name,primaryChannel\n'
      + '310101000000,,,fibre\n'
      + '310101999000,,,fibre\n'
      + 'site-x,310109000000,某站点,carrierPigeon\n'
      + 'site-y,310101000000,,fibre\n';
    const error = (() => { try { parseTopology(csv, 'csv', CODES); } catch (e) { return e as ImportFileError; } return null; })();
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error!.en).toContain('line 3: the command tree has no node with code 310101999000');
    expect(error!.en).toContain('line 4: primaryChannel is not valid');
    expect(error!.en).toContain('line 5: a site needs a name');
    expect(error!.zh).toContain('第 5 行：站点必须有名称');
    expect(error!.en).not.toContain('line 2');
  });

  it('names the line of a bad element in a JSON file', () => {
    const json = '[\n  { "code": "310101000000", "primaryChannel": "fibre" },\n  {\n    "code": "site-a", "parentCode": "310101000000", "name": "A", "backupChannel": "smoke" }\n]';
    expect(() => parseTopology(json, 'json', CODES)).toThrow(/line 3: backupChannel is not valid/);
    expect(parseTopology('[{"code":"310101002000","backupChannel":"adHoc"}]', 'json', CODES)).toEqual([{ id: '310101002000', toCode: '310101002000', backupChannel: 'adHoc', exercise: false }]);
  });

  it('refuses a loop of sites and a parent that does not exist', () => {
    const json = JSON.stringify([
      { code: 'site-a', parentCode: 'site-b', name: 'A' },
      { code: 'site-b', parentCode: 'site-a', name: 'B' },
      { code: 'site-c', parentCode: 'site-zz', name: 'C' },
    ], null, 1);
    expect(() => parseTopology(json, 'json', CODES)).toThrow(/parents of site site-a form a loop.*the parent node site-zz does not exist|the parent node site-zz does not exist.*loop/s);
  });
});
