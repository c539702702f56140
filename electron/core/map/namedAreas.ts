import { randomUUID } from 'node:crypto';
import { NamedArea } from '../../../shared/domain/namedArea.ts';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import type { AreaSave } from '../../../shared/map/basemap.ts';
import type { z } from 'zod';
import { requireRecord } from '../services/records.ts';
import type { Store } from '../store/storeClient.ts';

type Position = [number, number];
/** The sphere OpenLayers' ol/sphere measures on, so the saved area matches what the measure tool showed. */
const EARTH_RADIUS_M = 6371008.8;
const CIRCLE_SIDES = 64;
const rad = Math.PI / 180;

/** Geodesic area of a ring in m² on a sphere (the spherical-excess sum ol/sphere's getArea uses). */
export function ringAreaM2(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [lon1, lat1] = ring[i]!;
    const [lon2, lat2] = ring[(i + 1) % ring.length]!;
    sum += (lon2 - lon1) * rad * (2 + Math.sin(lat1 * rad) + Math.sin(lat2 * rad));
  }
  return Math.abs((sum * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}

/** A circle as a closed 64-sided ring, each vertex `radiusM` from the centre along a great circle. */
export function circleRing(center: { lon: number; lat: number }, radiusM: number): Position[] {
  const angular = radiusM / EARTH_RADIUS_M;
  const lat1 = center.lat * rad;
  const lon1 = center.lon * rad;
  const ring: Position[] = [];
  for (let i = 0; i < CIRCLE_SIDES; i++) {
    const bearing = (2 * Math.PI * i) / CIRCLE_SIDES;
    const lat2 = Math.asin(Math.sin(lat1) * Math.cos(angular) + Math.cos(lat1) * Math.sin(angular) * Math.cos(bearing));
    const lon2 = lon1 + Math.atan2(Math.sin(bearing) * Math.sin(angular) * Math.cos(lat1), Math.cos(angular) - Math.sin(lat1) * Math.sin(lat2));
    ring.push([Math.round((lon2 / rad) * 1e6) / 1e6, Math.round((lat2 / rad) * 1e6) / 1e6]);
  }
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}

/** Saves a drawn polygon or circle under a name, as a replicated record. */
export async function saveArea(store: Store, args: z.output<typeof AreaSave>): Promise<NamedArea> {
  let ring: Position[];
  if (args.shape === 'circle') {
    ring = circleRing(args.circle!.center, args.circle!.radiusM);
  } else {
    ring = args.ring!.map(([lon, lat]) => [lon, lat]);
    const first = ring[0]!;
    const last = ring.at(-1)!;
    if (first[0] !== last[0] || first[1] !== last[1]) ring.push([first[0], first[1]]);
    if (ring.length < 4) throw new ConsoleError({ code: 'INVALID_ARGUMENT', message: 'a polygon needs at least 3 distinct corners' });
  }
  const areaM2 = ringAreaM2(ring);
  if (areaM2 < 1) throw new ConsoleError({ code: 'INVALID_ARGUMENT', message: 'the drawn area has no size' });
  const area = NamedArea.parse({
    id: `area-${randomUUID()}`,
    name: args.name,
    shape: args.shape,
    ring,
    ...(args.circle ? { circle: args.circle } : {}),
    areaKm2: Math.round(areaM2 / 1000) / 1000,
    createdAt: new Date().toISOString(),
    ...(args.purpose ? { purpose: args.purpose } : {}),
    exercise: args.exercise,
  });
  await store.write([{ entity: 'namedArea', key: area.id, kind: 'upsert', body: area, scope: '*' }]);
  return area;
}

/** Deletes a named area by tombstone, so the deletion replicates like any other change. */
export async function deleteArea(store: Store, id: string): Promise<{ id: string }> {
  await requireRecord<NamedArea>(store, 'namedArea', id, 'named area');
  await store.write([{ entity: 'namedArea', key: id, kind: 'tombstone', body: null, scope: '*' }]);
  return { id };
}
