import { describe, expect, it } from 'vitest';
import { parseCmaBestTrack, summariseStorm, TrackFormatError } from './cmaBestTrack.ts';

// Excerpts in the file's layout, written for these tests (values shaped like real storms; not
// official records). One rule of the CMA format per test.
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

/** One storm: a header with the given fields, then fix lines. */
const storm = (header: string, ...fixes: string[]) => [header, ...fixes].join('\n');
const fix = (time: string, rest = '2  200 1300  995   20') => `${time} ${rest}`;
const one = (text: string) => parseCmaBestTrack(text)[0]!;
const refusal = (text: string): TrackFormatError => {
  try {
    parseCmaBestTrack(text);
  } catch (error) {
    if (error instanceof TrackFormatError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
};

describe('CMA best track: header line', () => {
  it('reads every storm with its fixes in UTC', () => {
    const storms = parseCmaBestTrack(YEAR);
    expect(storms).toHaveLength(2);
    expect(storms[0]).toMatchObject({ internationalId: '2106', chineseId: '2106', serial: 9, name: 'In-fa', subCentre: null, endFlag: 0, intervalHours: 6 });
    expect(storms[0]!.points[2]).toEqual({ time: '2021-07-25T00:00:00.000Z', category: 4, lat: 29.7, lon: 122.3, pressureHpa: 965, windMs: 38 });
    expect(storms[1]).toMatchObject({ internationalId: null, chineseId: null, name: null });
  });

  it('takes the fixed-width padding of the published layout (3-column count with spaces, 20-column name)', () => {
    const text = storm('66666 0601    1 0002 0601 0 6 Chanchu                            20070808', fix('2006050806', '1  87 1353 1000      15'));
    expect(one(text)).toMatchObject({ internationalId: '0601', serial: 2, name: 'Chanchu' });
    expect(one(text).points[0]).toMatchObject({ lat: 8.7, lon: 135.3, pressureHpa: 1000, windMs: 15 });
  });

  it('keeps a storm without an international number (0000) and numbers it by China\'s number, else its serial', () => {
    const chineseOnly = one(storm('66666 0000 001 0031 2131 0 6 Nameless 20220113', fix('2021123100')));
    expect(chineseOnly).toMatchObject({ internationalId: null, chineseId: '2131' });
    expect(summariseStorm(chineseOnly).number).toBe('2131');
    const neither = one(storm('66666 0000 001 0032 0000 0 6 20220113', fix('2021123100')));
    expect(summariseStorm(neither)).toMatchObject({ number: 'serial 32', name: '(nameless)' });
  });

  it('keeps names as written in either case, and treats "(nameless)" in any case or a blank name as no name', () => {
    const names = ['IN-FA', 'in-fa', 'Son Tinh', '(nameless)', '(NAMELESS)', ''].map((name) =>
      one(storm(`66666 2106 001 0009 2106 0 6 ${name} 20220113`, fix('2021072300'))).name);
    expect(names).toEqual(['IN-FA', 'in-fa', 'Son Tinh', null, null, null]);
  });

  it('marks a sub-centre ("(-)n" after the name) with its number', () => {
    const sub = one(storm('66666 6118 001 0031 6118 2 6 Nancy(-)1 20090115', fix('1961091500')));
    expect(sub).toMatchObject({ name: 'Nancy(-)1', subCentre: 1, endFlag: 2 });
  });

  it('reads the end-of-storm flag 0–3 and refuses any other', () => {
    for (const flag of [0, 1, 2, 3]) expect(one(storm(`66666 2106 001 0009 2106 ${flag} 6 In-fa 20220113`, fix('2021072300'))).endFlag).toBe(flag);
    expect(refusal(storm('66666 2106 001 0009 2106 4 6 In-fa 20220113', fix('2021072300'))).en).toBe('line 1: end flag 4 is outside 0–3');
  });

  it('reads the interval between fixes (6, or 3 near landfall)', () => {
    expect(one(storm('66666 2106 001 0009 2106 0 3 In-fa 20220113', fix('2021072300'))).intervalHours).toBe(3);
  });

  it('refuses a name longer than its 20 columns', () => {
    expect(refusal(storm(`66666 2106 001 0009 2106 0 6 ${'A'.repeat(21)} 20220113`, fix('2021072300'))).en).toMatch(/^line 1: a storm name has at most 20 characters/);
  });
});

describe('CMA best track: fix lines', () => {
  it('accepts fixes at irregular hours: 3-hourly near landfall and a landfall time of its own', () => {
    const landfall = one(storm('66666 2106 004 0009 2106 0 3 In-fa 20220113', fix('2021072500'), fix('2021072503'), fix('2021072504'), fix('2021072509')));
    expect(landfall.points.map((p) => p.time.slice(11, 13))).toEqual(['00', '03', '04', '09']);
  });

  it('reads every intensity category 0–6 and 9, and refuses 7 and 8', () => {
    const categories = [0, 1, 2, 3, 4, 5, 6, 9];
    const all = one(storm(`66666 2106 00${categories.length} 0009 2106 0 6 In-fa 20220113`,
      ...categories.map((category, index) => fix(`20210725${String(index).padStart(2, '0')}`, `${category}  200 1300  995   20`))));
    expect(all.points.map((p) => p.category)).toEqual(categories);
    for (const bad of [7, 8]) expect(refusal(storm('66666 2106 001 0009 2106 0 6 In-fa 20220113', fix('2021072500', `${bad}  200 1300  995   20`))).en).toMatch(/^line 2: intensity category/);
  });

  it('does not count extratropical transition (9) as the peak intensity', () => {
    const transition = one(storm('66666 2106 002 0009 2106 0 6 In-fa 20220113', fix('2021072500', '3  300 1300  980   30'), fix('2021072506', '9  400 1400  985   28')));
    expect(summariseStorm(transition)).toMatchObject({ peakCategory: 3, peakWindMs: 30, minPressureHpa: 980 });
  });

  it('reads longitudes past 180°E (CMA counts on: 2439 is 243.9°E) and stores them as −180..180', () => {
    const east = one(storm('66666 0000 005 0030 0000 1 6 (nameless) 20250101',
      fix('2024090100', '1  300 1795 1000   15'), fix('2024090106', '1  305 1800 1000   15'), fix('2024090112', '1  310 1805 1000   15'),
      fix('2024090118', '2  320 2439  998   18'), fix('2024090200', '2  330 3600  998   18')));
    expect(east.points.map((p) => p.lon)).toEqual([179.5, 180, -179.5, -116.1, 0]);
    expect(refusal(storm('66666 0000 001 0030 0000 1 6 (nameless) 20250101', fix('2024090100', '1  300 3601 1000   15'))).en)
      .toBe('line 2: longitude (0.1°E) 3601 is outside 0–3600');
  });

  it('keeps the wind as written: 9 (below 10 m/s) and 0 (missing) are not errors', () => {
    const weak = one(storm('66666 0000 002 0030 0000 0 6 20250101', fix('1950090100', '0  150 1300 1005    9'), fix('1950090106', '0  150 1300 1005    0')));
    expect(weak.points.map((p) => p.windMs)).toEqual([9, 0]);
  });

  it('reads the optional OWD column of newer files, and refuses anything after it', () => {
    const owd = one(storm('66666 2106 002 0009 2106 0 6 In-fa 20220113', fix('2021072500', '4  297 1223  965   38   25'), fix('2021072506', '4  299 1222  965   38')));
    expect(owd.points.map((p) => p.otherWindMs)).toEqual([25, undefined]);
    expect(refusal(storm('66666 2106 001 0009 2106 0 6 In-fa 20220113', fix('2021072500', '4  297 1223  965   38   25  7'))).en).toMatch(/^line 2: a fix has 6 fields .* this one has 8/);
    expect(refusal(storm('66666 2106 001 0009 2106 0 6 In-fa 20220113', fix('2021072500', '4  297 1223  965   38   x'))).en).toMatch(/^line 2: OWD wind \(m\/s\) must be a whole number/);
  });

  it('lets a storm run from one year into the next', () => {
    const winter = one(storm('66666 0000 002 0033 0000 0 6 20250101', fix('2024123118'), fix('2025010100')));
    expect(winter.points.map((p) => p.time)).toEqual(['2024-12-31T18:00:00.000Z', '2025-01-01T00:00:00.000Z']);
  });

  it('refuses fixes dated before 1949, where the archive begins, and in the future', () => {
    expect(one(storm('66666 0000 001 0001 0000 0 6 20090115', fix('1949010100'))).points).toHaveLength(1);
    const early = refusal(storm('66666 0000 001 0001 0000 0 6 20090115', fix('1948123118')));
    expect(early.en).toBe('line 2: year 1948 is before 1949, where the CMA best-track archive begins');
    expect(early.zh).toBe('第 2 行：年份 1948 早于 CMA 最佳路径资料的起始年 1949');
    const future = new Date().getUTCFullYear() + 2;
    expect(refusal(storm('66666 0000 001 0001 0000 0 6 20090115', fix(`${future}010100`))).en).toMatch(/^line 2: year \d+ is in the future/);
  });
});

describe('CMA best track: what is refused', () => {
  it('refuses control characters in a name, naming the line and the character, never echoing it', () => {
    const cases: [string, string][] = [['In\u0007fa', 'U+0007'], ['In-fa\u001b[2J', 'U+001B'], ['\u202eaf-nI', 'U+202E'], ['In\u0000fa', 'U+0000'], ['In\u0085fa', 'U+0085']];
    for (const [name, code] of cases) {
      const error = refusal(`${YEAR}${storm(`66666 2107 001 0011 2107 0 6 ${name} 20220113`, fix('2021080200'))}`);
      expect(error.en).toBe(`line 10: contains the control character ${code}; a best-track file is plain text`);
      expect(error.zh).toBe(`第 10 行：含有控制字符 ${code}；最佳路径文件是纯文本`);
    }
    // A tab is only a separator: a file written with tabs between the columns is read as spaces.
    expect(one(storm('66666\t2106\t001\t0009\t2106\t0\t6\tIn-fa\t20220113', fix('2021072300'))).name).toBe('In-fa');
  });

  it('names the line and the problem in a broken file, in Chinese and English', () => {
    const cases: [string, RegExp][] = [
      [YEAR.replace('2021072306 4  254 1240  960   40', '2021072306 4  254 XXXX  960   40'), /line 3: longitude.*"XXXX"/],
      [YEAR.replace('0005 0009', '0007 0009'), /line 7: storm 2106 In-fa declares 7 fixes but has only 5/],
      [YEAR.replace('2021072500 4', '2021023100 4'), /line 4: "2021023100" is not a real time/],
      [YEAR.replace('2021072503 3', '2021072503 7'), /line 5: intensity category 7/],
      [YEAR.replace('2021072306', '2021072200'), /line 3: storm 2106 In-fa: fix times must increase/],
      [YEAR.replace(' 950 ', ' 800 '), /line 2: central pressure \(hPa\) 800 is outside 850–1100/],
      ['<html>not a track</html>', /line 1: expected a storm header/],
      ['', /no storm found/],
    ];
    for (const [text, message] of cases) {
      const error = refusal(text);
      expect(error.en).toMatch(message);
      expect(error.zh).toMatch(/^第 \d+ 行：/);
    }
  });

  it('reads a file with a byte-order mark and Windows line ends', () => {
    expect(parseCmaBestTrack(`\uFEFF${YEAR}`)).toHaveLength(2);
  });
});

describe('CMA best track: summary', () => {
  it('summarises each storm as the import command prints it', () => {
    const [infa, nameless] = parseCmaBestTrack(YEAR).map(summariseStorm);
    expect(infa).toEqual({
      number: '2106', name: 'In-fa', points: 5, first: '2021-07-23T00:00:00.000Z', last: '2021-07-26T00:00:00.000Z',
      peakCategory: 5, peakWindMs: 45, minPressureHpa: 950,
    });
    expect(nameless).toMatchObject({ number: 'serial 10', name: '(nameless)', points: 2 });
  });
});
