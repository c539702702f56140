import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Alert } from '../../../shared/domain/alert.ts';
import { encodeHlc } from '../../../shared/sync/hlc.ts';
import type { Op } from '../../../shared/sync/op.ts';
import { BEIDOU_MESSAGE_BYTES, decodeFrameSync, encodeBatch, encodeNarrow, FrameError, toWire } from './codec.ts';
import { loadOrCreateNodeKeys } from './nodeKeys.ts';
import fsTmp from 'node:os';

const CAP_DIR = path.resolve(import.meta.dirname, '../../../../shared/data/cap-samples/google-cap-library');
const keys = loadOrCreateNodeKeys(fs.mkdtempSync(path.join(fsTmp.tmpdir(), 'rc-codec-')));

const text = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<(?:cap:)?${tag}>([\\s\\S]*?)</(?:cap:)?${tag}>`, 'g'))].map((m) => m[1]!.trim());

/** A real CAP message as the console's alert op: every info block's texts, every area with its polygon. */
function alertOpFromCap(file: string): Op {
  const xml = fs.readFileSync(path.join(CAP_DIR, file), 'utf8');
  const infos = xml.split(/<(?:cap:)?info>/).slice(1);
  const texts = infos.map((info) => ({
    language: (text(info, 'language')[0] ?? 'en').slice(0, 10),
    headline: (text(info, 'headline')[0] ?? text(info, 'event')[0] ?? 'alert').slice(0, 160),
    ...(text(info, 'description')[0] ? { description: text(info, 'description')[0]!.slice(0, 2000) } : {}),
    ...(text(info, 'instruction')[0] ? { instruction: text(info, 'instruction')[0]!.slice(0, 1000) } : {}),
  })).slice(0, 4);
  const areas = infos.flatMap((info) => info.split(/<(?:cap:)?area>/).slice(1).map((area) => {
    const polygon = text(area, 'polygon')[0]?.split(/\s+/).map((pair) => pair.split(',').map(Number)).map(([lat, lon]) => [lon!, lat!] as [number, number]);
    return {
      description: (text(area, 'areaDesc')[0] ?? 'area').slice(0, 200),
      // The console targets by command-network code: a district and its streets.
      codes: ['310115000000', '310115004000', '310115005000', '310115007000'],
      ...(polygon && polygon.length > 2 ? { polygon } : {}),
    };
  }));
  const body = Alert.parse({
    id: 'alert-310115-20260914-0001-typhoon-update', sender: 'shanghai-city-emergency-command-centre', sent: '2026-09-14T08:00:00.000Z',
    status: 'Actual', msgType: 'Update', scope: 'Public', event: text(xml, 'event')[0] ?? 'event', severity: 'Severe', urgency: 'Immediate', certainty: 'Likely',
    languages: ['zh-CN', 'en'], groups: ['public', 'schools', 'construction-sites', 'elderly-care', 'foreign-residents'],
    areas: areas.length ? areas : [{ description: 'Pudong', codes: ['310115000000'] }], ...(texts.length ? { texts } : {}), exercise: false,
  });
  return {
    id: 'city-command-centre-01:1234567', origin: 'city-command-centre-01', seq: 1234567, hlc: encodeHlc({ wallMs: Date.now(), counter: 42 }), schema: 1,
    entity: 'alert', key: body.id, kind: 'insert', body, priority: 0, scope: '*',
  };
}

describe('sync frames', () => {
  it('fits every real CAP message in the samples, as a P0 alert op, into one Beidou short message', async () => {
    const files = fs.readdirSync(CAP_DIR).filter((f) => f.endsWith('.cap') && !/invalid|errors/.test(f));
    expect(files.length).toBeGreaterThan(8);
    const sizes = files.map((file) => {
      const op = alertOpFromCap(file);
      return { file, json: JSON.stringify(op).length, encoded: encodeNarrow(op, 1, keys.privateKey).length };
    }).sort((a, b) => b.json - a.json);
    const largest = sizes[0]!;
    console.log(`largest P0 op: ${largest.file}, ${largest.json} bytes as JSON, ${largest.encoded} bytes encoded and signed (limit ${BEIDOU_MESSAGE_BYTES})`);
    expect(largest.json).toBeGreaterThan(BEIDOU_MESSAGE_BYTES); // the raw op would not fit: the encoding is what makes it fit
    for (const size of sizes) expect(size.encoded, size.file).toBeLessThanOrEqual(BEIDOU_MESSAGE_BYTES);
    // And it round-trips intact.
    const op = alertOpFromCap(largest.file);
    const decoded = decodeFrameSync(encodeNarrow(op, 9, keys.privateKey), keys.publicKey, 1 << 20);
    expect(decoded.ops).toEqual([op]);
    expect(decoded.upTo).toBe(9);
  });

  it('refuses a tampered, truncated, unknown or bomb frame', async () => {
    const op = alertOpFromCap('weather.cap');
    const frame = await encodeBatch(0, 5, JSON.stringify([toWire(op)]), keys.privateKey);
    expect(decodeFrameSync(frame, keys.publicKey, 1 << 20).ops).toHaveLength(1);
    const tampered = Buffer.from(frame);
    tampered[tampered.length - 3] = tampered[tampered.length - 3]! ^ 0xff;
    expect(() => decodeFrameSync(tampered, keys.publicKey, 1 << 20)).toThrow(/signature/);
    expect(() => decodeFrameSync(frame.subarray(0, 40), keys.publicKey, 1 << 20)).toThrow(FrameError);
    const unknown = Buffer.from(frame);
    unknown[0] = 9;
    expect(() => decodeFrameSync(unknown, keys.publicKey, 1 << 20)).toThrow(/unknown frame type/);
    // 10 MB of zeros deflates to a few kB: the inflate limit stops it.
    const bomb = await encodeBatch(0, 5, `[${'0,'.repeat(5_000_000)}0]`, keys.privateKey);
    expect(() => decodeFrameSync(bomb, keys.publicKey, 1 << 20)).toThrow(/inflate/);
    // A signed frame whose op is malformed is refused with the field named.
    const bad = await encodeBatch(0, 5, JSON.stringify([[...toWire(op).slice(0, 8), 7, '*']]), keys.privateKey);
    expect(() => decodeFrameSync(bad, keys.publicKey, 1 << 20)).toThrow(/priority/);
  });
});

describe('fromWire', () => {
  it('accepts exactly what the Op schema accepts, for valid ops and for each broken field', async () => {
    const { Op } = await import('../../../shared/sync/op.ts');
    const { fromWire: check } = await import('./codec.ts');
    const good = ['node-a', 3, '0000018f00000001', 1, 'incident', 'i-1', 'patch', { title: 'x' }, 1, '310101000000'];
    expect(check(good)).toEqual(Op.parse({ id: 'node-a:3', origin: 'node-a', seq: 3, hlc: '0000018f00000001', schema: 1, entity: 'incident', key: 'i-1', kind: 'patch', body: { title: 'x' }, priority: 1, scope: '310101000000' }));
    const broken: [number, unknown][] = [[0, 'Node A'], [1, 0], [1, 1.5], [2, 'xyz'], [3, 0], [4, 'weather'], [5, ''], [5, 'k'.repeat(81)], [6, 'merge'], [7, [1]], [7, 'text'], [8, 5], [9, '3101']];
    for (const [index, value] of broken) {
      const row: unknown[] = [...good];
      row[index] = value;
      expect(() => check(row), `field ${index} = ${JSON.stringify(value)}`).toThrow(FrameError);
      const [origin, seq, hlc, schema, entity, key, kind, body, priority, scope] = row;
      expect(Op.safeParse({ id: `${String(origin)}:${String(seq)}`, origin, seq, hlc, schema, entity, key, kind, body, priority, scope }).success).toBe(false);
    }
  });
});

describe('an op\'s author on the wire', () => {
  const op: Op = {
    id: 'hp-hub:3', origin: 'hp-hub', seq: 3, hlc: encodeHlc({ wallMs: Date.now(), counter: 0 }), schema: 1, entity: 'incident', key: 'i-3', kind: 'patch',
    body: { status: 'verified' }, priority: 1, scope: '310101000000', author: 'duty.zhang',
  };

  it('travels as an eleventh field and comes back, and an op without one stays ten fields long', async () => {
    expect(toWire(op)).toHaveLength(11);
    const { author: _author, ...anonymous } = op;
    expect(toWire(anonymous)).toHaveLength(10);
    const decoded = decodeFrameSync(await encodeBatch(1, 3, JSON.stringify([toWire(op), toWire(anonymous)]), keys.privateKey), keys.publicKey, 1 << 20);
    expect(decoded.ops).toEqual([op, anonymous]);
  });

  it('refuses a frame whose author is not a user id', async () => {
    const frame = await encodeBatch(1, 3, JSON.stringify([[...toWire(op).slice(0, 10), 'drop table;']]), keys.privateKey);
    expect(() => decodeFrameSync(frame, keys.publicKey, 1 << 20)).toThrow(FrameError);
  });
});
