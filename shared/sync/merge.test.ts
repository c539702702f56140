import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLive, mergeRecord, type MergeInput, type RecordState } from './merge.ts';

const FIELDS = ['id', 'title', 'status', 'nodeCode'] as const;
const op = (kind: MergeInput['kind'], stamp: string, body: Record<string, unknown> | null): MergeInput =>
  ({ entity: 'task', kind, stamp, body, fields: FIELDS });
const fold = (ops: MergeInput[]) => ops.reduce<RecordState | null>((state, next) => mergeRecord(state, next), null);

describe('merge rules', () => {
  it('keeps the newest writer per field', () => {
    const state = fold([
      op('upsert', '0002|a', { id: 't', title: 'old', status: 'open', nodeCode: '310101000000' }),
      op('patch', '0003|b', { title: 'new' }),
      op('patch', '0001|c', { title: 'oldest', nodeCode: '310115000000' }),
    ]);
    expect(state?.body).toEqual({ id: 't', title: 'new', status: 'open', nodeCode: '310101000000' });
  });

  it('moves task status only forward, whatever the stamps', () => {
    const state = fold([op('patch', '0009|a', { status: 'accepted' }), op('patch', '0002|b', { status: 'done' })]);
    expect(state?.body.status).toBe('done');
  });

  it('moves an alert\'s workflow state only forward: a stale draft edit never un-issues it', () => {
    const alert = (kind: MergeInput['kind'], stamp: string, body: Record<string, unknown>): MergeInput =>
      ({ entity: 'alert', kind, stamp, body, fields: ['id', 'event', 'status', 'state'] });
    const orders = [
      [alert('upsert', '0005|city', { id: 'a', event: '台风橙色预警', status: 'Exercise', state: 'issued' }), alert('upsert', '0007|hp', { id: 'a', event: '台风黄色预警', status: 'Exercise', state: 'draft' })],
      [alert('upsert', '0007|hp', { id: 'a', event: '台风黄色预警', status: 'Exercise', state: 'draft' }), alert('upsert', '0005|city', { id: 'a', event: '台风橙色预警', status: 'Exercise', state: 'issued' })],
    ];
    for (const ops of orders) {
      const state = fold(ops);
      expect(state?.body.state).toBe('issued');
      expect(state?.body.status).toBe('Exercise'); // CAP's own status stays last-writer-wins
    }
  });

  it('clears fields an upsert leaves out, and revives a record written after its tombstone', () => {
    const state = fold([
      op('upsert', '0001|a', { id: 't', title: 'x', nodeCode: '310101000000', status: 'open' }),
      op('tombstone', '0002|a', null),
    ]);
    expect(isLive(state!)).toBe(false);
    const revived = mergeRecord(state, op('upsert', '0003|b', { id: 't', title: 'y', status: 'open' }));
    expect(isLive(revived)).toBe(true);
    expect(revived.body).toEqual({ id: 't', title: 'y', status: 'open' });
  });

  it('gives the same record for any order and any duplication of the same ops', () => {
    const stamp = fc.tuple(fc.integer({ min: 0, max: 50 }), fc.constantFrom('a', 'b', 'c')).map(([t, o]) => `${String(t).padStart(4, '0')}|${o}`);
    const anyOp = fc.oneof(
      fc.record({ stamp, title: fc.string({ maxLength: 3 }) }).map(({ stamp: s, title }) => op('upsert', s, { id: 't', title, status: 'open' })),
      fc.record({ stamp, title: fc.string({ maxLength: 3 }) }).map(({ stamp: s, title }) => op('patch', s, { title })),
      fc.record({ stamp, status: fc.constantFrom('open', 'accepted', 'inProgress', 'done', 'verified') }).map(({ stamp: s, status }) => op('patch', s, { status })),
      stamp.map((s) => op('tombstone', s, null)),
    );
    // Distinct stamps: one writer never issues two different ops with the same stamp.
    const ops = fc.uniqueArray(anyOp, { minLength: 1, maxLength: 12, selector: (o) => o.stamp });
    fc.assert(fc.property(ops, fc.integer(), (list, seed) => {
      const shuffled = [...list, ...list.slice(0, 3)].map((o, i) => ({ o, k: Math.sin(seed + i) })).sort((x, y) => x.k - y.k).map((x) => x.o);
      const a = fold(list)!;
      const b = fold(shuffled)!;
      expect(b.body).toEqual(a.body);
      expect(isLive(b)).toBe(isLive(a));
    }), { numRuns: 2000 });
  });
});
