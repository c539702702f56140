import type { StockItem } from '../domain/resources.ts';
import { SHELTER_M2_PER_PERSON } from '../domain/resources.ts';

export type NeedCategory = 'water' | 'food' | 'bedding' | 'shelter';

/** The standards the assessment uses, each with where it comes from (shown to the duty officer). */
export const NEEDS_STANDARDS: Record<NeedCategory, { perPerson: number; measure: 'L' | 'kcal' | 'person' | 'm2'; perDay: boolean; source: string }> = {
  water: { perPerson: 15, measure: 'L', perDay: true, source: 'Sphere Handbook 2018, water supply standard 2.1: 15 L per person per day (drinking, cooking, personal hygiene)' },
  food: { perPerson: 2100, measure: 'kcal', perDay: true, source: 'Sphere Handbook 2018, food security standard 6.1: 2,100 kcal per person per day' },
  bedding: { perPerson: 1, measure: 'person', perDay: false, source: 'Sphere Handbook 2018, shelter standard 4: bedding for every person (one quilt or bed each)' },
  shelter: { perPerson: SHELTER_M2_PER_PERSON, measure: 'm2', perDay: false, source: '上海市韧性安全城市建设意见: 应急避难场所人均面积不少于 2 m² (at least 2 m² per person)' },
};

export interface Need {
  category: NeedCategory;
  /** For daily needs, the amount per day; otherwise the whole amount. */
  perDay: number | null;
  total: number;
  measure: 'L' | 'kcal' | 'person' | 'm2';
  standard: string;
}

/** Needs of an affected population over `days` days, by the standards above. */
export function computeNeeds(population: number, days: number): Need[] {
  if (!Number.isInteger(population) || population < 1) throw new RangeError('the affected population must be a whole number of at least 1');
  if (!Number.isInteger(days) || days < 1 || days > 90) throw new RangeError('the number of days must be a whole number from 1 to 90');
  return (Object.keys(NEEDS_STANDARDS) as NeedCategory[]).map((category) => {
    const standard = NEEDS_STANDARDS[category];
    const daily = population * standard.perPerson;
    return {
      category, perDay: standard.perDay ? daily : null, total: standard.perDay ? daily * days : daily,
      measure: standard.measure, standard: standard.source,
    };
  });
}

/** One depot's holding of one item, with its distance from the affected area. */
export interface Holding {
  depotId: string;
  itemId: string;
  available: number;
  distanceKm: number;
}

export interface Proposal {
  category: NeedCategory;
  depotId: string;
  itemId: string;
  quantity: number;
  distanceKm: number;
}

export interface Coverage {
  category: NeedCategory;
  /** How much of the need, in its measure, the proposals and the free shelter places cover. */
  covered: number;
  shortfall: number;
}

/**
 * Proposes allocations that cover the needs from the nearest depots first (greedy by distance,
 * whole units). Shelter space is met first by free places in shelters, then by tents.
 */
export function proposeAllocations(needs: readonly Need[], items: readonly StockItem[], holdings: readonly Holding[], freeShelterPlaces: number):
  { proposals: Proposal[]; coverage: Coverage[] } {
  const itemById = new Map(items.map((item) => [item.id, item]));
  const byDistance = [...holdings].filter((h) => h.available > 0).sort((a, b) => a.distanceKm - b.distanceKm || a.depotId.localeCompare(b.depotId));
  const proposals: Proposal[] = [];
  const coverage: Coverage[] = [];
  for (const need of needs) {
    let remaining = need.total;
    if (need.category === 'shelter') remaining = Math.max(0, remaining - freeShelterPlaces * SHELTER_M2_PER_PERSON);
    for (const holding of byDistance) {
      if (remaining <= 0) break;
      const content = itemById.get(holding.itemId)?.unitContent;
      const item = itemById.get(holding.itemId);
      if (!item || !content || item.category !== need.category || content.measure !== need.measure) continue;
      const quantity = Math.min(holding.available, Math.ceil(remaining / content.amount));
      proposals.push({ category: need.category, depotId: holding.depotId, itemId: holding.itemId, quantity, distanceKm: holding.distanceKm });
      remaining -= quantity * content.amount;
    }
    const shortfall = Math.max(0, remaining);
    coverage.push({ category: need.category, covered: need.total - shortfall, shortfall });
  }
  return { proposals, coverage };
}
