/**
 * China Meteorological Administration tropical-cyclone best-track files (`CH{year}BST.txt`, from
 * tcdata.typhoon.org.cn, 1949 onwards): per storm a header line, then one line per fix. Fields are
 * fixed-width columns separated by spaces; they are read here as space-separated words, which is
 * the same thing for every documented field and also takes the narrower/wider padding of some years.
 *
 *   66666 2106  005 0009 2106 0 6 In-fa               20220113
 *   │     │     │   │    │    │ │ │                   └ date the dataset was formed (YYYYMMDD)
 *   │     │     │   │    │    │ │ └ name (20 columns): any case, "(nameless)" or blank; "(-)n" marks sub-centre n
 *   │     │     │   │    │    │ └ hours between fixes (6; 3 near landfall in China from 2017)
 *   │     │     │   │    │    └ end of storm: 0 dissipated, 1 left the Typhoon Committee area, 2 merged, 3 quasi-stationary
 *   │     │     │   │    └ China's number (YYNN), 0000 if none
 *   │     │     │   └ serial number of the year, tropical depressions included
 *   │     │     └ number of fix lines that follow
 *   │     └ international number (YYNN), 0000 for a storm without one
 *   └ header mark
 *
 *   2021072518 4  300 1222  965   35 [OWD]
 *   UTC YYYYMMDDHH (any hour: 00/06/12/18, 03/09/15/21 and landfall fixes), intensity category
 *   0–6 or 9 (GB/T 19201-2006), latitude 0.1°N, longitude 0.1°E (counting on past 1800 east of
 *   the date line), central pressure hPa, 2-min mean maximum wind m/s (9 means below 10 m/s,
 *   0 missing), then in some years OWD, a second 2-min mean wind in m/s.
 */
import { ImportFileError } from '../formats/importFileError.ts';
import { longitudeFromEastTenths } from './longitude.ts';

/** CMA intensity categories (GB/T 19201-2006): 0 below TD or unknown … 6 super typhoon, 9 extratropical. */
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

/** The first year of the CMA archive; a fix dated earlier is a broken file, not history. */
export const FIRST_ARCHIVE_YEAR = 1949;

export interface TrackPoint {
  /** UTC, ISO-8601. */
  time: string;
  category: CmaCategory;
  lat: number;
  /** Degrees, normalised to −180..180 (see longitude.ts); 243.9°E is stored as −116.1. */
  lon: number;
  pressureHpa: number;
  /** 2-minute mean maximum sustained wind, m/s; in CMA files 0 means missing and 9 below 10 m/s. */
  windMs: number;
  /** CMA's optional OWD column (a second 2-minute mean wind, m/s), when the file has it. */
  otherWindMs?: number;
}

export interface Storm {
  /** International number (YYNN), or null for a storm without one ("0000"). */
  internationalId: string | null;
  /** China's own number (YYNN), or null. */
  chineseId: string | null;
  serial: number;
  name: string | null;
  /** A sub-centre split from or induced by another storm's circulation: its number ("(-)n" after the name), else null. */
  subCentre: number | null;
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

/** A best-track file that cannot be read: names the line and the problem, in Chinese and English. */
export class TrackFormatError extends ImportFileError {
  constructor(readonly line: number, zh: string, en: string) {
    super(`第 ${line} 行：${zh}`, `line ${line}: ${en}`);
    this.name = 'TrackFormatError';
  }
}

const HEADER = /^66666(\s|$)/;
/** Control and invisible format characters (tab aside): never in a best-track file, and unsafe to echo. */
const CONTROL = /[\p{Cc}\p{Cf}]/u;
const NAME_COLUMNS = 20;

/** Parses a whole year's file or one storm; throws TrackFormatError on the first problem. */
export function parseCmaBestTrack(text: string): Storm[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, index) => refuseControlCharacters(line, index + 1));
  const storms: Storm[] = [];
  let index = 0;
  while (index < lines.length) {
    const raw = lines[index]!;
    const lineNo = index + 1;
    index += 1;
    if (raw.trim() === '') continue;
    if (!HEADER.test(raw.trim())) {
      const found = raw.trim().slice(0, 40);
      throw new TrackFormatError(lineNo, `应为以 66666 开头的台风头记录，实为“${found}”`, `expected a storm header starting with 66666, found "${found}"`);
    }
    const { storm, count } = parseHeader(raw, lineNo);
    for (let n = 0; n < count; n += 1) {
      const line = lines[index];
      if (line === undefined || line.trim() === '' || HEADER.test(line.trim())) {
        throw new TrackFormatError(index + 1, `台风 ${describe(storm)} 声明有 ${count} 个路径点，实际只有 ${n} 个`, `storm ${describe(storm)} declares ${count} fixes but has only ${n}`);
      }
      const point = parsePoint(line, index + 1);
      const previous = storm.points.at(-1);
      if (previous && point.time <= previous.time) {
        throw new TrackFormatError(index + 1, `台风 ${describe(storm)}：路径点时间必须递增`, `storm ${describe(storm)}: fix times must increase`);
      }
      storm.points.push(point);
      index += 1;
    }
    storms.push(storm);
  }
  if (storms.length === 0) throw new TrackFormatError(1, '没有台风记录：文件为空或不是 CMA 最佳路径文件', 'no storm found: the file is empty or not a CMA best-track file');
  return storms;
}

