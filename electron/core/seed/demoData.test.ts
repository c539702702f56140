import { describe, expect, it } from 'vitest';
import { ENTITIES } from '../../../shared/domain/entities.ts';
import { OpScope, type OpDraft } from '../../../shared/sync/op.ts';
import { DEMO_STOCK_ITEMS } from './demoCatalogue.ts';
import { DEMO_AT, seedDrafts } from './demoData.ts';
import { pointInMultiPolygon } from './geometry.ts';
import { loadRegionPack } from './regionPack.ts';

const pack = loadRegionPack();
const drafts = seedDrafts(pack);
const bodiesOf = (entity: OpDraft['entity']) => drafts.filter((d) => d.entity === entity).map((d) => d.body as Record<string, unknown>);
const DEMO_ENTITIES = ['depot', 'stockItem', 'stockMovement', 'team', 'shelter', 'equipment', 'volunteer', 'incident', 'alert',
  'consultationSession', 'consultationEntry', 'task', 'taskEntry', 'incidentEntry'];
/** Insert-only records: ledgers, timelines and session entries. */
const INSERT_ONLY = ['stockMovement', 'consultationEntry', 'taskEntry', 'incidentEntry'];

describe('demo region drafts', () => {
  it('are the same on every run, from a freshly loaded pack too', () => {
    expect(seedDrafts(loadRegionPack())).toEqual(drafts);
    const other = seedDrafts(pack, 42);
    expect(other.map((d) => d.key)).toEqual(drafts.map((d) => d.key));
    expect(other).not.toEqual(drafts); // the seed, not luck, decides where things go
  });

  it('has the expected numbers of each record', () => {
    const count = (entity: OpDraft['entity']) => bodiesOf(entity).length;
    expect(count('commandNode')).toBe(1 + 16 + 215);
    expect(count('boundary')).toBe(16);
    expect(count('stockItem')).toBe(DEMO_STOCK_ITEMS.length);
    expect(count('depot')).toBe(32);
    expect(count('stockMovement')).toBe(32 * DEMO_STOCK_ITEMS.length);
    expect(count('team')).toBe(48);
    expect(count('shelter')).toBe(64);
    expect(count('equipment')).toBe(16 * 6);
    expect(count('volunteer')).toBe(16 * 12);
    expect(count('incident')).toBe(10);
    // The two issued demo alerts and the exercise session's draft warning.
    expect(count('alert')).toBe(3);
    expect(count('consultationSession')).toBe(1);
    expect(new Set(bodiesOf('consultationEntry').map((entry) => entry.kind))).toEqual(new Set(['evidence', 'judgement', 'decision', 'action', 'warning', 'note', 'signOff']));
    expect(count('task')).toBe(4);
    expect(count('incidentEntry')).toBe(11);
  });

  it('each validate against their entity schema, unchanged, with matching key and a valid scope', () => {
    const keys = new Set<string>();
    for (const draft of drafts) {
      const entity = ENTITIES[draft.entity];
      expect(entity.schema.parse(draft.body), `${draft.entity} ${draft.key}`).toEqual(draft.body);
      expect(draft.body?.[entity.key]).toBe(draft.key);
      expect(OpScope.safeParse(draft.scope).success).toBe(true);
      expect(draft.kind).toBe(INSERT_ONLY.includes(draft.entity) ? 'insert' : 'upsert');
      expect(keys.has(`${draft.entity}:${draft.key}`), draft.key).toBe(false);
      keys.add(`${draft.entity}:${draft.key}`);
    }
    expect(drafts.filter((d) => d.entity === 'boundary').every((d) => d.priority === 4)).toBe(true);
  });

  it('marks every demo record as exercise, and the official region as real', () => {
    for (const draft of drafts) {
      expect(draft.body?.exercise, `${draft.entity} ${draft.key}`).toBe(DEMO_ENTITIES.includes(draft.entity) ? true : draft.entity === 'commandNode' ? false : undefined);
    }
  });

  it('scopes nodes to themselves and district records to their district', () => {
    const city = drafts[0]!;
    expect(city).toMatchObject({ key: '310000000000', scope: '*' });
    for (const draft of drafts.slice(1).filter((d) => d.entity === 'commandNode')) expect(draft.scope).toBe(draft.key);
    for (const draft of drafts.filter((d) => ['depot', 'team', 'shelter', 'equipment', 'volunteer'].includes(d.entity))) expect(draft.scope).toBe(draft.body?.districtCode);
    const districtOfDepot = new Map(bodiesOf('depot').map((depot) => [depot.id, depot.districtCode]));
    for (const draft of drafts.filter((d) => d.entity === 'stockMovement')) expect(draft.scope).toBe(districtOfDepot.get(draft.body?.depotId as string));
    for (const draft of drafts.filter((d) => d.entity === 'incident')) expect(draft.scope).toBe(draft.body?.nodeCode);
    for (const draft of drafts.filter((d) => d.entity === 'alert')) expect(draft.scope).toBe('*');
  });

  it('places depots, teams and shelters inside their district', () => {
    const geometryOf = new Map(pack.districts.map((d) => [d.code, d.geometry.coordinates]));
    const placed = [
      ...bodiesOf('depot').map((b) => [b.districtCode, b.location] as const),
      ...bodiesOf('team').map((b) => [b.districtCode, b.position] as const),
      ...bodiesOf('shelter').map((b) => [b.districtCode, b.location] as const),
    ];
    expect(placed).toHaveLength(144);
    placed.push(...bodiesOf('incident').map((b) => [b.nodeCode, b.location] as const));
    for (const [district, where] of placed) {
      const { lon, lat } = where as { lon: number; lat: number };
      expect(pointInMultiPolygon([lon, lat], geometryOf.get(district as string)!), `${district} ${lon},${lat}`).toBe(true);
    }
  });

  it('gives every district two depots, three teams and four shelters of plausible make-up', () => {
    for (const district of pack.districts) {
      const of = (entity: OpDraft['entity']) => bodiesOf(entity).filter((b) => b.districtCode === district.code);
      expect(of('depot')).toHaveLength(2);
      expect(of('depot')[0]).toMatchObject({ id: `demo-depot-${district.code.slice(0, 6)}-1`, owner: expect.stringMatching(new RegExp(`^${district.name}`)) });
      expect(new Set(of('team').map((t) => t.kind)).size).toBe(3);
      expect(of('shelter')).toHaveLength(4);
    }
    expect(new Set(bodiesOf('depot').map((d) => d.reserveType))).toEqual(new Set(['physical', 'productionCapacity', 'government', 'nonGovernment']));
    expect(new Set(bodiesOf('team').map((t) => t.kind))).toEqual(new Set(['fireRescue', 'professional', 'social', 'grassroots', 'volunteer']));
    for (const shelter of bodiesOf('shelter')) {
      expect(shelter.usableAreaM2).toBeGreaterThanOrEqual(800);
      expect(shelter.usableAreaM2).toBeLessThanOrEqual(20000);
      expect(shelter).toMatchObject({ occupancy: 0, state: 'ready' });
    }
    for (const team of bodiesOf('team')) expect(team.status).toBe('available');
  });

  it('opens each depot with one positive receipt of every item', () => {
    const movements = bodiesOf('stockMovement');
    const pairs = new Set(movements.map((m) => `${m.depotId}/${m.itemId}`));
    expect(pairs.size).toBe(movements.length);
    expect(movements.map((m) => m.id)).toEqual(movements.map((_, i) => `demo-mv-${i + 1}`));
    for (const movement of movements) {
      expect(movement).toMatchObject({ reason: 'receipt', at: DEMO_AT });
      expect(movement.delta).toBeGreaterThan(0);
    }
  });

  it('gives stock items a minimum and perishable opening lots an expiry, and holds equipment in its own district', () => {
    for (const item of bodiesOf('stockItem')) expect(item.minLevel, String(item.id)).toBeGreaterThan(0);
    const perishable = bodiesOf('stockMovement').filter((m) => m.expiresAt !== undefined);
    expect(new Set(perishable.map((m) => m.itemId))).toEqual(new Set(['demo-item-water', 'demo-item-food', 'demo-item-first-aid']));
    for (const movement of perishable) expect(Date.parse(String(movement.expiresAt))).toBeGreaterThan(Date.parse(DEMO_AT));
    const depotDistrict = new Map(bodiesOf('depot').map((d) => [d.id, d.districtCode]));
    for (const piece of bodiesOf('equipment')) expect(depotDistrict.get(piece.depotId as string)).toBe(piece.districtCode);
    const streetDistrict = new Map(pack.streets.map((s) => [s.code, s.districtCode]));
    for (const volunteer of bodiesOf('volunteer')) expect(streetDistrict.get(volunteer.streetCode as string)).toBe(volunteer.districtCode);
    expect(new Set(bodiesOf('volunteer').map((v) => v.status))).toEqual(new Set(['available', 'unavailable']));
  });

  it('has located incidents of varied types and all four levels, a typhoon alert by district and a rainstorm alert by polygon', () => {
    const incidents = bodiesOf('incident');
    expect(new Set(incidents.map((i) => i.type)).size).toBe(incidents.length);
    expect(new Set(incidents.map((i) => i.level))).toEqual(new Set(['I', 'II', 'III', 'IV']));
    const [typhoon, rainstorm] = bodiesOf('alert') as { event: string; status: string; areas: { codes: string[]; polygon?: [number, number][] }[] }[];
    expect(typhoon).toMatchObject({ event: expect.stringContaining('台风'), status: 'Exercise' });
    expect(typhoon!.areas[0]!.codes.every((code) => pack.districts.some((d) => d.code === code))).toBe(true);
    expect(rainstorm).toMatchObject({ event: expect.stringContaining('暴雨'), status: 'Exercise' });
    expect(rainstorm!.areas[0]!.polygon!.length).toBeGreaterThanOrEqual(4);
  });
});
