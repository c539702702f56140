import { CMA_CATEGORIES, type CmaCategory, type Storm } from '../../../shared/hazard/cmaBestTrack.ts';
import { ImportFileError } from '../../../shared/formats/importFileError.ts';
import { normaliseLongitude } from '../../../shared/hazard/longitude.ts';

/**
 * Tropical-cyclone tracks as GeoJSON: a FeatureCollection of Point features, one per fix,
 * grouped into storms by `storm`. Properties of each fix:
 *
 *   storm        storm number or id, e.g. "2106" (required; also accepted: stormId, number)
 *   name         storm name, e.g. "In-fa" (optional; the first fix that has one names the storm)
 *   time         ISO-8601 time with a zone, e.g. "2021-07-25T18:00:00Z" (required)
 *   pressureHpa  central pressure, hPa, 850–1100 (required; also accepted: pressure)
 *   windMs       2-minute maximum sustained wind, m/s, 0–120 (required; also accepted: wind)
 *   category     CMA category 0–6 or 9 (optional; derived from the wind by GB/T 19201 when absent)
 *
 * Coordinates are [longitude, latitude] in WGS84. Longitudes past 180°E may be written on
 * (181–360, as tools that keep a Pacific track continuous do); they are stored as −180..180.
 * Fixes may come in any order; within a storm two fixes may not share a time.
 *
 *   {"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[122.2,30.0]},
 *     "properties":{"storm":"2106","name":"In-fa","time":"2021-07-25T06:00:00Z","pressureHpa":965,"windMs":35}}]}
 */
export const TRACK_GEOJSON_FORMAT = 'FeatureCollection of Point fixes with storm, time, pressureHpa, windMs[, name, category]';

/** GB/T 19201-2006 grades by 2-minute mean wind: lower bound in m/s of each CMA category 1–6. */
const GRADE_FLOORS: readonly [CmaCategory, number][] = [[6, 51.0], [5, 41.5], [4, 32.7], [3, 24.5], [2, 17.2], [1, 10.8]];

export function categoryFromWind(windMs: number): CmaCategory {
  return GRADE_FLOORS.find(([, floor]) => windMs >= floor)?.[0] ?? 0;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function numberProperty(properties: Json, keys: readonly string[], what: { zh: string; en: string }, at: { zh: string; en: string }, min: number, max: number): number {
  const value = keys.map((key) => properties[key]).find((v) => v !== undefined && v !== null);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ImportFileError(`${at.zh}缺少${what.zh}（属性 ${keys[0]}）`, `${at.en} has no ${what.en} (property ${keys[0]})`);
  }
  if (value < min || value > max) {
    throw new ImportFileError(`${at.zh}的${what.zh} ${value} 超出 ${min}–${max}`, `${at.en}: ${what.en} ${value} is outside ${min}–${max}`);
  }
  return value;
}

