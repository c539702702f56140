import type { AlertArea } from '../domain/alert.ts';
import { CapError, type CapNote } from './capError.ts';
import { CapFields } from './capFields.ts';
import type { XmlElement } from './xmlTree.ts';

/** The geocode scheme China's national early-warning system uses for administrative codes. */
export const CPEAS_GEOCODE = 'CPEAS Geographic Code';

const AREA_ELEMENTS = ['areaDesc', 'polygon', 'circle', 'geocode', 'altitude', 'ceiling'];
/**
 * Far above a drawn warning area (NWS polygons have at most ~100 points, national outlines a few
 * thousand) and far below what would swamp the store and the P0 channel an imported alert takes.
 */
export const AREA_LIMITS = { pointsPerPolygon: 5000, pointsPerAlert: 20_000, polygonsPerArea: 21, circlesPerArea: 20, geocodesPerArea: 1000, adminCodesPerArea: 300 } as const;

/**
 * MET Norway lists a warning's municipalities in one geocode value (`0301;1108;…`, over a
 * thousand characters): kept whole, never cut, up to this length.
 */
const GEOCODE_VALUE_LENGTH = 4000;
/** How far apart a ring's ends may be and still be closed: rounding in the last digit (about 11 m). */
const CLOSING_TOLERANCE_DEGREES = 1e-4;

function capped(path: string, value: string, limit: number): string {
  if (value.length > limit) throw new CapError(path, `is ${value.length} characters; the limit is ${limit}`, `长度 ${value.length} 字符，上限 ${limit}`);
  return value;
}

/** Refuses an area with more of one element than the console keeps, naming the element. */
function bounded<T>(path: string, name: string, items: T[], limit: number): T[] {
  if (items.length > limit) {
    throw new CapError(`${path}.${name}`, `appears ${items.length} times in one area; the console keeps at most ${limit}`, `在一个区域中出现 ${items.length} 次；本系统最多保存 ${limit} 个`);
  }
  return items;
}

/** Counts the points of one alert as its areas are read, so a flood of small polygons is bounded too. */
export class PointBudget {
  private used = 0;
  spend(path: string, points: number): void {
    this.used += points;
    if (this.used > AREA_LIMITS.pointsPerAlert) {
      throw new CapError(path, `brings the alert to ${this.used} points; an alert may have at most ${AREA_LIMITS.pointsPerAlert}`,
        `使预警的点数达到 ${this.used}；一条预警最多 ${AREA_LIMITS.pointsPerAlert} 个点`);
    }
  }
}

/** One CAP `<geocode>` as a name and value: CAP 1.1/1.2 write two elements, CAP 1.0 wrote `name=value`. */
function readGeocode(geocode: XmlElement, path: string, version: string): { valueName: string; value: string; path: string } {
  if (version === '1.0' && geocode.children.length === 0) {
    const text = geocode.text.trim();
    const equals = text.indexOf('=');
    if (equals <= 0 || equals === text.length - 1) {
      throw new CapError(path, `'${text.slice(0, 80)}' is not a CAP 1.0 geocode (valueName=value)`, `“${text.slice(0, 80)}”不是 CAP 1.0 地理编码（名称=值）`);
    }
    return { valueName: text.slice(0, equals).trim(), value: text.slice(equals + 1).trim(), path };
  }
  const pair = new CapFields(geocode, path, ['valueName', 'value']);
  return { valueName: pair.required('valueName'), value: pair.required('value'), path: pair.at('value') };
}

export function readArea(element: XmlElement, path: string, version: string, budget: PointBudget, notes: CapNote[] = []): AlertArea {
  const fields = new CapFields(element, path, AREA_ELEMENTS);
  const description = fields.required('areaDesc');
  const polygons = bounded(path, 'polygon', fields.all('polygon'), AREA_LIMITS.polygonsPerArea).map((polygon, index) => readPolygon(fields.at('polygon', index), polygon.text.trim(), budget, notes));
  const circleElements = bounded(path, 'circle', fields.all('circle'), AREA_LIMITS.circlesPerArea);
  // A circle is one point of the alert's budget, so thousands of small areas of circles are bounded too.
  if (circleElements.length) budget.spend(fields.at('circle'), circleElements.length);
  const circles = circleElements.map((circle, index) => readCircle(fields.at('circle', index), circle.text.trim()));
  const codes: string[] = [];
  const geocodes: { valueName: string; value: string }[] = [];
  bounded(path, 'geocode', fields.all('geocode'), AREA_LIMITS.geocodesPerArea + AREA_LIMITS.adminCodesPerArea).forEach((geocode, index) => {
    const { valueName, value, path: valuePath } = readGeocode(geocode, fields.at('geocode', index), version);
    if (valueName === CPEAS_GEOCODE) codes.push(cpeasCode(valuePath, value));
    else geocodes.push({ valueName: capped(`${fields.at('geocode', index)}.valueName`, valueName, 200), value: capped(valuePath, value, GEOCODE_VALUE_LENGTH) });
  });
  bounded(path, `geocode (${CPEAS_GEOCODE})`, [...new Set(codes)], AREA_LIMITS.adminCodesPerArea);
  bounded(path, 'geocode', geocodes, AREA_LIMITS.geocodesPerArea);
  return {
    description: description.slice(0, 400),
    codes: [...new Set(codes)],
    ...(polygons[0] ? { polygon: polygons[0] } : {}),
    ...(polygons.length > 1 ? { morePolygons: polygons.slice(1) } : {}),
    ...(circles.length ? { circles } : {}),
    ...(geocodes.length ? { geocodes } : {}),
  };
}

