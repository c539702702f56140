/**
 * China Meteorological Administration tropical-cyclone best-track files (`CH{year}BST.txt`):
 * a header line per storm, then one line per fix (every 6 h, 3 h near landfall).
 *
 *   66666 2106 0093 0009 2106 0 6 In-fa 20220113           header
 *   2021072518 4  300 1222  965   35                        YYYYMMDDHH, category, lat/10, lon/10, hPa, m/s
 */

/** CMA intensity categories: 0 below TD or unknown … 6 super typhoon, 9 extratropical. */
export const CMA_CATEGORIES = {
  0: { zh: '弱于热带低压或未知', en: 'Weaker than TD or unknown' },
  1: { zh: '热带低压', en: 'Tropical depression' },
  2: { zh: '热带风暴', en: 'Tropical storm' },
  3: { zh: '强热带风暴', en: 'Severe tropical storm' },
  4: { zh: '台风', en: 'Typhoon' },
  5: { zh: '强台风', en: 'Severe typhoon' },
  6: { zh: '超强台风', en: 'Super typhoon' },
  9: { zh: '变性温带气旋', en: 'Extratropical transition' },
} as const;
export type CmaCategory = keyof typeof CMA_CATEGORIES;

export interface TrackPoint {
  /** UTC, ISO-8601. */
  time: string;
  category: CmaCategory;
  lat: number;
  lon: number;
  pressureHpa: number;
  /** 2-minute mean maximum sustained wind, m/s. */
  windMs: number;
}

export interface Storm {
  /** International number (YYNN), or null for a storm without one ("0000"). */
  internationalId: string | null;
  /** China's own number (YYNN), or null. */
  chineseId: string | null;
  serial: number;
  name: string | null;
  /** 0 dissipated, 1 left the area of responsibility, 2 merged, 3 quasi-stationary. */
  endFlag: number;
  intervalHours: number;
  points: TrackPoint[];
}

export interface StormSummary {
  number: string;
  name: string;
  points: number;
  first: string;
  last: string;
  peakCategory: CmaCategory;
  peakWindMs: number;
  minPressureHpa: number;
}

/** A best-track file that cannot be read; names the line and the problem. */
export class TrackFormatError extends Error {
  constructor(readonly line: number, problem: string) {
    super(`line ${line}: ${problem}`);
    this.name = 'TrackFormatError';
  }
}

const HEADER = /^66666\s/;

/** Parses a whole year's file or one storm; throws TrackFormatError on the first problem. */
export function parseCmaBestTrack(text: string): Storm[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const storms: Storm[] = [];
  let index = 0;
  while (index < lines.length) {
    const raw = lines[index]!;
    const lineNo = index + 1;
    index += 1;
    if (raw.trim() === '') continue;
    if (!HEADER.test(raw)) throw new TrackFormatError(lineNo, `expected a storm header starting with 66666, found "${raw.trim().slice(0, 40)}"`);
    const { storm, count } = parseHeader(raw, lineNo);
    for (let n = 0; n < count; n += 1) {
      const line = lines[index];
      if (line === undefined || line.trim() === '' || HEADER.test(line)) {
        throw new TrackFormatError(index + 1, `storm ${describe(storm)} declares ${count} fixes but has only ${n}`);
      }
      storm.points.push(parsePoint(line, index + 1));
      index += 1;
    }
    for (let n = 1; n < storm.points.length; n += 1) {
      if (storm.points[n]!.time <= storm.points[n - 1]!.time) {
        throw new TrackFormatError(index - storm.points.length + n + 1, `storm ${describe(storm)}: fix times must increase`);
      }
    }
    storms.push(storm);
  }
  if (storms.length === 0) throw new TrackFormatError(1, 'no storm found: the file is empty or not a CMA best-track file');
  return storms;
}

