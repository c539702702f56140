import { describe, expect, it } from 'vitest';
import { parseCmaBestTrack, summariseStorm, TrackFormatError } from './cmaBestTrack.ts';

// Two storms in the file's layout (values shaped like a 2021 typhoon's approach to Shanghai; a
// test fixture, not an official record).
const YEAR = [
  '66666 2106 0005 0009 2106 0 6 In-fa 20220113',
  '2021072300 5  246 1250  950   45',
  '2021072306 4  254 1240  960   40',
  '2021072500 4  297 1223  965   38',
  '2021072503 3  300 1221  975   30',
  '2021072600 2  305 1208  985   23',
  '66666 0000 0002 0010 0000 0 6 (nameless) 20220113',
  '2021080100 1  180 1150 1000   15',
  '2021080106 0  182 1148 1002   12',
  '',
].join('\r\n');

describe('CMA best-track import', () => {
  it('reads every storm with its fixes in UTC', () => {
    const storms = parseCmaBestTrack(YEAR);
    expect(storms).toHaveLength(2);
    expect(storms[0]).toMatchObject({ internationalId: '2106', chineseId: '2106', serial: 9, name: 'In-fa', endFlag: 0, intervalHours: 6 });
    expect(storms[0]!.points[2]).toEqual({ time: '2021-07-25T00:00:00.000Z', category: 4, lat: 29.7, lon: 122.3, pressureHpa: 965, windMs: 38 });
    expect(storms[1]).toMatchObject({ internationalId: null, chineseId: null, name: null });
  });

  it('summarises each storm as the import command prints it', () => {
    const [infa, nameless] = parseCmaBestTrack(YEAR).map(summariseStorm);
    expect(infa).toEqual({
      number: '2106', name: 'In-fa', points: 5, first: '2021-07-23T00:00:00.000Z', last: '2021-07-26T00:00:00.000Z',
      peakCategory: 5, peakWindMs: 45, minPressureHpa: 950,
    });
    expect(nameless).toMatchObject({ number: 'serial 10', name: '(nameless)', points: 2 });
  });

  it('names the line and the problem in a broken file', () => {
    const cases: [string, RegExp][] = [
      [YEAR.replace('2021072306 4  254 1240  960   40', '2021072306 4  254 XXXX  960   40'), /line 3: longitude.*"XXXX"/],
      [YEAR.replace('0005 0009', '0007 0009'), /line 7: storm 2106 In-fa declares 7 fixes but has only 5/],
      [YEAR.replace('2021072500 4', '2021023100 4'), /line 4: "2021023100" is not a real time/],
      [YEAR.replace('2021072503 3', '2021072503 7'), /line 5: intensity category 7/],
      [YEAR.replace('2021072306', '2021072200'), /line 3: storm 2106 In-fa: fix times must increase/],
      ['<html>not a track</html>', /line 1: expected a storm header/],
      ['', /no storm found/],
    ];
    for (const [text, message] of cases) {
      expect(() => parseCmaBestTrack(text)).toThrow(TrackFormatError);
      expect(() => parseCmaBestTrack(text)).toThrow(message);
    }
  });
});