/** A CPEAS code (6-digit county, 9-digit township or 12-digit village level) as the 12-digit code. */
export function cpeasCode(path: string, value: string): string {
  if (!/^(\d{6}|\d{9}|\d{12})$/.test(value)) {
    throw new CapError(path, `'${value.slice(0, 40)}' is not a 6-, 9- or 12-digit ${CPEAS_GEOCODE}`, `“${value.slice(0, 40)}”不是 6、9 或 12 位行政区划代码`);
  }
  return value.padEnd(12, '0');
}

/**
 * A decimal number (an exponent allowed: JavaScript writes 1e-7 that way, and our own export
 * must read back); Number() alone would also take '0x1F', '0b1', ' ' or ''.
 */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?$/;

function readPoint(path: string, pair: string): [number, number] {
  const parts = pair.split(',');
  const lat = Number(parts[0]);
  const lon = Number(parts[1]);
  if (parts.length !== 2 || !DECIMAL.test(parts[0]!) || !DECIMAL.test(parts[1]!)) {
    throw new CapError(path, `'${pair.slice(0, 60)}' is not a WGS 84 latitude,longitude pair`, `“${pair.slice(0, 60)}”不是 WGS 84 纬度,经度`);
  }
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    throw new CapError(path, `'${pair}' is out of range: latitude must be within ±90 and longitude within ±180 (latitude comes first in CAP)`,
      `“${pair}”超出范围：纬度须在 ±90 以内，经度须在 ±180 以内（CAP 中纬度在前）`);
  }
  return [lon, lat];
}

/**
 * A CAP polygon: at least four latitude,longitude pairs separated by whitespace (spaces, tabs and
 * line breaks alike), first and last equal. An unclosed ring is refused rather than closed: a
 * sender whose ring is open may have lost points, and guessing would draw the wrong area. Ends
 * that differ only in the last rounded digit (MET Norway's profile shows one) are closed, noted.
 */
function readPolygon(path: string, text: string, budget: PointBudget, notes: CapNote[]): [number, number][] {
  const pairs = text.split(/\s+/).filter(Boolean);
  if (pairs.length > AREA_LIMITS.pointsPerPolygon) {
    throw new CapError(path, `has ${pairs.length} points; the limit is ${AREA_LIMITS.pointsPerPolygon} per polygon`, `有 ${pairs.length} 个点；每个多边形最多 ${AREA_LIMITS.pointsPerPolygon} 个点`);
  }
  budget.spend(path, pairs.length);
  const points = pairs.map((pair) => readPoint(path, pair));
  if (points.length < 4) throw new CapError(path, `has ${points.length} points; a CAP polygon needs at least 4`, `只有 ${points.length} 个点；CAP 多边形至少 4 个点`);
  const [firstLon, firstLat] = points[0]!;
  const [lastLon, lastLat] = points[points.length - 1]!;
  if (firstLon === lastLon && firstLat === lastLat) return points;
  if (Math.abs(firstLon - lastLon) <= CLOSING_TOLERANCE_DEGREES && Math.abs(firstLat - lastLat) <= CLOSING_TOLERANCE_DEGREES) {
    notes.push({ element: path, en: `ends ${pairs[pairs.length - 1]} where it starts ${pairs[0]} (a rounding difference); closed on its first point`, zh: `终点 ${pairs[pairs.length - 1]} 与起点 ${pairs[0]} 仅有舍入差异，已按起点闭合` });
    return [...points.slice(0, -1), points[0]!];
  }
  throw new CapError(path, 'does not end where it starts; a CAP polygon must be closed', '首尾点不同；CAP 多边形必须闭合');
}

/** A CAP circle. Radius 0 is kept: senders use it for a point (an explosion site, a gauge). */
function readCircle(path: string, text: string): { lon: number; lat: number; radiusKm: number } {
  const [pair, radius, extra] = text.split(/\s+/);
  const radiusKm = Number(radius);
  if (!pair || radius === undefined || extra !== undefined || !DECIMAL.test(radius) || radiusKm < 0 || radiusKm > 20_000) {
    throw new CapError(path, `'${text.slice(0, 80)}' is not latitude,longitude radius (km, 0 to 20000)`, `“${text.slice(0, 80)}”不是“纬度,经度 半径（公里，0 至 20000）”`);
  }
  const [lon, lat] = readPoint(path, pair);
  return { lon, lat, radiusKm };
}

/** Areas repeated in each language's info block are kept once (by where they are, not what they are called). */
export function dedupeAreas(areas: AlertArea[]): AlertArea[] {
  const seen = new Set<string>();
  return areas.filter((area) => {
    const { description: _description, ...where } = area;
    const key = JSON.stringify(where) === '{"codes":[]}' ? `name:${area.description}` : JSON.stringify(where);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
