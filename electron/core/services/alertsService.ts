import { randomUUID } from 'node:crypto';
import { decodeXmlBytes } from '../../../shared/cap/capBytes.ts';
import { readCapDocument } from '../../../shared/cap/capDocument.ts';
import { CapError } from '../../../shared/cap/capError.ts';
import { alertIdFor } from '../../../shared/cap/capFields.ts';
import { writeCap12 } from '../../../shared/cap/capWrite.ts';
import { Alert, alertState, type AlertArea, type AlertStep } from '../../../shared/domain/alert.ts';
import type { NamedArea } from '../../../shared/domain/namedArea.ts';
import type { Handlers, MethodArgs } from '../../../shared/ipc/contract.ts';
import type { AlertImportResult } from '../../../shared/ipc/contracts/alerts.ts';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import { currentCaller } from '../users/callGate.ts';
import { scopeOf } from './incidentsService.ts';
import type { Store } from '../store/storeClient.ts';
import { alertCoverage, joinAreaCodes } from './alertsCoverage.ts';
import type { PopulationTables } from '../population/populationTables.ts';
import { requireRecord } from './records.ts';

type AlertHandlers = Pick<Handlers, 'alerts:listByState' | 'alerts:saveDraft' | 'alerts:review' | 'alerts:issue' | 'alerts:update' | 'alerts:cancel' | 'alerts:import' | 'alerts:export' | 'alerts:coverage'>;

/** Whole seconds: CAP times carry no fractions, and a composed alert must survive its own XML. */
function capNow(now: Date): string {
  return new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString();
}

function conflict(message: string): ConsoleError {
  return new ConsoleError({ code: 'CONFLICT', message });
}

/**
 * The alert workflow: draft → reviewed → issued, then updates and cancels as new alerts that
 * reference the original. Steps run one at a time on this node (a queue), so a check of the
 * state and the write that follows it cannot interleave with another step.
 */