/** Reads the GeoJSON track format above into storms; throws ImportFileError naming the feature and the problem. */
export function parseTrackGeoJson(text: string): Storm[] {
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ImportFileError(`不是有效的 JSON（${(error as Error).message}）`, `not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(root) || root.type !== 'FeatureCollection' || !Array.isArray(root.features)) {
    throw new ImportFileError('应为由台风路径点（Point）组成的 GeoJSON FeatureCollection', 'expected a GeoJSON FeatureCollection of track points (Point features)');
  }
  if (root.features.length === 0) throw new ImportFileError('不含任何路径点', 'the FeatureCollection has no track points');
  const storms = new Map<string, Storm>();
  root.features.forEach((feature: unknown, index: number) => {
    const at = { zh: `第 ${index} 号要素`, en: `feature ${index}` };
    if (!isObject(feature) || feature.type !== 'Feature') throw new ImportFileError(`${at.zh}不是 GeoJSON Feature`, `${at.en} is not a GeoJSON Feature`);
    const geometry = feature.geometry;
    if (!isObject(geometry) || geometry.type !== 'Point') {
      const type = isObject(geometry) ? String(geometry.type) : 'null';
      throw new ImportFileError(`${at.zh}的几何类型为 ${type}，路径点须为 Point`, `${at.en} has geometry ${type}; track points must be Point`);
    }
    const coordinates = geometry.coordinates;
    if (!Array.isArray(coordinates) || typeof coordinates[0] !== 'number' || typeof coordinates[1] !== 'number'
      || !Number.isFinite(coordinates[0]) || !Number.isFinite(coordinates[1])
      || coordinates[0] < -180 || coordinates[0] > 360 || coordinates[1] < -90 || coordinates[1] > 90) {
      throw new ImportFileError(`${at.zh}的坐标 ${JSON.stringify(coordinates)} 不是有效的 [经度, 纬度]`, `${at.en}: coordinates ${JSON.stringify(coordinates)} are not a valid [longitude, latitude]`);
    }
    const properties = isObject(feature.properties) ? feature.properties : {};
    const stormRaw = properties.storm ?? properties.stormId ?? properties.number;
    const stormId = typeof stormRaw === 'number' ? String(stormRaw) : typeof stormRaw === 'string' ? stormRaw.trim() : '';
    if (!/^[A-Za-z0-9_.-]{1,20}$/.test(stormId)) {
      throw new ImportFileError(`${at.zh}缺少台风编号（属性 storm，1–20 位字母数字）`, `${at.en} has no storm number (property storm, 1–20 letters or digits)`);
    }
    const timeRaw = properties.time;
    const time = typeof timeRaw === 'string' && /(Z|[+-]\d{2}:?\d{2})$/.test(timeRaw) ? new Date(timeRaw) : null;
    if (!time || Number.isNaN(time.getTime())) {
      throw new ImportFileError(`${at.zh}的时间 ${JSON.stringify(timeRaw ?? null)} 不是带时区的 ISO-8601 时间`, `${at.en}: time ${JSON.stringify(timeRaw ?? null)} is not an ISO-8601 time with a zone`);
    }
    const pressureHpa = numberProperty(properties, ['pressureHpa', 'pressure'], { zh: '中心气压（百帕）', en: 'central pressure (hPa)' }, at, 850, 1100);
    const windMs = numberProperty(properties, ['windMs', 'wind'], { zh: '最大风速（米/秒）', en: 'maximum wind (m/s)' }, at, 0, 120);
    let category: CmaCategory;
    if (properties.category === undefined || properties.category === null) category = categoryFromWind(windMs);
    else if (typeof properties.category === 'number' && Object.hasOwn(CMA_CATEGORIES, properties.category)) category = properties.category as CmaCategory;
    else throw new ImportFileError(`${at.zh}的强度等级 ${JSON.stringify(properties.category)} 不是 0–6 或 9`, `${at.en}: category ${JSON.stringify(properties.category)} is not one of 0–6 or 9`);

    let storm = storms.get(stormId);
    if (!storm) {
      storm = { internationalId: null, chineseId: stormId, serial: storms.size + 1, name: null, subCentre: null, endFlag: 0, intervalHours: 6, points: [] };
      storms.set(stormId, storm);
    }
    if (typeof properties.name === 'string' && /[\p{Cc}\p{Cf}]/u.test(properties.name)) {
      throw new ImportFileError(`${at.zh}的台风名称含有控制字符`, `${at.en}: the storm name contains control characters`);
    }
    if (!storm.name && typeof properties.name === 'string' && properties.name.trim() !== '') storm.name = properties.name.trim().slice(0, 80);
    const iso = time.toISOString();
    if (storm.points.some((p) => p.time === iso)) {
      throw new ImportFileError(`${at.zh}：台风 ${stormId} 在 ${iso} 已有路径点`, `${at.en}: storm ${stormId} already has a point at ${iso}`);
    }
    storm.points.push({ time: iso, category, lon: normaliseLongitude(coordinates[0]), lat: coordinates[1], pressureHpa, windMs });
  });
  for (const storm of storms.values()) {
    storm.points.sort((a, b) => a.time.localeCompare(b.time));
    if (storm.points.length > 2000) throw new ImportFileError(`台风 ${storm.chineseId} 的路径点超过 2000 个`, `storm ${storm.chineseId} has more than 2000 points`);
  }
  return [...storms.values()].sort((a, b) => a.points[0]!.time.localeCompare(b.points[0]!.time));
}
