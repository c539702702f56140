/**
 * A synthetic CMA best-track year file, seeded, shaped like a busy real year: about 30 storms and
 * 1,000 fixes, named typhoons and unnamed depressions (international number 0000), fixes every
 * 6 hours and every 3 near landfall, an OWD column on some lines, extratropical transition (9)
 * at the end of recurving storms, storms that cross 180° eastward (CMA longitudes past 1800) and
 * one that comes in from east of the date line, and one sub-centre. Written for the tests; no
 * real storm is copied. With each file comes what a correct import must report.
 */

export interface ExpectedStorm {
  number: string;
  name: string;
  points: number;
  peakCategory: number;
  peakWindMs: number;
  minPressureHpa: number;
  /** Whether some fix lies east of 180° (stored as a negative longitude). */
  crossesDateLine: boolean;
}

export interface SyntheticYear { text: string; storms: ExpectedStorm[]; fixes: number }

const NAMES = ['Ewiniar', 'Maliksi', 'Gaemi', 'Prapiroon', 'Maria', 'Son-Tinh', 'Ampil', 'Wukong', 'Jongdari', 'Shanshan', 'Yagi', 'Leepi',
  'Bebinca', 'Pulasan', 'Soulik', 'Cimaron', 'Jebi', 'Krathon', 'Barijat', 'Trami', 'Kong-rey', 'Yinxing', 'Toraji', 'Man-yi', 'Usagi', 'Pabuk'];

/** mulberry32: a small seeded generator, so every run writes the same file. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** GB/T 19201-2006 grade of a 2-minute wind (m/s). */
function grade(wind: number): number {
  return wind >= 51 ? 6 : wind >= 41.5 ? 5 : wind >= 32.7 ? 4 : wind >= 24.5 ? 3 : wind >= 17.2 ? 2 : wind >= 10.8 ? 1 : 0;
}

const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 10);
const column = (value: number, width: number) => String(value).padStart(width);

export function syntheticYear(year = 2024, seed = 2024): SyntheticYear {
  const next = random(seed);
  const between = (min: number, max: number) => min + (max - min) * next();
  const lines: string[] = [];
  const storms: ExpectedStorm[] = [];
  let fixes = 0;
  let named = 0;
  for (let serial = 1; serial <= 30; serial += 1) {
    const depression = serial % 5 === 0; // about one in five never gets a name or an international number
    const recurvesEast = serial === 7 || serial === 19 || serial === 26;
    const fromEast = serial === 12;
    const subCentre = serial === 22;
    const count = depression ? Math.round(between(8, 16)) : Math.round(between(28, 52));
    const landfall = !depression && !recurvesEast && !fromEast && serial % 3 === 0;
    if (!depression && !subCentre) named += 1;
    const number = depression ? '0000' : `${String(year).slice(2)}${String(named).padStart(2, '0')}`;
    const name = depression ? '(nameless)' : subCentre ? `${NAMES[(named - 1) % NAMES.length]}(-)1` : NAMES[(named - 1) % NAMES.length]!;
    const peakWind = depression ? between(11, 16) : between(20, 68);
    let time = Date.UTC(year, Math.floor(between(4, 11)), Math.floor(between(1, 20)), 6 * Math.floor(between(0, 4)));
    let lat = between(8, 20);
    let lon = fromEast ? between(181, 186) : recurvesEast ? between(158, 165) : between(118, 160);
    const rows: string[] = [];
    let peak = { category: 0, wind: 0, pressure: 1100 };
    let crosses = false;
    for (let i = 0; i < count; i += 1) {
      const phase = i / Math.max(1, count - 1);
      const wind = Math.max(9, Math.round(peakWind * Math.sin(Math.PI * Math.min(1, phase * 1.1))));
      const transition = (recurvesEast || serial % 4 === 1) && !depression && i >= count - 3;
      const category = transition ? 9 : grade(wind);
      const pressure = Math.max(870, Math.round(1008 - 1.6 * Math.max(0, wind - 10)));
      if (category !== 9) peak = { category: Math.max(peak.category, category), wind: peak.wind, pressure: peak.pressure };
      peak.wind = Math.max(peak.wind, wind);
      peak.pressure = Math.min(peak.pressure, pressure);
      const tenthsEast = Math.round(lon * 10);
      if (tenthsEast > 1800) crosses = true;
      const owd = landfall && i > count - 8 ? `   ${column(Math.round(wind * 0.6), 2)}` : '';
      rows.push(`${stamp(time)} ${category} ${column(Math.round(lat * 10), 4)} ${column(tenthsEast, 4)} ${column(pressure, 4)} ${column(wind, 4)}${owd}`);
      // Recurving storms head north-east past 180°; the rest move north-west; the one from the east goes west.
      if (recurvesEast) { lat += between(0.3, 0.7); lon += between(1.2, 2.6); } else if (fromEast) { lat += between(0.1, 0.4); lon -= between(0.8, 1.5); } else { lat += between(0.2, 0.8); lon -= between(0.3, 1.2); }
      time += (landfall && i > count - 8 ? 3 : 6) * 3_600_000;
    }
    lines.push(`66666 ${number} ${column(count, 4)} ${String(serial).padStart(4, '0')} ${number} ${recurvesEast ? 1 : 0} ${landfall ? 3 : 6} ${name.padEnd(20)} ${year + 1}0115`);
    lines.push(...rows);
    fixes += count;
    storms.push({
      number: depression ? `serial ${serial}` : number, name, points: count,
      peakCategory: peak.category, peakWindMs: peak.wind, minPressureHpa: peak.pressure, crossesDateLine: crosses,
    });
  }
  return { text: `${lines.join('\r\n')}\r\n`, storms, fixes };
}