function parseHeader(raw: string, lineNo: number): { storm: Storm; count: number } {
  const fields = raw.trim().split(/\s+/);
  if (fields.length < 8) throw new TrackFormatError(lineNo, `a storm header has at least 8 fields, this one has ${fields.length}`);
  const [, international, countText, serialText, chinese, endText, intervalText] = fields as [string, string, string, string, string, string, string];
  const date = fields.at(-1)!;
  if (!/^\d{8}$/.test(date)) throw new TrackFormatError(lineNo, `the header must end with the dataset date YYYYMMDD, found "${date}"`);
  const nameParts = fields.slice(7, -1);
  for (const [label, value] of [['international number', international], ['Chinese number', chinese]] as const) {
    if (!/^\d{4}$/.test(value)) throw new TrackFormatError(lineNo, `${label} must be 4 digits, found "${value}"`);
  }
  const count = wholeNumber(countText, 'number of fixes', lineNo, 1, 999);
  const name = nameParts.join(' ');
  return {
    count,
    storm: {
      internationalId: international === '0000' ? null : international,
      chineseId: chinese === '0000' ? null : chinese,
      serial: wholeNumber(serialText, 'serial number', lineNo, 0, 9999),
      name: name === '' || /^\(?nameless\)?$/i.test(name) ? null : name,
      endFlag: wholeNumber(endText, 'end flag', lineNo, 0, 3),
      intervalHours: wholeNumber(intervalText, 'time interval', lineNo, 1, 24),
      points: [],
    },
  };
}

function parsePoint(raw: string, lineNo: number): TrackPoint {
  const fields = raw.trim().split(/\s+/);
  if (fields.length < 6) throw new TrackFormatError(lineNo, `a fix has at least 6 fields (time, category, lat, lon, pressure, wind), this one has ${fields.length}`);
  const [stamp, categoryText, latText, lonText, pressureText, windText] = fields as [string, string, string, string, string, string];
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})$/.exec(stamp);
  if (!match) throw new TrackFormatError(lineNo, `time must be YYYYMMDDHH, found "${stamp}"`);
  const [, year, month, day, hour] = match.map(Number) as [number, number, number, number, number];
  const time = new Date(Date.UTC(year, month - 1, day, hour));
  if (time.getUTCMonth() !== month - 1 || time.getUTCDate() !== day || hour > 23) throw new TrackFormatError(lineNo, `"${stamp}" is not a real time`);
  const category = wholeNumber(categoryText, 'intensity category', lineNo, 0, 9);
  if (!(category in CMA_CATEGORIES)) throw new TrackFormatError(lineNo, `intensity category ${category} is not one of 0–6 or 9`);
  return {
    time: time.toISOString(),
    category: category as CmaCategory,
    lat: wholeNumber(latText, 'latitude (0.1°N)', lineNo, -900, 900) / 10,
    lon: wholeNumber(lonText, 'longitude (0.1°E)', lineNo, 0, 1800) / 10,
    pressureHpa: wholeNumber(pressureText, 'central pressure (hPa)', lineNo, 850, 1100),
    windMs: wholeNumber(windText, 'maximum wind (m/s)', lineNo, 0, 120),
  };
}

function wholeNumber(text: string, what: string, lineNo: number, min: number, max: number): number {
  if (!/^-?\d+$/.test(text)) throw new TrackFormatError(lineNo, `${what} must be a whole number, found "${text}"`);
  const value = Number(text);
  if (value < min || value > max) throw new TrackFormatError(lineNo, `${what} ${value} is outside ${min}–${max}`);
  return value;
}

function describe(storm: Storm): string {
  return [storm.chineseId ?? storm.internationalId ?? `#${storm.serial}`, storm.name].filter(Boolean).join(' ');
}

/** What `resilience-console import` prints per storm: number, name, points, first and last time, peak. */
export function summariseStorm(storm: Storm): StormSummary {
  const points = storm.points;
  const peakCategory = points.reduce<CmaCategory>((best, p) => (p.category !== 9 && p.category > best ? p.category : best), 0);
  return {
    number: storm.chineseId ?? storm.internationalId ?? `serial ${storm.serial}`,
    name: storm.name ?? '(nameless)',
    points: points.length,
    first: points[0]?.time ?? '',
    last: points.at(-1)?.time ?? '',
    peakCategory,
    peakWindMs: Math.max(...points.map((p) => p.windMs)),
    minPressureHpa: Math.min(...points.map((p) => p.pressureHpa)),
  };
}
