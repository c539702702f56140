import { describe, expect, it } from 'vitest';
import type { StockItem } from '../domain/resources.ts';
import { proposable } from './availability.ts';
import { computeNeeds, proposeAllocations, splitWhole } from './needsAssessment.ts';

const items: StockItem[] = [
  { id: 'water', name: '瓶装饮用水', unit: '箱', category: 'water', unitContent: { amount: 13.2, measure: 'L' }, exercise: true },
  { id: 'food', name: '方便食品', unit: '箱', category: 'food', unitContent: { amount: 12000, measure: 'kcal' }, exercise: true },
  { id: 'quilt', name: '棉被', unit: '床', category: 'bedding', unitContent: { amount: 1, measure: 'person' }, exercise: true },
  { id: 'tent', name: '帐篷', unit: '顶', category: 'shelter', unitContent: { amount: 12, measure: 'm2' }, exercise: true },
  { id: 'sandbag', name: '沙袋', unit: '只', category: 'rescue', exercise: true },
];

describe('rapid needs assessment', () => {
  it('computes daily and total needs by the stated standards', () => {
    const needs = computeNeeds(1000, 3);
    expect(needs.map((n) => [n.category, n.perDay, n.total, n.measure])).toEqual([
      ['water', 15_000, 45_000, 'L'], ['food', 2_100_000, 6_300_000, 'kcal'], ['bedding', null, 1000, 'person'], ['shelter', null, 2000, 'm2'],
    ]);
    expect(needs[0]!.standard).toMatch(/Sphere.*15 L per person per day/);
    expect(needs[3]!.standard).toMatch(/2 m²/);
    expect(() => computeNeeds(0, 3)).toThrow(/population/);
    expect(() => computeNeeds(10, 0)).toThrow(/days/);
  });

  it('takes whole units from the nearest depots first and reports what is short', () => {
    const needs = computeNeeds(100, 1); // 1,500 L water = 114 cases; 210,000 kcal = 18 cases; 100 quilts; 200 m²
    const { proposals, coverage } = proposeAllocations(needs, items, [
      { depotId: 'far', itemId: 'water', available: 1000, distanceKm: 30 },
      { depotId: 'near', itemId: 'water', available: 100, distanceKm: 2 },
      { depotId: 'near', itemId: 'food', available: 500, distanceKm: 2 },
      { depotId: 'near', itemId: 'quilt', available: 60, distanceKm: 2 },
      { depotId: 'near', itemId: 'sandbag', available: 9000, distanceKm: 2 },
      { depotId: 'near', itemId: 'tent', available: 5, distanceKm: 2 },
    ], 70);
    expect(proposals).toEqual([
      { category: 'water', depotId: 'near', itemId: 'water', quantity: 100, distanceKm: 2 },
      { category: 'water', depotId: 'far', itemId: 'water', quantity: 14, distanceKm: 30 },
      { category: 'food', depotId: 'near', itemId: 'food', quantity: 18, distanceKm: 2 },
      { category: 'bedding', depotId: 'near', itemId: 'quilt', quantity: 60, distanceKm: 2 },
      // 70 free shelter places cover 140 m² of 200; 60 m² left → 5 tents of 12 m².
      { category: 'shelter', depotId: 'near', itemId: 'tent', quantity: 5, distanceKm: 2 },
    ]);
    expect(coverage.find((c) => c.category === 'bedding')).toEqual({ category: 'bedding', covered: 60, shortfall: 40 });
    expect(coverage.find((c) => c.category === 'water')!.shortfall).toBe(0);
    expect(coverage.find((c) => c.category === 'shelter')).toEqual({ category: 'shelter', covered: 200, shortfall: 0 });
  });

  it('spreads each delivery over the shelters by the people they take, in whole units that add up', () => {
    expect(splitWhole(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitWhole(7, [300, 100, 0])).toEqual([5, 2, 0]);
    const needs = computeNeeds(400, 1); // 6,000 L = 455 cases
    const { proposals } = proposeAllocations(needs.filter((n) => n.category === 'water'), items,
      [{ depotId: 'near', itemId: 'water', available: 5000, distanceKm: 2 }], 400,
      [{ shelterId: 'school', people: 300 }, { shelterId: 'gym', people: 100 }]);
    expect(proposals.map((p) => [p.shelterId, p.quantity])).toEqual([['school', 341], ['gym', 114]]);
    expect(proposals.reduce((sum, p) => sum + p.quantity, 0)).toBe(455);
  });

  it('keeps each depot\'s minimum reserve unless the officer releases it, and never proposes committed stock', () => {
    expect(proposable({ available: 1863 }, 600, false)).toBe(1263);
    expect(proposable({ available: 1863 }, 600, true)).toBe(1863);
    expect(proposable({ available: 500 }, 600, false)).toBe(0);
    expect(proposable({ available: -20 }, 0, true)).toBe(0);
    const kept = proposeAllocations(computeNeeds(100_000, 3).filter((n) => n.category === 'water'), items,
      [{ depotId: 'near', itemId: 'water', available: proposable({ available: 1863 }, 600, false), distanceKm: 2 }], 0);
    expect(kept.proposals.map((p) => p.quantity)).toEqual([1263]);
  });

  it('says how shelter space is met: free places, then tents, then what is missing', () => {
    const needs = computeNeeds(1000, 1); // 2,000 m²
    const { space, coverage } = proposeAllocations(needs, items, [{ depotId: 'near', itemId: 'tent', available: 50, distanceKm: 2 }], 300);
    // 300 in shelters; 1,400 m² left → 117 tents wanted, 50 held → 600 m² → 300 people; 400 still without space.
    expect(space).toEqual({ population: 1000, places: 300, tents: 300, missing: 400 });
    expect(coverage.find((c) => c.category === 'shelter')).toEqual({ category: 'shelter', covered: 1200, shortfall: 800 });
    expect(proposeAllocations(computeNeeds(100, 1), items, [], 500).space).toEqual({ population: 100, places: 100, tents: 0, missing: 0 });
  });
});