function refuseControlCharacters(line: string, lineNo: number): void {
  const match = CONTROL.exec(line.replaceAll('\t', ' '));
  if (!match) return;
  const code = `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  throw new TrackFormatError(lineNo, `含有控制字符 ${code}；最佳路径文件是纯文本`, `contains the control character ${code}; a best-track file is plain text`);
}

function parseHeader(raw: string, lineNo: number): { storm: Storm; count: number } {
  const fields = raw.trim().split(/\s+/);
  if (fields.length < 8) throw new TrackFormatError(lineNo, `头记录至少有 8 个字段，此行只有 ${fields.length} 个`, `a storm header has at least 8 fields, this one has ${fields.length}`);
  const [, international, countText, serialText, chinese, endText, intervalText] = fields as [string, string, string, string, string, string, string];
  const date = fields.at(-1)!;
  if (!/^\d{8}$/.test(date)) throw new TrackFormatError(lineNo, `头记录应以数据集形成日期 YYYYMMDD 结尾，实为“${date}”`, `the header must end with the dataset date YYYYMMDD, found "${date}"`);
  for (const [zh, en, value] of [['国际编号', 'international number', international], ['中国编号', 'Chinese number', chinese]] as const) {
    if (!/^\d{4}$/.test(value)) throw new TrackFormatError(lineNo, `${zh}应为 4 位数字，实为“${value}”`, `${en} must be 4 digits, found "${value}"`);
  }
  const count = wholeNumber(countText, ['路径点行数', 'number of fixes'], lineNo, 1, 999);
  const nameText = fields.slice(7, -1).join(' ');
  if (nameText.length > NAME_COLUMNS) {
    throw new TrackFormatError(lineNo, `台风名称最长 ${NAME_COLUMNS} 个字符，此处为 ${nameText.length} 个`, `a storm name has at most ${NAME_COLUMNS} characters, this one has ${nameText.length}`);
  }
  const subCentre = /\(-\)\s*(\d+)$/.exec(nameText);
  const baseName = subCentre ? nameText.slice(0, subCentre.index).trim() : nameText;
  return {
    count,
    storm: {
      internationalId: international === '0000' ? null : international,
      chineseId: chinese === '0000' ? null : chinese,
      serial: wholeNumber(serialText, ['序号', 'serial number'], lineNo, 0, 9999),
      name: nameText === '' || /^\(nameless\)$/i.test(baseName) ? null : nameText,
      subCentre: subCentre ? Number(subCentre[1]) : null,
      endFlag: wholeNumber(endText, ['终结标记', 'end flag'], lineNo, 0, 3),
      intervalHours: wholeNumber(intervalText, ['路径间隔小时数', 'time interval'], lineNo, 0, 24),
      points: [],
    },
  };
}

function parsePoint(raw: string, lineNo: number): TrackPoint {
  const fields = raw.trim().split(/\s+/);
  if (fields.length < 6 || fields.length > 7) {
    throw new TrackFormatError(lineNo, `路径点应有 6 个字段（时间、强度、纬度、经度、气压、风速）及可选的 OWD，此行有 ${fields.length} 个`,
      `a fix has 6 fields (time, category, lat, lon, pressure, wind) and an optional OWD, this one has ${fields.length}`);
  }
  const [stamp, categoryText, latText, lonText, pressureText, windText, otherWindText] = fields as [string, string, string, string, string, string, string | undefined];
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})$/.exec(stamp);
  if (!match) throw new TrackFormatError(lineNo, `时间应为 YYYYMMDDHH，实为“${stamp}”`, `time must be YYYYMMDDHH, found "${stamp}"`);
  const [, year, month, day, hour] = match.map(Number) as [number, number, number, number, number];
  const time = new Date(Date.UTC(year, month - 1, day, hour));
  if (time.getUTCMonth() !== month - 1 || time.getUTCDate() !== day || hour > 23) throw new TrackFormatError(lineNo, `“${stamp}”不是真实的时间`, `"${stamp}" is not a real time`);
  if (year < FIRST_ARCHIVE_YEAR) {
    throw new TrackFormatError(lineNo, `年份 ${year} 早于 CMA 最佳路径资料的起始年 ${FIRST_ARCHIVE_YEAR}`, `year ${year} is before ${FIRST_ARCHIVE_YEAR}, where the CMA best-track archive begins`);
  }
  const latestYear = new Date().getUTCFullYear() + 1;
  if (year > latestYear) throw new TrackFormatError(lineNo, `年份 ${year} 在未来；最佳路径是已发生台风的记录`, `year ${year} is in the future; a best track records storms that have happened`);
  const category = wholeNumber(categoryText, ['强度等级', 'intensity category'], lineNo, 0, 9);
  if (!Object.hasOwn(CMA_CATEGORIES, category)) throw new TrackFormatError(lineNo, `强度等级 ${category} 不是 0–6 或 9`, `intensity category ${category} is not one of 0–6 or 9`);
  return {
    time: time.toISOString(),
    category: category as CmaCategory,
    lat: wholeNumber(latText, ['纬度（0.1°N）', 'latitude (0.1°N)'], lineNo, -900, 900) / 10,
    lon: longitudeFromEastTenths(wholeNumber(lonText, ['经度（0.1°E）', 'longitude (0.1°E)'], lineNo, 0, 3600)),
    pressureHpa: wholeNumber(pressureText, ['中心气压（百帕）', 'central pressure (hPa)'], lineNo, 850, 1100),
    windMs: wholeNumber(windText, ['最大风速（米/秒）', 'maximum wind (m/s)'], lineNo, 0, 120),
    ...(otherWindText === undefined ? {} : { otherWindMs: wholeNumber(otherWindText, ['OWD 风速（米/秒）', 'OWD wind (m/s)'], lineNo, 0, 120) }),
  };
}

function wholeNumber(text: string, [zh, en]: readonly [string, string], lineNo: number, min: number, max: number): number {
  if (!/^-?\d+$/.test(text)) throw new TrackFormatError(lineNo, `${zh}应为整数，实为“${text.slice(0, 20)}”`, `${en} must be a whole number, found "${text.slice(0, 20)}"`);
  const value = Number(text);
  if (value < min || value > max) throw new TrackFormatError(lineNo, `${zh} ${value} 超出 ${min}–${max}`, `${en} ${value} is outside ${min}–${max}`);
  return value;
}

function describe(storm: Storm): string {
  return [storm.chineseId ?? storm.internationalId ?? `#${storm.serial}`, storm.name].filter(Boolean).join(' ');
}

/** What `resilience-console import` prints per storm: number, name, points, first and last time, peak. */
export function summariseStorm(storm: Storm): StormSummary {
  const points = storm.points;
  // Category 9 marks extratropical transition, not a strength, so it never counts as the peak.
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
