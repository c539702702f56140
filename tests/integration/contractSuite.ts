import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleApi } from '../../shared/ipc/contract.ts';
import { ConsoleError } from '../../shared/ipc/errors.ts';
import type { ChangeEvent } from '../../shared/sync/op.ts';

export interface ContractConnection {
  api: ConsoleApi;
  /** Ops in the store's log, to prove that a refused call wrote nothing. */
  countOps(): Promise<number>;
  close(): Promise<void>;
}

async function rejection(promise: Promise<unknown>): Promise<ConsoleError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConsoleError) return error;
    throw new Error(`expected a ConsoleError, got ${String(error)}`);
  }
  throw new Error('expected the call to be refused, but it succeeded');
}

/**
 * The ConsoleApi contract, run unchanged over every transport (Electron IPC, WebSocket):
 * each transport must give the same answers and the same typed errors.
 */
export function runContractSuite(transport: string, connect: (dataDir: string) => Promise<ContractConnection>): void {
  describe(`ConsoleApi contract over ${transport}`, () => {
    let dataDir: string;
    let connection: ContractConnection;

    beforeEach(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-contract-'));
      connection = await connect(dataDir);
    });
    afterEach(async () => {
      await connection.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('describes the node and reports seeded exercise data', async () => {
      const info = await connection.api.app.info({});
      expect(info.nodeId).toMatch(/^[a-z0-9-]{3,40}$/);
      expect(info.role).toBe('city');
      expect(info.nodeCode).toBe('310000000000');
      expect(info.exerciseData).toBe(true);
    });

    it('lists the seeded command network: the city, 16 districts and their streets', async () => {
      const nodes = await connection.api.nodes.list({});
      expect(nodes.filter((node) => node.level === 'city').map((node) => node.name)).toEqual(['上海市']);
      expect(nodes.filter((node) => node.level === 'district')).toHaveLength(16);
      expect(nodes.filter((node) => node.level === 'street')).toHaveLength(215);
      expect(nodes.find((node) => node.code === '310101013000')).toMatchObject({ name: '外滩街道', parentCode: '310101000000' });
    });

    it('gives the map the district boundaries and the demo resources', async () => {
      const boundaries = await connection.api.map.boundaries({});
      expect(boundaries).toHaveLength(16);
      expect(boundaries.find((b) => b.code === '310115000000')).toMatchObject({ name: '浦东新区', level: 'district', geometry: { type: 'MultiPolygon' } });
      const [depots, shelters, teams] = await Promise.all([
        connection.api.resources.listDepots({}), connection.api.resources.listShelters({}), connection.api.resources.listTeams({}),
      ]);
      expect([depots.length, shelters.length, teams.length]).toEqual([32, 64, 48]);
      expect(depots.every((depot) => depot.exercise)).toBe(true);
    });

    it('searches by name and by code', async () => {
      expect((await connection.api.nodes.search({ query: '南京东路' })).map((node) => node.code)).toEqual(['310101002000']);
      // 外滩 is in 黄浦区's 外滩街道 and in 虹口区's 北外滩街道: both are found, by code order.
      expect((await connection.api.nodes.search({ query: '外滩' })).map((node) => node.name)).toEqual(['外滩街道', '北外滩街道']);
      expect((await connection.api.nodes.search({ query: '310115' })).length).toBeGreaterThan(30);
      expect((await connection.api.nodes.search({ query: 'Pudong' })).map((node) => node.code)).toEqual(['310115000000']);
    });

    it('refuses an invalid argument with a typed error and writes nothing', async () => {
      const before = await connection.countOps();
      const incidentsBefore = await connection.api.incidents.list({});
      const empty = await rejection(connection.api.nodes.search({ query: '' }));
      expect(empty.code).toBe('INVALID_ARGUMENT');
      expect(empty.issues?.[0]?.path).toBe('query');
      const bad = await rejection(connection.api.incidents.report({
        title: '', type: 'flood', level: 'V' as 'I', nodeCode: '3101', exercise: true,
      }));
      expect(bad.code).toBe('INVALID_ARGUMENT');
      expect(bad.issues?.map((issue) => issue.path).sort()).toEqual(['level', 'nodeCode', 'title']);
      const extra = await rejection(connection.api.incidents.report({
        title: 'x', type: 'flood', level: 'I', nodeCode: '310101013000', sql: 'DROP TABLE ops',
      } as never));
      expect(extra.code).toBe('INVALID_ARGUMENT');
      expect(await connection.countOps()).toBe(before);
      expect(await connection.api.incidents.list({})).toEqual(incidentsBefore);
    });

    it('refuses a report for an unknown command node and writes nothing', async () => {
      const before = await connection.countOps();
      const error = await rejection(connection.api.incidents.report({ title: 'x', type: 'fire', level: 'IV', nodeCode: '310199999000' }));
      expect(error.code).toBe('NOT_FOUND');
      expect(await connection.countOps()).toBe(before);
    });

    it('writes a report with the first line of its timeline and tells subscribers', async () => {
      const events: ChangeEvent[] = [];
      const unsubscribe = connection.api.on('store:changed', (event) => events.push(event));
      await new Promise((resolve) => setTimeout(resolve, 50)); // let the subscription reach the far side
      const before = await connection.countOps();
      const listed = await connection.api.incidents.list({});
      const incident = await connection.api.incidents.report({
        title: '外滩观景平台积水', type: 'waterlogging', level: 'IV', nodeCode: '310101013000',
        location: { lon: 121.49, lat: 31.24 }, exercise: true,
      });
      expect(incident).toMatchObject({ status: 'reported', nodeCode: '310101013000', exercise: true });
      // The incident and its timeline's first entry, in one transaction.
      expect(await connection.countOps()).toBe(before + 2);
      // The new report joins the seeded demo incidents, and nothing else changes.
      const after = await connection.api.incidents.list({});
      expect(after).toHaveLength(listed.length + 1);
      expect(after).toContainEqual(incident);
      expect(after.filter((i) => i.id !== incident.id)).toEqual(expect.arrayContaining(listed));
      await expect.poll(() => events).toContainEqual({ entity: 'incident', keys: [incident.id] });
      unsubscribe();
    });

    it('imports a best-track file whole, and a broken one not at all', async () => {
      const text = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/CH2021BST-sample.txt'), 'utf8');
      const summaries = await connection.api.hazards.importTracks({ fileName: 'CH2021BST.txt', text });
      expect(summaries.map((s) => [s.number, s.name, s.points, s.peakCategory])).toEqual([['2106', 'In-fa', 5, 5], ['serial 10', '(nameless)', 2, 1]]);
      const tracks = await connection.api.hazards.listTracks({});
      expect(tracks.map((track) => track.id).sort()).toEqual(['cma-2021-2106', 'cma-2021-s10']);
      const before = await connection.countOps();
      const broken = text.replace('2021072500 4  297 1223', '2021072500 4  297 12X3');
      const error = await rejection(connection.api.hazards.importTracks({ fileName: 'CH2021BST.txt', text: broken.replace('In-fa', 'Renamed') }));
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.message).toMatch(/CH2021BST\.txt .*line 4: longitude.*nothing was imported/);
      expect(await connection.countOps()).toBe(before);
      expect((await connection.api.hazards.listTracks({})).find((track) => track.number === '2106')?.name).toBe('In-fa');
    });

    it('reports a standalone link state while no parent is configured', async () => {
      expect(await connection.api.sync.status({})).toEqual({
        state: 'standalone', outbox: 0, lastSyncAt: null, parent: null, outboxByPriority: [0, 0, 0, 0, 0], newestFromParentAt: null, links: [], quarantined: 0, alarms: [],
      });
    });
  });
}
