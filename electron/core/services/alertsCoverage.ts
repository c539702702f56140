import type { Alert, AlertArea } from '../../../shared/domain/alert.ts';
import { isWithin, levelOfCode } from '../../../shared/domain/codes.ts';
import type { CommandNode } from '../../../shared/domain/commandNode.ts';
import { shelterCapacity, type Shelter } from '../../../shared/domain/resources.ts';
import type { AlertCoverage, AreaCodeReport } from '../../../shared/ipc/contracts/alerts.ts';
import { distanceKm, pointInMultiPolygon, pointInRing, type Position } from '../seed/geometry.ts';
import type { Store } from '../store/storeClient.ts';
import type { Boundary } from '../../../shared/domain/boundary.ts';
import { peopleCovered, type DistrictRef } from '../population/peopleCovered.ts';
import type { PopulationTables } from '../population/populationTables.ts';

/** How the number of people covered is reached, said beside it. */
const METHOD_NOTE = '估算：按区（县）常住人口，整区按全数，街镇无单独数字时按所属区平均分摊，绘制区域按覆盖面积比例（假定区内人口均匀分布）。'
  + ' / Estimate: districts named by code count whole; a street without its own figure counts an even share of its district; a drawn area counts its share of each district\'s area (people assumed evenly spread).';
const NO_FIGURES = '人口统计表中没有该警报区域的数字，不估算覆盖人数。 / The population table has no figure for the areas of this alert, so the people covered are not estimated.';

/**
 * How each admin code of imported alerts meets the region: a code with its own boundary draws
 * as itself; a street without one draws as its district; a code matching nothing is reported.
 */
export async function joinAreaCodes(store: Store, alerts: readonly Alert[]): Promise<AreaCodeReport[]> {
  const nodes = new Map((await store.query('nodes.list')).map((node) => [node.code, node]));
  const bounded = new Set((await store.query('map.boundaries')).map((boundary) => boundary.code));
  const reports: AreaCodeReport[] = [];
  for (const alert of alerts) {
    for (const area of alert.areas) {
      for (const code of area.codes) {
        const node = nodes.get(code);
        if (bounded.has(code)) {
          reports.push({ alertId: alert.id, area: area.description, code, outcome: 'boundary', message: `${code} ${node?.name ?? ''}：按其边界绘制 / ${code} ${node?.nameEn ?? node?.name ?? ''}: drawn by its boundary` });
        } else if (node && levelOfCode(code) === 'street' && node.parentCode && bounded.has(node.parentCode)) {
          const district = nodes.get(node.parentCode);
          reports.push({
            alertId: alert.id, area: area.description, code, outcome: 'district',
            message: `街镇 ${node.name}（${code}）无边界，按所属区 ${district?.name ?? node.parentCode} 绘制 / no boundary for street ${node.nameEn ?? node.name} (${code}); drawn as its district ${district?.nameEn ?? node.parentCode}`,
          });
        } else {
          reports.push({
            alertId: alert.id, area: area.description, code, outcome: 'unknown',
            message: `代码 ${code} 不匹配本地区任何区或街镇，该区域未在地图上绘制 / code ${code} matches no district or street of the region; the area is not drawn`,
          });
        }
      }
    }
  }
  return reports;
}

function shelterInside(area: AlertArea, shelter: Shelter): boolean {
  const point: Position = [shelter.location.lon, shelter.location.lat];
  if (area.codes.some((code) => isWithin(shelter.streetCode ?? shelter.districtCode, code) || isWithin(shelter.districtCode, code))) return true;
  const rings = [...(area.polygon ? [area.polygon] : []), ...(area.morePolygons ?? [])];
  if (rings.some((ring) => pointInRing(point, ring))) return true;
  return (area.circles ?? []).some((circle) => distanceKm(point, [circle.lon, circle.lat]) <= circle.radiusKm);
}

/**
 * The streets and shelters inside each area of an alert. Streets have no boundaries in the
 * region pack, so an area drawn as a shape reaches the streets of its shelters and of the
 * districts whose boundary contains the shape's first point.
 */
export async function alertCoverage(store: Store, alert: Alert, population: PopulationTables): Promise<AlertCoverage> {
  const nodes = await store.query('nodes.list');
  const streets = nodes.filter((node) => node.level === 'street');
  const shelters = await store.query('resources.shelters');
  const boundaries = await store.query('map.boundaries');
  const byCode = new Map(nodes.map((node) => [node.code, node]));
  const describe = (node: CommandNode) => ({ code: node.code, name: node.name, ...(node.nameEn ? { nameEn: node.nameEn } : {}) });
  return {
    alertId: alert.id,
    areas: alert.areas.map((area) => {
      const inside = shelters.filter((shelter) => shelterInside(area, shelter));
      const codes = new Set<string>();
      for (const street of streets) if (area.codes.some((code) => isWithin(street.code, code))) codes.add(street.code);
      for (const shelter of inside) if (shelter.streetCode) codes.add(shelter.streetCode);
      const start = area.polygon?.[0] ?? (area.circles?.[0] ? [area.circles[0].lon, area.circles[0].lat] as Position : undefined);
      if (start) {
        for (const boundary of boundaries) {
          if (boundary.level === 'district' && pointInMultiPolygon(start, boundary.geometry.coordinates)) {
            for (const street of streets) if (street.parentCode === boundary.code) codes.add(street.code);
          }
        }
      }
      return {
        description: area.description,
        streets: [...codes].sort().flatMap((code) => (byCode.has(code) ? [describe(byCode.get(code)!)] : [])),
        shelters: inside.map((shelter) => ({ id: shelter.id, name: shelter.name, capacity: shelterCapacity(shelter) })),
      };
    }),
    ...peopleOfAlert(alert, nodes, boundaries, population),
  };
}

/** The people an alert covers by the console's population table, and how the number was reached. */
function peopleOfAlert(alert: Alert, nodes: readonly CommandNode[], boundaries: readonly Boundary[], population: PopulationTables): Pick<AlertCoverage, 'population' | 'populationNote'> {
  const geometry = new Map(boundaries.map((boundary) => [boundary.code, boundary.geometry.coordinates]));
  const districts: DistrictRef[] = nodes.filter((node) => node.level === 'district').map((node) => ({
    code: node.code, name: node.name, ...(node.nameEn ? { nameEn: node.nameEn } : {}),
    geometry: geometry.get(node.code) ?? null,
    streets: nodes.filter((street) => street.parentCode === node.code).map((street) => street.code),
  }));
  const covered = peopleCovered(alert.areas, districts, population.current().rows);
  return covered ? { population: covered, populationNote: METHOD_NOTE } : { population: null, populationNote: NO_FIGURES };
}
