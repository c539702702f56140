import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BEIDOU_MESSAGE_BYTES, decodeFrameSync, encodeNarrow } from '../../electron/core/sync/codec.ts';
import { loadOrCreateNodeKeys } from '../../electron/core/sync/nodeKeys.ts';
import { encodeHlc } from '../../shared/sync/hlc.ts';
import type { Op } from '../../shared/sync/op.ts';
import { largestRealisticAlert } from './capSamples.ts';

const keys = loadOrCreateNodeKeys(fs.mkdtempSync(path.join(os.tmpdir(), 'rc-alert-narrow-')));

describe('an issued alert over a Beidou-sized channel', () => {
  it('the largest realistic alert (two languages, a 100-point polygon) fits one short message as a signed P0 op', () => {
    const body = { ...largestRealisticAlert(), state: 'issued' as const, steps: [
      { step: 'drafted' as const, by: 'officer-wang', at: '2026-09-13T23:55:00.000Z' },
      { step: 'reviewed' as const, by: 'chief-li', at: '2026-09-13T23:58:00.000Z' },
      { step: 'issued' as const, by: 'city-command-centre-01', at: '2026-09-14T00:00:00.000Z' },
    ] };
    expect(body.areas[0]!.polygon).toHaveLength(100);
    expect(body.texts).toHaveLength(2);
    const op: Op = {
      id: 'city-command-centre-01:1234567', origin: 'city-command-centre-01', seq: 1234567, hlc: encodeHlc({ wallMs: Date.parse('2026-09-14T00:00:00Z'), counter: 3 }), schema: 1,
      entity: 'alert', key: body.id, kind: 'upsert', body, priority: 0, scope: '*',
    };
    const json = Buffer.byteLength(JSON.stringify(op));
    const frame = encodeNarrow(op, 1, keys.privateKey);
    console.log(`largest realistic alert: ${json} bytes as JSON, ${frame.length} bytes as a signed narrow frame (limit ${BEIDOU_MESSAGE_BYTES})`);
    expect(json).toBeGreaterThan(BEIDOU_MESSAGE_BYTES);
    expect(frame.length).toBeLessThanOrEqual(BEIDOU_MESSAGE_BYTES);
    expect(decodeFrameSync(frame, keys.publicKey, 1 << 20).ops).toEqual([op]);
  });
});
