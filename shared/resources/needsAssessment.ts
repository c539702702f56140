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
  /** The shelter this delivery goes to, when the area has shelters to spread deliveries over. */
  shelterId?: string;
}

export interface Coverage {
  category: NeedCategory;
  /** How much of the need, in its measure, the proposals and the free shelter places cover. */
  covered: number;
  shortfall: number;
}

/** A shelter that takes part of the affected population, and so a share of the deliveries. */
export interface Destination {
  shelterId: string;
  /** People this shelter takes (its free places, or its capacity when none is free); shares follow it. */
  people: number;
}

/** How the affected population is housed: free places in shelters, then tents, then what is missing. */
export interface ShelterSpace {
  population: number;
  /** People taken by free places in the area's shelters. */
  places: number;
  /** People housed by the proposed tents (at 2 m² a person). */
  tents: number;
  missing: number;
}

/** Splits `total` whole units over weights by largest remainder, so the parts add up exactly. */
export function splitWhole(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) { if (left <= 0) break; parts[i]! += 1; left -= 1; }
  return parts;
}

/**
 * Proposes allocations that cover the needs from the nearest depots first (greedy by distance,
 * whole units, never more than a holding's `available`, which the caller has already reduced by
 * commitments and minimum reserves). Shelter space is met first by free places in shelters, then
 * by tents. With destinations, each category's units are spread over the shelters by the people
 * each takes, so no shelter receives everything.
 */
export function proposeAllocations(needs: readonly Need[], items: readonly StockItem[], holdings: readonly Holding[], freeShelterPlaces: number,
  destinations: readonly Destination[] = []): { proposals: Proposal[]; coverage: Coverage[]; space: ShelterSpace } {
  const itemById = new Map(items.map((item) => [item.id, item]));
  const byDistance = [...holdings].filter((h) => h.available > 0).sort((a, b) => a.distanceKm - b.distanceKm || a.depotId.localeCompare(b.depotId));
  const left = new Map(byDistance.map((h) => [`${h.depotId}/${h.itemId}`, h.available]));
  const proposals: Proposal[] = [];
  const coverage: Coverage[] = [];
  const bedding = needs.find((n) => n.category === 'bedding');
  const population = bedding ? bedding.total : Math.ceil((needs.find((n) => n.category === 'shelter')?.total ?? 0) / SHELTER_M2_PER_PERSON);
  const places = Math.min(population, Math.max(0, freeShelterPlaces));
  let tentM2 = 0;
  for (const need of needs) {
    let remaining = need.total;
    if (need.category === 'shelter') remaining = Math.max(0, remaining - places * SHELTER_M2_PER_PERSON);
    for (const holding of byDistance) {
      if (remaining <= 0) break;
      const item = itemById.get(holding.itemId);
      const content = item?.unitContent;
      if (!item || !content || item.category !== need.category || content.measure !== need.measure) continue;
      const key = `${holding.depotId}/${holding.itemId}`;
      const quantity = Math.min(left.get(key) ?? 0, Math.ceil(remaining / content.amount));
      if (quantity <= 0) continue;
      left.set(key, (left.get(key) ?? 0) - quantity);
      remaining -= quantity * content.amount;
      if (need.category === 'shelter') tentM2 += quantity * content.amount;
      const shares = destinations.length ? splitWhole(quantity, destinations.map((d) => d.people)) : [quantity];
      shares.forEach((share, i) => {
        if (share <= 0) return;
        const destination = destinations[i];
        proposals.push({ category: need.category, depotId: holding.depotId, itemId: holding.itemId, quantity: share, distanceKm: holding.distanceKm, ...(destination ? { shelterId: destination.shelterId } : {}) });
      });
    }
    const shortfall = Math.max(0, remaining);
    coverage.push({ category: need.category, covered: need.total - shortfall, shortfall });
  }
  const tents = Math.min(population - places, Math.floor(tentM2 / SHELTER_M2_PER_PERSON));
  return { proposals, coverage, space: { population, places, tents, missing: Math.max(0, population - places - tents) } };
}
