import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName, MethodResult } from '../../../shared/ipc/contract.ts';
import { dispatch } from '../../../shared/ipc/dispatch.ts';
import type { ConsoleErrorShape } from '../../../shared/ipc/errors.ts';
import { createConsoleCore, type ConsoleCore } from '../consoleCore.ts';

let core: ConsoleCore;
let dataDir: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-consult-'));
  core = await createConsoleCore({ dataDir, nodeId: 'consult-test' });
}, 60_000);
afterAll(async () => {
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const reply = await dispatch(core.handlers, method, input);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), reply.error);
  return reply.result as MethodResult<M>;
}
async function refusal(promise: Promise<unknown>): Promise<ConsoleErrorShape> {
  return promise.then(() => { throw new Error('expected a refusal'); }, (error: ConsoleErrorShape) => error);
}
const opCount = async () => core.store.query('meta.countOps');

const WAITAN = '310101002000';

describe('incidents in full', () => {
  it('gives every report a location and a timeline, moves status forward only, and keeps corrections beside what they correct', async () => {
    const incident = await call('incidents:report', { title: '外滩积水', type: 'waterlogging', level: 'III', nodeCode: WAITAN, affectedCodes: ['310101013000'] });
    expect(incident.location?.lon).toBeGreaterThan(121);
    expect(incident.affectedCodes).toEqual(['310101013000']);
    const responding = await call('incidents:setStatus', { id: incident.id, to: 'responding', note: '泵车到场' });
    expect(responding.status).toBe('responding');
    const before = await opCount();
    const back = await refusal(call('incidents:setStatus', { id: incident.id, to: 'verified' }));
    expect(back.code).toBe('CONFLICT');
    expect(await opCount()).toBe(before);

    const timeline = await call('incidents:timeline', { id: incident.id });
    expect(timeline.map((entry) => entry.kind)).toEqual(['report', 'status']);
    const correction = await call('incidents:addEntry', { incidentId: incident.id, text: '泵车为两台，非一台', corrects: timeline[1]!.id });
    const after = await call('incidents:timeline', { id: incident.id });
    expect(after).toHaveLength(3);
    expect(after[1]!.text).toBe('泵车到场');
    expect(after[2]).toMatchObject({ id: correction.id, kind: 'correction', corrects: timeline[1]!.id });
    const citywide = await call('incidents:report', { title: '全市供水压力异常', type: 'waterCut', level: 'IV', nodeCode: '310000000000' });
    expect(citywide.location?.lat).toBeGreaterThan(30.7);
    expect(citywide.location?.lat).toBeLessThan(31.9);
    const log = await call('incidents:dutyLog', {});
    // Newest first, across incidents.
    expect(log.slice(0, 2).map((entry) => entry.incidentId).sort()).toEqual([citywide.id, incident.id].sort());
    expect(log.some((entry) => entry.id === correction.id)).toBe(true);
    expect(log.map((entry) => entry.at)).toEqual([...log.map((entry) => entry.at)].sort().reverse());
  });
});

