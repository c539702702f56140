import { parentOfCode, levelOfCode } from '../../../shared/domain/codes.ts';
import type { Boundary } from '../../../shared/domain/boundary.ts';
import { shelterCapacity } from '../../../shared/domain/resources.ts';
import type { MethodArgs, MethodResult } from '../../../shared/ipc/contract.ts';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import { proposable } from '../../../shared/resources/availability.ts';
import { computeNeeds, proposeAllocations, type Destination, type Holding } from '../../../shared/resources/needsAssessment.ts';
import { centroidOf, distanceKm, pointInRing, type Position } from '../seed/geometry.ts';
import type { NamedArea } from '../../../shared/domain/namedArea.ts';
import type { Shelter } from '../../../shared/domain/resources.ts';
import { requireRecord } from './records.ts';
import type { Store } from '../store/storeClient.ts';

/**
 * Rapid needs assessment for streets or districts: needs by the stated standards, free places
 * in the area's shelters, and allocations proposed from the nearest depots that hold stock.
 */
export async function assessNeeds(store: Store, args: MethodArgs<'resources:assessNeeds'>): Promise<MethodResult<'resources:assessNeeds'>> {
  const { centre, shelters } = args.areaId ? await drawnArea(store, args.areaId) : await adminAreas(store, args.areaCodes ?? []);
  const capacity = shelters.reduce((sum, s) => sum + shelterCapacity(s), 0);
  const occupancy = shelters.reduce((sum, s) => sum + s.occupancy, 0);
  const free = Math.max(0, capacity - occupancy);

  const depots = new Map((await store.query('resources.depots')).map((d) => [d.id, d]));
  const items = await store.query('resources.stockItems');
  const minimum = new Map(items.map((item) => [item.id, item.minLevel]));
  const holdings: Holding[] = [];
  // Stock committed to other allocations is not there to propose; minimum reserves stay unless released.
  for (const entry of await store.query('resources.availability')) {
    const depot = depots.get(entry.depotId);
    const available = proposable(entry, minimum.get(entry.itemId), args.releaseReserves);
    if (!depot || available <= 0) continue;
    const distance = distanceKm(centre, [depot.location.lon, depot.location.lat]);
    if (distance <= args.maxDistanceKm) holdings.push({ depotId: depot.id, itemId: entry.itemId, available, distanceKm: Math.round(distance * 10) / 10 });
  }
  const needs = computeNeeds(args.population, args.days);
  const { proposals, coverage, space } = proposeAllocations(needs, items, holdings, free, destinationsOf(shelters));
  return { needs, shelters: { count: shelters.length, capacity, occupancy, free }, proposals, coverage, space, reservesKept: !args.releaseReserves };
}

/**
 * The shelters deliveries are spread over: every one with free places, weighted by them, so the
 * affected population (and tents for those without a place, on the same grounds) is shared out
 * instead of sent to one site; when none has a free place, all of them by capacity.
 */
function destinationsOf(shelters: readonly Shelter[]): Destination[] {
  const withRoom = shelters
    .map((shelter) => ({ shelterId: shelter.id, people: Math.max(0, shelterCapacity(shelter) - shelter.occupancy) }))
    .filter((destination) => destination.people > 0);
  return withRoom.length ? withRoom : shelters.map((shelter) => ({ shelterId: shelter.id, people: shelterCapacity(shelter) }));
}

/** Streets or districts: centred on their districts' boundaries, with those districts' usable shelters. */
async function adminAreas(store: Store, areaCodes: readonly string[]): Promise<{ centre: Position; shelters: Shelter[] }> {
  const districts = new Set<string>();
  for (const code of areaCodes) {
    const level = levelOfCode(code);
    if (level === 'city') throw new ConsoleError({ code: 'INVALID_ARGUMENT', message: 'choose districts or streets, not the whole city' });
    districts.add(level === 'district' ? code : parentOfCode(code)!);
  }
  const boundaries = (await store.query('map.boundaries')).filter((b: Boundary) => districts.has(b.code));
  if (boundaries.length === 0) throw new ConsoleError({ code: 'NOT_FOUND', message: 'none of the chosen areas has a boundary to measure distances from' });
  const centres = boundaries.map((b) => centroidOf(b.geometry.coordinates));
  const centre: Position = [centres.reduce((sum, c) => sum + c[0], 0) / centres.length, centres.reduce((sum, c) => sum + c[1], 0) / centres.length];
  const shelters = (await store.query('resources.shelters')).filter((s) => districts.has(s.districtCode) && usable(s));
  return { centre, shelters };
}

/** An area drawn on the map: centred on its own centroid, with the usable shelters inside it. */
async function drawnArea(store: Store, areaId: string): Promise<{ centre: Position; shelters: Shelter[] }> {
  const area = await requireRecord<NamedArea>(store, 'namedArea', areaId, 'named area');
  const ring = area.ring as Position[];
  const centre = centroidOf([[ring]]);
  const shelters = (await store.query('resources.shelters')).filter((s) => usable(s) && pointInRing([s.location.lon, s.location.lat], ring));
  return { centre, shelters };
}

const usable = (shelter: Shelter) => shelter.state === 'ready' || shelter.state === 'open';
