import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../../shared/sync/hlc.ts';
import type { Op } from '../../../shared/sync/op.ts';
import { ISSUE_RULES } from '../../../shared/sync/issueRules.ts';
import { ENTITY_NAMES } from '../../../shared/domain/entities.ts';
import { admitBatch, type AdmissionLookups, type Sender } from './admission.ts';

const HUANGPU = '310101000000';
const XUHUI = '310104000000';
const STREET = '310101002000';
const district: Sender = { nodeId: 'huangpu', nodeCode: HUANGPU, role: 'district', relation: 'child' };
const street: Sender = { nodeId: 'hp-street', nodeCode: STREET, role: 'street', relation: 'child' };
const parent: Sender = { nodeId: 'city', nodeCode: '310000000000', role: 'city', relation: 'parent' };

function lookups(rows: Record<string, string> = {}, routes: Record<string, string> = {}): AdmissionLookups {
  return {
    selfId: 'city-self',
    children: new Map([['huangpu', 'district'], ['xuhui', 'district']]),
    routeOf: (origin) => routes[origin] ?? null,
    rowScope: (entity, key) => rows[`${entity}:${key}`],
  };
}

const depot = (id: string, districtCode: string) => ({ id, name: '仓库', owner: '区应急局', districtCode, reserveType: 'government', location: { lon: 121.4, lat: 31.2 }, exercise: true });
function op(fields: Partial<Op> & Pick<Op, 'entity' | 'key' | 'kind' | 'body' | 'scope'>, origin = 'huangpu', seq = 1): Op {
  return { id: `${origin}:${seq}`, origin, seq, hlc: encodeHlc({ wallMs: Date.now(), counter: 0 }), schema: 1, priority: 2, ...fields } as Op;
}

describe('admitting a peer\'s ops', () => {
  it('accepts a district\'s valid depot in its own scope, and a movement on it in the same batch', () => {
    const result = admitBatch([
      op({ entity: 'depot', key: 'd-1', kind: 'upsert', body: depot('d-1', HUANGPU), scope: HUANGPU }),
      op({ entity: 'stockMovement', key: 'm-1', kind: 'insert', body: { id: 'm-1', depotId: 'd-1', itemId: 'water', delta: 10, reason: 'receipt', at: new Date().toISOString() }, scope: HUANGPU }, 'huangpu', 2),
    ], district, lookups());
    expect(result.refused).toEqual([]);
    expect(result.accepted).toHaveLength(2);
  });

  it('checks the scope of the row an op touches, not only its label', () => {
    const { refused } = admitBatch([op({ entity: 'depot', key: 'xh-1', kind: 'patch', body: { name: 'renamed' }, scope: HUANGPU })], district, lookups({ 'depot:xh-1': XUHUI }));
    expect(refused).toEqual([{ op: 'huangpu:1', kind: 'scope', reason: `depot xh-1 belongs to ${XUHUI}, outside ${HUANGPU}` }]);
  });

  it('checks a movement against its depot\'s scope, and refuses one on a depot it does not know', () => {
    const movement = (depotId: string) => op({ entity: 'stockMovement', key: `m-${depotId}`, kind: 'insert', body: { id: `m-${depotId}`, depotId, itemId: 'water', delta: -1_000_000, reason: 'adjustment', at: new Date().toISOString() }, scope: HUANGPU });
    const { refused } = admitBatch([movement('xh-1'), movement('nowhere')], district, lookups({ 'depot:xh-1': XUHUI }));
    expect(refused.map((r) => r.reason)).toEqual([`depot xh-1 belongs to ${XUHUI}, outside ${HUANGPU}`, 'depot nowhere is not known here']);
  });

  it('validates bodies against the entity schema (a patch against its partial) and the key against the body', () => {
    const { refused } = admitBatch([
      op({ entity: 'incident', key: 'i-1', kind: 'upsert', body: { id: 'i-1', title: 12345, level: 'ZZZ' }, scope: HUANGPU }),
      op({ entity: 'depot', key: 'd-2', kind: 'patch', body: { location: 'here' }, scope: HUANGPU }, 'huangpu', 2),
      op({ entity: 'depot', key: 'd-3', kind: 'upsert', body: depot('d-other', HUANGPU), scope: HUANGPU }, 'huangpu', 3),
      op({ entity: 'depot', key: 'd-4', kind: 'tombstone', body: { anything: 1 }, scope: HUANGPU }, 'huangpu', 4),
    ], district, lookups());
    expect(refused.map((r) => r.kind)).toEqual(['invalid', 'invalid', 'invalid', 'invalid']);
    expect(refused[2]!.reason).toBe('the body\'s id does not match the op\'s key');
  });

  it('lets only the levels in the rule table issue an op, and only the city issue a city-wide alert', () => {
    const alert = { id: 'a-1', sender: 'x', sent: new Date().toISOString(), status: 'Actual', msgType: 'Alert', scope: 'Public', event: 'e', severity: 'Extreme', urgency: 'Immediate', certainty: 'Observed', languages: ['zh-CN'], groups: [], areas: [{ description: 'all', codes: [] }] };
    const fromStreet = admitBatch([op({ entity: 'alert', key: 'a-1', kind: 'insert', body: alert, scope: '*' }, 'hp-street')], street, lookups());
    expect(fromStreet.refused[0]).toMatchObject({ kind: 'level', reason: 'a street may not issue a city-wide alert' });
    const fromDistrict = admitBatch([op({ entity: 'alert', key: 'a-1', kind: 'insert', body: alert, scope: HUANGPU })], district, lookups());
    expect(fromDistrict.refused).toEqual([]);
    // The same alert from the parent is the city's business.
    expect(admitBatch([op({ entity: 'alert', key: 'a-1', kind: 'insert', body: alert, scope: '*' }, 'city')], parent, lookups()).refused).toEqual([]);
  });

  it('takes ops only under origins inside the sender\'s subtree', () => {
    const incident = (origin: string, seq = 1) => op({ entity: 'incident', key: `i-${origin}-${seq}`, kind: 'upsert', scope: HUANGPU, body: { id: `i-${origin}-${seq}`, title: 't', type: 'flood', level: 'III', status: 'reported', nodeCode: HUANGPU, reportedAt: new Date().toISOString(), exercise: true } }, origin, seq);
    const routes = { 'hp-street': 'huangpu', 'xh-street': 'xuhui' };
    const result = admitBatch([incident('huangpu'), incident('hp-street'), incident('new-street'), incident('xuhui'), incident('xh-street'), incident('city-self')], district, lookups({}, routes));
    expect(result.accepted.map((o) => o.origin)).toEqual(['huangpu', 'hp-street', 'new-street']);
    expect(result.refused.map((r) => r.kind)).toEqual(['origin', 'origin', 'origin']);
    // A street speaks only for itself.
    expect(admitBatch([incident('hp-other')], street, lookups()).refused[0]!.reason).toContain('a street sends only its own ops');
    // From the parent: nothing under our own origin or from our own subtree.
    const fromParent = admitBatch([incident('elsewhere'), incident('huangpu'), incident('hp-street'), incident('city-self')], parent, lookups({}, routes));
    expect(fromParent.accepted.map((o) => o.origin)).toEqual(['elsewhere']);
  });

  it('has a rule for every entity, and never lets a movement be city-wide', () => {
    expect(Object.keys(ISSUE_RULES).sort()).toEqual([...ENTITY_NAMES].sort());
    expect(ISSUE_RULES.stockMovement.cityWide).toEqual([]);
    expect(ISSUE_RULES.alert.cityWide).toEqual(['city']);
  });
});