export function alertsHandlers(store: Store, population: PopulationTables, clock: () => Date = () => new Date()): AlertHandlers {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(step: () => Promise<T>): Promise<T> => {
    const result = queue.then(step, step);
    queue = result.catch(() => undefined);
    return result;
  };
  // The signed-in caller takes the step; the node itself when the core acts on its own (none today).
  const actor = () => {
    const caller = currentCaller();
    return caller ? `${caller.name} (${caller.userId})` : store.identity.nodeId;
  };
  const step = (name: AlertStep['step']): AlertStep => ({ step: name, by: actor(), at: clock().toISOString() });

  async function write(alert: Alert, priority: 0 | 1): Promise<Alert> {
    const body = Alert.parse(alert);
    // Issued alerts go city-wide at P0 (sync.md); drafts stay at P1 and travel like other work in progress.
    // Only the city warns the whole city; a district or street warns within its own area (sync's issue rules).
    const scope = scopeOf(store.identity.nodeCode);
    await store.write([{ entity: 'alert', key: body.id, kind: 'upsert', body, scope, priority }]);
    return body;
  }

  async function namedAreas(ids: readonly string[]): Promise<AlertArea[]> {
    const areas: AlertArea[] = [];
    for (const id of ids) {
      const area = await requireRecord<NamedArea>(store, 'namedArea', id, 'named area');
      areas.push({
        description: area.name, codes: [], polygon: area.ring,
        ...(area.circle ? { circles: [{ lon: area.circle.center.lon, lat: area.circle.center.lat, radiusKm: area.circle.radiusM / 1000 }] } : {}),
      });
    }
    return areas;
  }

  async function checkCodes(areas: readonly AlertArea[]): Promise<void> {
    const known = new Set((await store.query('nodes.list')).map((node) => node.code));
    const unknown = areas.flatMap((area) => area.codes).filter((code) => !known.has(code));
    if (unknown.length > 0) {
      throw new ConsoleError({ code: 'INVALID_ARGUMENT', message: `区划代码不属于本地区：${unknown.join('、')} / no district or street has the code ${unknown.join(', ')}` });
    }
  }

  async function saveDraft(args: MethodArgs<'alerts:saveDraft'>): Promise<Alert> {
    const existing = args.id ? await requireRecord<Alert>(store, 'alert', args.id, 'alert') : null;
    if (existing && alertState(existing) === 'issued') {
      throw conflict(`预警 ${existing.id} 已发布，不可修改；请发布更新或撤销。 / alert ${existing.id} is issued and cannot change; issue an update or a cancel instead`);
    }
    const areas = [...args.areas, ...(await namedAreas(args.namedAreaIds))];
    await checkCodes(areas);
    const sent = capNow(clock());
    const sender = existing?.sender ?? store.identity.nodeId;
    const identifier = existing?.identifier ?? `${store.identity.nodeCode}-${sent.slice(0, 19).replace(/\D/g, '')}-${randomUUID().slice(0, 8)}`;
    const event = args.event;
    return write({
      id: existing?.id ?? alertIdFor(sender, identifier),
      identifier, sender, sent,
      status: args.exercise ? 'Exercise' : 'Actual',
      msgType: existing?.msgType ?? 'Alert',
      scope: 'Public',
      event, urgency: args.urgency, severity: args.severity, certainty: args.certainty,
      categories: args.categories,
      ...(args.responseTypes.length ? { responseTypes: args.responseTypes } : {}),
      languages: [...new Set(args.texts.map((text) => text.language))],
      groups: args.groups,
      ...(args.channels?.length ? { channels: [...new Set(args.channels)] } : {}),
      // A block's event is kept only where it differs from the alert's: the same rule the CAP reader applies.
      texts: args.texts.map(({ event: textEvent, ...text }) => ({ ...text, ...(textEvent && textEvent !== event ? { event: textEvent } : {}) })),
      areas,
      ...(args.onset ? { onset: capNow(new Date(args.onset)) } : {}),
      ...(args.effective ? { effective: capNow(new Date(args.effective)) } : {}),
      ...(args.expires ? { expires: capNow(new Date(args.expires)) } : {}),
      ...(args.note ? { note: args.note } : {}),
      ...(existing?.references ? { references: existing.references } : {}),
      state: 'draft',
      steps: [...(existing?.steps ?? []), step(existing ? 'edited' : 'drafted')],
      exercise: args.exercise,
    }, 1);
  }

  async function advance(args: MethodArgs<'alerts:review'>, from: 'draft' | 'reviewed'): Promise<Alert> {
    const alert = await requireRecord<Alert>(store, 'alert', args.id, 'alert');
    const state = alertState(alert);
    const to = from === 'draft' ? 'reviewed' : 'issued';
    if (state !== from) {
      throw conflict(`预警 ${alert.id} 当前为“${state}”，不能转为“${to}” / alert ${alert.id} is ${state}; it cannot become ${to}`);
    }
    if (alert.areas.length === 0) throw conflict(`预警 ${alert.id} 没有发布区域 / alert ${alert.id} has no area to reach`);
    const history = [...(alert.steps ?? []), step(to)];
    if (to === 'reviewed') return write({ ...alert, state: 'reviewed', steps: history }, 1);
    return write({ ...alert, sent: capNow(clock()), state: 'issued', steps: history }, 0);
  }

  async function follow(args: MethodArgs<'alerts:update'>, msgType: 'Update' | 'Cancel'): Promise<Alert> {
    const original = await requireRecord<Alert>(store, 'alert', args.id, 'alert');
    if (alertState(original) !== 'issued') {
      throw conflict(`预警 ${original.id} 尚未发布，直接修改草稿即可 / alert ${original.id} is not issued yet; edit the draft instead`);
    }
    const sent = capNow(clock());
    const sender = store.identity.nodeId;
    const identifier = `${store.identity.nodeCode}-${sent.slice(0, 19).replace(/\D/g, '')}-${randomUUID().slice(0, 8)}`;
    const { state: _state, steps: _steps, ...content } = original;
    return write({
      ...content,
      id: alertIdFor(sender, identifier), identifier, sender, sent, msgType,
      ...(msgType === 'Cancel' ? { responseTypes: ['AllClear' as const] } : {}),
      references: [...(original.references ?? []), { sender: original.sender, identifier: original.identifier ?? original.id, sent: original.sent }].slice(-50),
      state: 'draft',
      steps: [step('drafted')],
    }, 1);
  }

  async function importAlerts(args: MethodArgs<'alerts:import'>): Promise<AlertImportResult> {
    const refuse = async (zh: string, en: string, detail: Record<string, unknown>): Promise<never> => {
      await store.audit(`import ${args.fileName.slice(0, 120)}`, 'alert import refused', { ...detail, message: en.slice(0, 500) });
      throw new ConsoleError({ code: 'INVALID_ARGUMENT', message: `${args.fileName}：${zh}，未导入任何数据。 / ${args.fileName}: ${en}; nothing was imported.` });
    };
    let document;
    try {
      const text = args.base64 !== undefined ? decodeXmlBytes(Buffer.from(args.base64, 'base64')) : args.text!;
      document = readCapDocument(text, { now: clock() });
    } catch (error) {
      if (!(error instanceof CapError)) throw error;
      return refuse(`${error.element}：${error.zh}`, error.message, { element: error.element });
    }
    const notes = document.notes.map((note) => `${note.element}：${note.zh} / ${note.element}: ${note.en}`);
    if (document.alerts.length === 0) {
      // A feed of thousands of links is named by its first few, not pasted whole into the message.
      const shown = document.notes.slice(0, 5);
      const more = document.notes.length - shown.length;
      return refuse(`没有可导入的预警（${shown.map((note) => `${note.element}：${note.zh}`).join('；')}${more > 0 ? `；另有 ${more} 条` : ''}）`,
        `no alert to import (${shown.map((note) => `${note.element}: ${note.en}`).join('; ')}${more > 0 ? `; and ${more} more` : ''})`, { kind: document.kind, notes: document.notes.length });
    }
    // An issued alert never changes: a message already held is skipped when it is the same, and
    // the file is refused when it carries different content under the same sender and identifier.
    const fresh: Alert[] = [];
    for (const alert of document.alerts) {
      const held = await store.query('entity.get', { entity: 'alert', key: alert.id }) as Alert | null;
      if (!held) {
        fresh.push(alert);
        continue;
      }
      const { state: _state, steps: _steps, ...content } = held;
      if (JSON.stringify(Alert.parse(content)) !== JSON.stringify(alert)) {
        return refuse(`${alert.sender} 的预警 ${alert.identifier} 已存在且内容不同（CAP 标识必须唯一，已发布的预警不可修改）`,
          `alert ${alert.identifier} from ${alert.sender} is already held with different content (CAP identifiers are unique and an issued alert never changes)`, { id: alert.id });
      }
      notes.push(`${alert.identifier}：已存在，跳过 / ${alert.identifier}: already held, skipped`);
    }
    const codes = await joinAreaCodes(store, fresh);
    const at = clock().toISOString();
    const imported = fresh.map((alert) => Alert.parse({ ...alert, steps: [{ step: 'imported', by: actor(), at }] }));
    // One write: every alert of the file, or (if the store refuses) none.
    if (imported.length > 0) await store.write(imported.map((body) => ({ entity: 'alert' as const, key: body.id, kind: 'upsert' as const, body, scope: scopeOf(store.identity.nodeCode), priority: 0 as const })));
    return { kind: document.kind, imported, notes, codes };
  }

  return {
    'alerts:listByState': (args) => store.query('alerts.byState', args),
    'alerts:saveDraft': (args) => serial(() => saveDraft(args)),
    'alerts:review': (args) => serial(() => advance(args, 'draft')),
    'alerts:issue': (args) => serial(() => advance(args, 'reviewed')),
    'alerts:update': (args) => serial(() => follow(args, 'Update')),
    'alerts:cancel': (args) => serial(() => follow(args, 'Cancel')),
    'alerts:import': (args) => serial(() => importAlerts(args)),
    'alerts:export': async (args) => {
      const alert = await requireRecord<Alert>(store, 'alert', args.id, 'alert');
      if (alertState(alert) !== 'issued') throw conflict(`预警 ${alert.id} 尚未发布，不能导出 / alert ${alert.id} is not issued; only issued alerts are exported`);
      return { fileName: `${(alert.identifier ?? alert.id).replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 120)}.xml`, xml: writeCap12(alert) };
    },
    'alerts:coverage': async (args) => alertCoverage(store, await requireRecord<Alert>(store, 'alert', args.id, 'alert'), population),
  };
}
