import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, startNode, until, type TestNode } from './syncNodes.ts';
import { alertTemplate } from '../../shared/cap/templates.ts';
import type { OpDraft } from '../../shared/sync/op.ts';
import { largestRealisticAlert } from './capSamples.ts';

const CITY = '310000000000';
const HUANGPU = '310101000000';
let city: TestNode;
let district: TestNode;

beforeAll(async () => {
  const districtEnrol = enrol('hp-alert-hub', 'district', HUANGPU);
  city = await startNode({ id: 'city-alert-hub', role: 'city', code: CITY, children: [districtEnrol.entry] });
  // A district whose only link to the city is a Beidou short-message channel (3,500 bytes a minute).
  district = await startNode({ id: 'hp-alert-hub', role: 'district', code: HUANGPU, parent: city, dataDir: districtEnrol.dataDir, channel: 'beidou', budgetBytesPerMinute: 3500 });
  await until('link up', () => district.core.handlers['sync:status']({}), (status) => status.links.some((link) => link.state === 'online' || link.state === 'degraded'));
}, 60_000);

afterAll(async () => {
  for (const node of [district, city]) await node?.stop();
  for (const node of [district, city]) if (node) fs.rmSync(node.dataDir, { recursive: true, force: true });
});

describe('an issued alert goes first', () => {
  it('crosses a narrow channel to the city while a bulk of 500 records waits in the queue', async () => {
    const at = new Date().toISOString();
    const bulk: OpDraft[] = Array.from({ length: 500 }, (_, index) => ({
      entity: 'incident', key: `bulk-${index}`, kind: 'upsert', scope: HUANGPU,
      body: { id: `bulk-${index}`, title: `bulk ${index}`, type: 'flood', level: 'IV', status: 'reported', nodeCode: HUANGPU, reportedAt: at, exercise: true },
    }));
    await district.core.store.write(bulk);

    const template = alertTemplate('typhoon-red')!;
    const polygon = largestRealisticAlert().areas[0]!.polygon!;
    const draft = await district.core.handlers['alerts:saveDraft']({
      event: template.event, categories: template.categories, responseTypes: template.responseTypes, urgency: template.urgency,
      severity: template.severity, certainty: template.certainty, texts: template.texts, groups: template.groups,
      areas: [{ description: '黄浦江沿岸 100 点区域', codes: [], polygon }], namedAreaIds: [], exercise: true,
    });
    await district.core.handlers['alerts:review']({ id: draft.id });
    const issued = await district.core.handlers['alerts:issue']({ id: draft.id });

    const arrived = await until('alert at the city', () => city.core.store.query('entity.get', { entity: 'alert', key: issued.id }), (row) => row !== null, 30_000);
    expect(arrived).toMatchObject({ state: 'issued', status: 'Exercise', event: template.event });
    const incidents = await city.core.handlers['incidents:list']({});
    expect(incidents.filter((incident) => incident.id.startsWith('bulk-'))).toHaveLength(0);
    const status = await district.core.handlers['sync:status']({});
    expect(status.outboxByPriority[0]).toBe(0);
    expect(status.outboxByPriority[1]).toBeGreaterThanOrEqual(500);
  }, 60_000);
});