describe('a consultation from incident to verified tasks and minutes', () => {
  it('records evidence, judgement, decision, action → task, warning → draft alert, and sign-off', async () => {
    const incident = await call('incidents:report', { title: '黄浦江高潮位', type: 'floodTide', level: 'II', nodeCode: '310101000000', location: { lon: 121.49, lat: 31.24 } });
    const session = await call('consultation:open', {
      title: '防汛会商', incidentId: incident.id, agenda: ['潮位研判', '人员转移'],
      participants: [{ name: '王主任', agency: '市应急局', attendance: 'present' }, { name: '李工', agency: '市水务局', attendance: 'remote' }],
    });
    expect(session.agencies).toEqual(['市应急局', '市水务局']);
    const evidence = await call('consultation:record', { sessionId: session.id, kind: 'evidence', agency: '市应急局', text: '当前态势', map: { center: [121.5, 31.2], zoom: 9, layers: ['districts', 'incidents'] } });
    expect(evidence.snapshot?.figures.openIncidents).toBeGreaterThan(0);
    expect(evidence.snapshot?.map.incidents.some((point) => point.id === incident.id)).toBe(true);
    await call('consultation:record', { sessionId: session.id, kind: 'judgement', agency: '市水务局', text: '高潮位将超警戒 0.3 米', confidence: 'high' });
    await call('consultation:record', { sessionId: session.id, kind: 'decision', agency: '市应急局', text: '启动防汛 III 级响应', approvedBy: '王主任' });
    const { task } = await call('consultation:action', { sessionId: session.id, agency: '市应急局', text: '转移沿江低洼居民', assigneeUnit: '黄浦区', assigneeKind: 'district', dueAt: new Date(Date.now() + 3600_000).toISOString() });
    expect(task).toMatchObject({ sessionId: session.id, incidentId: incident.id, status: 'open' });
    const { alert } = await call('consultation:warning', { sessionId: session.id, agency: '市气象局', headline: '风暴潮橙色预警', severity: 'Severe', areaCodes: ['310101000000'] });
    expect(alert.state).toBe('draft'); // in the warning desk's workflow, to be reviewed and issued there

    for (const to of ['accepted', 'inProgress', 'done', 'verified'] as const) await call('tasks:advance', { id: task.id, to });
    const history = await call('tasks:history', { id: task.id });
    // Steps a few microseconds apart may share a millisecond, so the history is compared as a set.
    expect(history.map((entry) => entry.status).sort()).toEqual(['accepted', 'done', 'inProgress', 'open', 'verified']);

    // Attendance changes while the session is open: 李工 arrives in person, 赵工 joins by video.
    const arrived = await call('consultation:attend', { sessionId: session.id, name: '李工', agency: '市水务局', attendance: 'present' });
    expect(arrived.participants).toEqual([{ name: '王主任', agency: '市应急局', attendance: 'present' }, { name: '李工', agency: '市水务局', attendance: 'present' }]);
    const joined = await call('consultation:attend', { sessionId: session.id, name: '赵工', agency: '市气象局', attendance: 'remote' });
    expect(joined.participants?.at(-1)).toEqual({ name: '赵工', agency: '市气象局', attendance: 'remote' });
    expect(joined.agencies).toEqual(['市应急局', '市水务局', '市气象局']);
    const unchanged = await opCount();
    await call('consultation:attend', { sessionId: session.id, name: '赵工', agency: '市气象局', attendance: 'remote' });
    expect(await opCount()).toBe(unchanged);
    const notes = (await call('consultation:entries', { id: session.id })).filter((entry) => entry.kind === 'note').map((entry) => entry.text);
    expect(notes).toEqual(expect.arrayContaining(['李工（市水务局）出席：远程 → 到场 / 李工 (市水务局): remote → present', '赵工（市气象局）加入会商：远程 / 赵工 (市气象局) joins: remote']));
    expect((await call('consultation:list', {})).find((candidate) => candidate.id === session.id)?.participants).toHaveLength(3);

    const closed = await call('consultation:signOff', { sessionId: session.id, approvedBy: '王主任' });
    expect(closed.status).toBe('closed');
    const late = await refusal(call('consultation:record', { sessionId: session.id, kind: 'note', agency: 'x', text: 'late' }));
    expect(late.code).toBe('CONFLICT');
    expect((await refusal(call('consultation:attend', { sessionId: session.id, name: '钱工', agency: '市交通委', attendance: 'present' }))).code).toBe('CONFLICT');

    const md = await call('consultation:minutes', { id: session.id, format: 'md' });
    expect(md.content).toContain('启动防汛 III 级响应');
    expect(md.content).toContain('已闭环 1/1 项');
    expect(md.content).toContain('风暴潮橙色预警');
    expect(md.content).toContain('赵工（市气象局）加入会商：远程');
    expect(md.content).toContain('李工（市水务局）出席：远程 → 到场');
    const english = await call('consultation:minutes', { id: session.id, format: 'md', locale: 'en' });
    expect(english.content).toContain('李工 (市水务局) attendance: remote → present');
    const pdf = await call('consultation:minutes', { id: session.id, format: 'pdf', locale: 'en' });
    expect(Buffer.from(pdf.content, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses an empty entry, an unknown session and a task going backwards, storing nothing', async () => {
    const before = await opCount();
    const empty = await refusal(call('consultation:record', { sessionId: 'cs-none', kind: 'note', agency: '市应急局', text: '   ' }));
    expect(empty.code).toBe('INVALID_ARGUMENT');
    const unknown = await refusal(call('consultation:record', { sessionId: 'cs-none', kind: 'note', agency: '市应急局', text: '有内容' }));
    expect(unknown.code).toBe('NOT_FOUND');
    const task = await call('tasks:dispatch', { title: '巡查', assigneeUnit: '外滩街道' });
    await call('tasks:advance', { id: task.id, to: 'done' });
    const mid = await opCount();
    const backwards = await refusal(call('tasks:advance', { id: task.id, to: 'accepted' }));
    expect(backwards.code).toBe('CONFLICT');
    expect(await opCount()).toBe(mid);
    expect(mid - before).toBe(4);
    const followUp = await call('tasks:reopen', { id: task.id, reason: '复查发现仍有积水' });
    expect(followUp).toMatchObject({ reopenOf: task.id, status: 'open' });
  });
});
