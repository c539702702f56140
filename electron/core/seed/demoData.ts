import type { Boundary } from '../../../shared/domain/boundary.ts';
import type { CommandNode } from '../../../shared/domain/commandNode.ts';
import type { EntityName } from '../../../shared/domain/entities.ts';
import type { Depot, Shelter, StockItem, StockMovement, Team } from '../../../shared/domain/resources.ts';
import type { OpDraft, OpKind } from '../../../shared/sync/op.ts';
import {
  DEMO_SHELF_LIFE_DAYS, DEMO_STOCK_ITEMS, DEPOT_KINDS, RESERVE_TYPES, SHELTER_FACILITIES, SHELTER_TYPES, TEAM_KIND_ORDER, TEAM_KINDS,
} from './demoCatalogue.ts';
import { demoConsultationDrafts } from './demoConsultation.ts';
import { demoForces } from './demoForces.ts';
import { DEMO_ALERTS, DEMO_INCIDENTS } from './demoSituation.ts';
import { randomPointIn, type Position } from './geometry.ts';
import { intBetween, pickSome, streamFor } from './prng.ts';
import type { RegionDistrict, RegionPack } from './regionPack.ts';
import { romanisePlace } from '../../../shared/formats/placeNames.ts';

/** Fixed seed: every console seeds the same demo region, so exercises can be compared. */
export const DEMO_SEED = 20_260_101;
/** Timestamp of the demo's opening stock, fixed so two runs give identical ops. */
export const DEMO_AT = '2026-01-01T00:00:00.000Z';

export const DEPOTS_PER_DISTRICT = 2;
export const TEAMS_PER_DISTRICT = 3;
export const SHELTERS_PER_DISTRICT = 4;

const CITY_WIDE = '*';
const DAY_MS = 24 * 60 * 60 * 1000;

function draft(entity: EntityName, key: string, scope: string, body: Record<string, unknown>, kind: OpKind = 'upsert'): OpDraft {
  return { entity, key, kind, body, scope };
}

const lonLat = ([lon, lat]: Position) => ({ lon, lat });
const code6 = (code: string) => code.slice(0, 6);

/**
 * The command network: the city, its districts and its streets, each scoped to its own
 * subtree so a district hub carries its streets' nodes and the city carries all.
 * Real register data, so not exercise data.
 */
export function commandNodeDrafts(pack: RegionPack): OpDraft[] {
  const city: CommandNode = { code: pack.region.code, level: 'city', name: pack.region.name, nameEn: pack.region.nameEn, parentCode: null, exercise: false };
  const drafts = [draft('commandNode', city.code, CITY_WIDE, city)];
  for (const district of pack.districts) {
    const node: CommandNode = { code: district.code, level: 'district', name: district.name, nameEn: district.nameEn, parentCode: city.code, exercise: false };
    drafts.push(draft('commandNode', node.code, node.code, node));
  }
  for (const street of pack.streets) {
    // The register gives streets Chinese names only; an English-speaking liaison reads and searches the romanised one.
    const node: CommandNode = {
      code: street.code, level: 'street', name: street.name, nameEn: romanisePlace(street.name, street.kind),
      parentCode: street.districtCode, kind: street.kind, exercise: false,
    };
    drafts.push(draft('commandNode', node.code, node.code, node));
  }
  return drafts;
}

/** District polygons, city-wide because every console draws its neighbours on the map. */
export function boundaryDrafts(pack: RegionPack): OpDraft[] {
  return pack.districts.map((district) => {
    const boundary: Boundary = {
      code: district.code, name: district.name, nameEn: district.nameEn, level: 'district',
      geometry: district.geometry, source: pack.boundarySource,
    };
    return { ...draft('boundary', district.code, CITY_WIDE, boundary), priority: 4 };
  });
}

/** The shared catalogue of stock items, city-wide so every depot can count the same things. */
export function stockItemDrafts(): OpDraft[] {
  return DEMO_STOCK_ITEMS.map(({ opening: _opening, ...item }) => {
    const body: StockItem = { ...item, exercise: true };
    return draft('stockItem', body.id, CITY_WIDE, body);
  });
}

function depotsOf(district: RegionDistrict, districtIndex: number, seed: number): Depot[] {
  const random = streamFor(seed, `depots:${district.code}`);
  return Array.from({ length: DEPOTS_PER_DISTRICT }, (_, j) => {
    // Cycling across the whole city gives every district two of the four reserve types.
    const reserveType = RESERVE_TYPES[(districtIndex * DEPOTS_PER_DISTRICT + j) % RESERVE_TYPES.length]!;
    const kind = DEPOT_KINDS[reserveType];
    return {
      id: `demo-depot-${code6(district.code)}-${j + 1}`,
      name: `${district.name}${kind.name}`,
      nameEn: `${district.nameEn} ${kind.nameEn}`,
      owner: `${district.name}${kind.owner}`,
      districtCode: district.code,
      reserveType,
      location: lonLat(randomPointIn(district.geometry.coordinates, random)),
      exercise: true,
    };
  });
}

