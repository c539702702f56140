import gcoord from 'gcoord';
import { Boundary } from '../../../shared/domain/boundary.ts';
import { ImportFileError, importRefusal } from '../../../shared/formats/importFileError.ts';
import type { OpDraft } from '../../../shared/sync/op.ts';
import type { Store } from '../store/storeClient.ts';

/** The datum the file's coordinates are in; China's published maps are mostly GCJ-02 (offset ~500 m). */
export type SourceCrs = 'wgs84' | 'gcj02';

export interface BoundaryImportResult {
  fileName: string;
  crs: SourceCrs;
  imported: number;
  byLevel: Record<Boundary['level'], number>;
  codes: string[];
}

const MAX_FEATURES = 20_000;
/** Property names tried, in order, for a feature's administrative code and names (region packs vary). */
const CODE_KEYS = ['code', 'adcode', 'dt_adcode', 'st_adcode', 'ADCODE', 'gb', 'id'];
const NAME_KEYS = ['name_zh', 'name', 'dt_name', 'st_name', 'NAME', 'NAME_CHN'];
const NAME_EN_KEYS = ['name_en', 'nameEn', 'NAME_EN', 'ename'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Makes a 6-, 9- or 12-digit code the 12-digit form the console keys everything by. */
export function normaliseAdminCode(raw: unknown): string | null {
  const text = typeof raw === 'number' && Number.isInteger(raw) ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (/^\d{12}$/.test(text)) return text;
  if (/^\d{9}$/.test(text)) return `${text}000`;
  if (/^\d{6}$/.test(text)) return `${text}000000`;
  return null;
}

/** City (xx xx 00), district (xxxxxx 000000) or street (anything below), from the code's zeros. */
export function levelOfCode(code: string): Boundary['level'] {
  if (code.slice(4) === '00000000') return 'city';
  if (code.slice(6) === '000000') return 'district';
  return 'street';
}

function firstString(properties: Json, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = properties[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

type Position = [number, number];

function checkRing(raw: unknown, where: { zh: string; en: string }, convert: (p: Position) => Position): Position[] {
  if (!Array.isArray(raw) || raw.length < 4) {
    throw new ImportFileError(`${where.zh}至少需要 4 个坐标点（首尾相同）`, `${where.en} needs at least 4 positions (first = last)`);
  }
  const ring = raw.map((position: unknown, index): Position => {
    if (!Array.isArray(position) || position.length < 2 || typeof position[0] !== 'number' || typeof position[1] !== 'number'
      || !Number.isFinite(position[0]) || !Number.isFinite(position[1])) {
      throw new ImportFileError(`${where.zh}第 ${index + 1} 个坐标不是 [经度, 纬度] 数字对`, `${where.en}, position ${index}: not a [longitude, latitude] pair of numbers`);
    }
    const [lon, lat] = position as [number, number];
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      throw new ImportFileError(`${where.zh}第 ${index + 1} 个坐标 [${lon}, ${lat}] 超出经纬度范围（是否为投影坐标？）`,
        `${where.en}, position ${index}: [${lon}, ${lat}] is outside longitude −180…180 / latitude −90…90 (projected coordinates?)`);
    }
    return [lon, lat];
  });
  const first = ring[0]!;
  const last = ring.at(-1)!;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    throw new ImportFileError(`${where.zh}未闭合（首尾坐标不同）`, `${where.en} is not closed (its first and last positions differ)`);
  }
  return ring.map((p) => {
    const [lon, lat] = convert(p);
    return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
  });
}

const toWgs84 = (p: Position): Position => gcoord.transform(p, gcoord.GCJ02, gcoord.WGS84) as Position;

/**
 * Reads a region pack: a GeoJSON FeatureCollection of Polygon / MultiPolygon features whose
 * properties carry an administrative code (`code`, `adcode`, `dt_adcode`, … or the feature id;
 * 6, 9 or 12 digits) and a name (`name_zh`, `name`, `dt_name`, …; English in `name_en`).
 * Checks every feature and throws ImportFileError on the first problem, naming the feature.
 */
export function parseBoundaryGeoJson(text: string, crs: SourceCrs, source: string): Boundary[] {
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ImportFileError(`不是有效的 JSON（${(error as Error).message}）`, `not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(root) || root.type !== 'FeatureCollection' || !Array.isArray(root.features)) {
    const found = isObject(root) ? String(root.type ?? '无 type') : Array.isArray(root) ? 'array' : typeof root;
    throw new ImportFileError(`应为 GeoJSON FeatureCollection，实际为 ${found}`, `expected a GeoJSON FeatureCollection, found ${found}`);
  }
  if (root.features.length === 0) throw new ImportFileError('不含任何要素', 'the FeatureCollection has no features');
  if (root.features.length > MAX_FEATURES) {
    throw new ImportFileError(`要素过多（${root.features.length}，上限 ${MAX_FEATURES}）`, `too many features (${root.features.length}; at most ${MAX_FEATURES})`);
  }
  const convert = crs === 'gcj02' ? toWgs84 : (p: Position) => p;
  const seen = new Map<string, number>();
  return root.features.map((feature: unknown, index: number): Boundary => {
    const at = { zh: `第 ${index} 号要素`, en: `feature ${index}` };
    if (!isObject(feature) || feature.type !== 'Feature') throw new ImportFileError(`${at.zh}不是 GeoJSON Feature`, `${at.en} is not a GeoJSON Feature`);
    const properties = isObject(feature.properties) ? feature.properties : {};
    const rawCode = CODE_KEYS.map((key) => properties[key]).find((value) => value !== undefined && value !== null) ?? feature.id;
    const code = normaliseAdminCode(rawCode);
    if (!code) {
      throw new ImportFileError(`${at.zh}缺少 6、9 或 12 位行政区划代码（属性 code / adcode / dt_adcode），实际为 ${JSON.stringify(rawCode ?? null)}`,
        `${at.en} has no 6-, 9- or 12-digit administrative code (property code / adcode / dt_adcode); found ${JSON.stringify(rawCode ?? null)}`);
    }
    const earlier = seen.get(code);
    if (earlier !== undefined) throw new ImportFileError(`${at.zh}的代码 ${code} 与第 ${earlier} 号要素重复`, `${at.en} repeats code ${code} of feature ${earlier}`);
    seen.set(code, index);
    const name = firstString(properties, NAME_KEYS);
    if (!name) throw new ImportFileError(`${at.zh}（${code}）缺少名称（属性 name / name_zh）`, `${at.en} (${code}) has no name (property name / name_zh)`);
    const geometry = feature.geometry;
    if (!isObject(geometry) || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') || !Array.isArray(geometry.coordinates)) {
      const type = isObject(geometry) ? String(geometry.type) : 'null';
      throw new ImportFileError(`${at.zh}（${name}）的几何类型为 ${type}，只接受 Polygon 或 MultiPolygon`,
        `${at.en} (${name}) has geometry ${type}; only Polygon and MultiPolygon are accepted`);
    }
    const polygons: unknown[] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    if (polygons.length === 0) throw new ImportFileError(`${at.zh}（${name}）的几何为空`, `${at.en} (${name}) has an empty geometry`);
    const coordinates = polygons.map((polygon, p) => {
      if (!Array.isArray(polygon) || polygon.length === 0) {
        throw new ImportFileError(`${at.zh}（${name}）第 ${p} 个多边形没有环`, `${at.en} (${name}), polygon ${p}: has no rings`);
      }
      return polygon.map((ring: unknown, r: number) =>
        checkRing(ring, { zh: `${at.zh}（${name}）第 ${p} 个多边形第 ${r} 个环`, en: `${at.en} (${name}), polygon ${p} ring ${r}` }, convert));
    });
    const nameEn = firstString(properties, NAME_EN_KEYS);
    const level = ['city', 'district', 'street'].includes(String(properties.level)) ? properties.level as Boundary['level'] : levelOfCode(code);
    const parsed = Boundary.safeParse({ code, name, ...(nameEn ? { nameEn } : {}), level, geometry: { type: 'MultiPolygon', coordinates }, source });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ImportFileError(`${at.zh}（${name}）：${issue.path.join('.')} ${issue.message}`, `${at.en} (${name}): ${issue.path.join('.')} ${issue.message}`);
    }
    return parsed.data;
  });
}

/** The boundary records as upserts, city-wide like the demo region's. */
export function boundaryImportDrafts(boundaries: readonly Boundary[]): OpDraft[] {
  return boundaries.map((boundary) => ({ entity: 'boundary', key: boundary.code, kind: 'upsert', body: boundary, scope: '*', priority: 4 }));
}

/**
 * Imports a region pack whole or not at all: every feature is checked first, then all are
 * written in one transaction. A re-import of a code replaces that boundary.
 */
export async function importBoundaries(store: Store, args: { fileName: string; text: string; crs: SourceCrs }): Promise<BoundaryImportResult> {
  const source = `GeoJSON ${args.fileName} (${args.crs === 'gcj02' ? 'GCJ-02 → WGS84 by gcoord' : 'WGS84'})`.slice(0, 300);
  let boundaries: Boundary[];
  try {
    boundaries = parseBoundaryGeoJson(args.text, args.crs, source);
  } catch (error) {
    if (error instanceof ImportFileError) throw importRefusal(args.fileName, error);
    throw error;
  }
  await store.write(boundaryImportDrafts(boundaries));
  const byLevel = { city: 0, district: 0, street: 0 };
  for (const boundary of boundaries) byLevel[boundary.level] += 1;
  return { fileName: args.fileName, crs: args.crs, imported: boundaries.length, byLevel, codes: boundaries.map((b) => b.code) };
}