function openingStock(depots: readonly Depot[], seed: number, firstNumber: number): StockMovement[] {
  let number = firstNumber;
  return depots.flatMap((depot) => {
    const random = streamFor(seed, `stock:${depot.id}`);
    // A stream of its own, so adding expiry dates left every opening quantity as it was.
    const shelfLife = streamFor(seed, `expiry:${depot.id}`);
    return DEMO_STOCK_ITEMS.map((item) => {
      const life = DEMO_SHELF_LIFE_DAYS[item.id];
      return {
        id: `demo-mv-${number++}`,
        depotId: depot.id,
        itemId: item.id,
        delta: intBetween(random, item.opening[0], item.opening[1]),
        reason: 'receipt' as const,
        reference: '演练初始库存 demo opening stock',
        at: DEMO_AT,
        ...(life ? { expiresAt: new Date(Date.parse(DEMO_AT) + intBetween(shelfLife, life[0], life[1]) * DAY_MS).toISOString() } : {}),
        exercise: true,
      };
    });
  });
}

function teamsOf(district: RegionDistrict, districtIndex: number, seed: number): Team[] {
  const random = streamFor(seed, `teams:${district.code}`);
  return Array.from({ length: TEAMS_PER_DISTRICT }, (_, j) => {
    // Consecutive kinds from a cycle of five: no district has two teams of one kind.
    const kind = TEAM_KIND_ORDER[(districtIndex * TEAMS_PER_DISTRICT + j) % TEAM_KIND_ORDER.length]!;
    const spec = TEAM_KINDS[kind];
    return {
      id: `demo-team-${code6(district.code)}-${j + 1}`,
      name: `${district.name}${spec.name}`,
      nameEn: `${district.nameEn} ${spec.nameEn}`,
      kind,
      size: intBetween(random, spec.size[0], spec.size[1]),
      capabilities: pickSome(random, spec.capabilities, intBetween(random, 2, 4)),
      status: 'available' as const,
      districtCode: district.code,
      position: lonLat(randomPointIn(district.geometry.coordinates, random)),
      exercise: true,
    };
  });
}

function sheltersOf(district: RegionDistrict, seed: number): Shelter[] {
  const random = streamFor(seed, `shelters:${district.code}`);
  return Array.from({ length: SHELTERS_PER_DISTRICT }, (_, j) => {
    const type = SHELTER_TYPES[j % SHELTER_TYPES.length]!;
    return {
      id: `demo-shelter-${code6(district.code)}-${j + 1}`,
      name: `${district.name}${type.name}应急避难场所`,
      nameEn: `${district.nameEn} ${type.nameEn} Emergency Shelter`,
      districtCode: district.code,
      usableAreaM2: Math.round(intBetween(random, type.area[0], type.area[1]) / 10) * 10,
      occupancy: 0,
      state: 'ready' as const,
      facilities: pickSome(random, SHELTER_FACILITIES, intBetween(random, 4, 8)),
      location: lonLat(randomPointIn(district.geometry.coordinates, random)),
      exercise: true,
    };
  });
}

/** Demo depots, opening stock, teams, shelters, equipment, volunteers, incidents and alerts: invented, deterministic, all marked exercise. */
export function demoRecordDrafts(pack: RegionPack, seed = DEMO_SEED): OpDraft[] {
  const depots = pack.districts.flatMap((district, i) => depotsOf(district, i, seed));
  const movements = openingStock(depots, seed, 1);
  const teams = pack.districts.flatMap((district, i) => teamsOf(district, i, seed));
  const shelters = pack.districts.flatMap((district) => sheltersOf(district, seed));
  const districtOf = new Map(depots.map((depot) => [depot.id, depot.districtCode]));
  const forces = demoForces(pack, depots, seed);
  return [
    ...stockItemDrafts(),
    ...depots.map((depot) => draft('depot', depot.id, depot.districtCode, depot)),
    ...movements.map((movement) => draft('stockMovement', movement.id, districtOf.get(movement.depotId)!, movement, 'insert')),
    ...teams.map((team) => draft('team', team.id, team.districtCode, team)),
    ...shelters.map((shelter) => draft('shelter', shelter.id, shelter.districtCode, shelter)),
    ...forces.equipment.map((piece) => draft('equipment', piece.id, piece.districtCode, piece)),
    ...forces.volunteers.map((volunteer) => draft('volunteer', volunteer.id, volunteer.districtCode, volunteer)),
    ...DEMO_INCIDENTS.map((incident) => draft('incident', incident.id, incident.nodeCode, { ...incident })),
    ...DEMO_ALERTS.map((alert) => draft('alert', alert.id, CITY_WIDE, { ...alert })),
  ];
}

/** Everything an empty store is seeded with: the real region first, then the demo records. */
export function seedDrafts(pack: RegionPack, seed = DEMO_SEED): OpDraft[] {
  const records = demoRecordDrafts(pack, seed);
  return [...commandNodeDrafts(pack), ...boundaryDrafts(pack), ...records, ...demoConsultationDrafts(records)];
}
