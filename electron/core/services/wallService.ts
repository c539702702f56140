import type { z } from 'zod';
import type { Incident } from '../../../shared/domain/incident.ts';
import { WallLayout } from '../../../shared/domain/wallLayout.ts';
import type { Handlers } from '../../../shared/ipc/contract.ts';
import type { PresetSave, RulesSet, WallState, WallWindow } from '../../../shared/ipc/contracts/wall.ts';
import { ConsoleError } from '../../../shared/ipc/errors.ts';
import { BUILT_IN_PRESETS, CITY_HALL, CITY_HALL_ID } from '../../../shared/wall/builtInPresets.ts';
import { isHall, isPreset, presetProblems, viewOfDisplay } from '../../../shared/wall/hall.ts';
import { ruleOutcome } from '../../../shared/wall/rules.ts';
import { currentCaller } from '../users/callGate.ts';
import { scopeOf } from './incidentsService.ts';
import type { Store } from '../store/storeClient.ts';

/**
 * Halls and their wall presets, kept in the op log (entity `wallLayout`) so every console of
 * the hall shares them. A switch is one write of the hall record; every wall window follows
 * through the `store:changed` event it raises.
 */

/** Switches are what the wall shows: sent ahead of bulk data (P1), unlike the layouts themselves. */
const SWITCH_PRIORITY = 1 as const;

async function records(store: Store): Promise<WallLayout[]> {
  return (await store.query('entity.rows', { entity: 'wallLayout' })).map((row) => WallLayout.parse(row));
}

async function hallAndPresets(store: Store, hallId = CITY_HALL_ID): Promise<{ hall: WallLayout; presets: WallLayout[] }> {
  const all = await records(store);
  const hall = all.find((record) => record.id === hallId && isHall(record));
  if (!hall) throw new ConsoleError({ code: 'NOT_FOUND', message: `no hall with id ${hallId}` });
  // Built-in presets first, in their own order (daily duty first), then the hall's own by name.
  const rank = (preset: WallLayout) => {
    const index = BUILT_IN_PRESETS.findIndex((builtIn) => builtIn.id === preset.id);
    return index < 0 ? BUILT_IN_PRESETS.length : index;
  };
  const presets = all.filter((record) => isPreset(record) && record.hallId === hallId).sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'zh-CN'));
  return { hall, presets };
}

function stateOf(hall: WallLayout, presets: WallLayout[]): WallState {
  const currentId = hall.current?.presetId ?? presets.find((preset) => preset.mode === 'daily')?.id ?? presets[0]?.id ?? null;
  return { hall, presets, currentId };
}

/** A preset by id or by name in either language (what a hall controller types), or NOT_FOUND listing the choices. */
function findPreset(presets: WallLayout[], wanted: string): WallLayout {
  const folded = wanted.toLowerCase();
  const found = presets.find((preset) => preset.id === wanted || preset.name === wanted || preset.nameEn?.toLowerCase() === folded);
  if (!found) {
    throw new ConsoleError({ code: 'NOT_FOUND', message: `no preset "${wanted}" in this hall; its presets are ${presets.map((preset) => preset.name).join(', ')}` });
  }
  return found;
}

async function writeHall(store: Store, hall: WallLayout, priority?: 0 | 1 | 2 | 3 | 4): Promise<void> {
  // The city's halls are city-wide; a district or street hall is its own (only the city writes city-wide).
  const scope = scopeOf(store.identity.nodeCode);
  await store.write([{ entity: 'wallLayout', key: hall.id, kind: 'upsert', body: WallLayout.parse(hall), scope, ...(priority !== undefined ? { priority } : {}) }]);
}

export async function wallState(store: Store, hallId?: string): Promise<WallState> {
  const { hall, presets } = await hallAndPresets(store, hallId);
  return stateOf(hall, presets);
}

/** Puts a preset on the hall's wall and records who switched it and why (also in the audit trail). */
export async function switchPreset(store: Store, args: { hallId?: string; preset: string; reason?: string; by: string; trigger?: string }): Promise<WallState> {
  const { hall, presets } = await hallAndPresets(store, args.hallId);
  const preset = findPreset(presets, args.preset);
  const problems = presetProblems(preset, hall);
  if (problems.length > 0) throw new ConsoleError({ code: 'CONFLICT', message: `preset ${preset.name} cannot be shown: ${problems.join('; ')}` });
  const next: WallLayout = {
    ...hall,
    current: { presetId: preset.id, at: new Date().toISOString(), by: args.by, ...(args.reason ? { reason: args.reason } : {}), ...(args.trigger ? { trigger: args.trigger } : {}) },
    proposal: null,
  };
  await writeHall(store, next, SWITCH_PRIORITY);
  await store.audit(args.by, 'wall switch', { hall: hall.id, preset: preset.id, name: preset.name, reason: args.reason ?? null });
  return stateOf(next, presets);
}

/** Saves a preset after checking every cell against the hall: an unknown panel or display is refused with the reason. */
export async function savePreset(store: Store, args: z.output<typeof PresetSave>): Promise<WallLayout> {
  const { hall, presets } = await hallAndPresets(store, args.hallId);
  const problems = presetProblems({ cells: args.cells }, hall);
  if (problems.length > 0) {
    throw new ConsoleError({ code: 'INVALID_ARGUMENT', message: `the preset was not saved: ${problems.join('; ')}`, issues: problems.map((message) => ({ path: 'cells', message })) });
  }
  const clash = presets.find((preset) => preset.name === args.name && preset.id !== args.id);
  if (clash) throw new ConsoleError({ code: 'CONFLICT', message: `this hall already has a preset named ${args.name}` });
  const earlier = args.id ? presets.find((preset) => preset.id === args.id) : undefined;
  const preset = WallLayout.parse({
    id: args.id ?? `preset:${hall.id.replace(/^hall:/, '')}:${Date.now().toString(36)}`,
    name: args.name, ...(args.nameEn ? { nameEn: args.nameEn } : {}), mode: args.mode, kind: 'preset', hallId: hall.id,
    cells: args.cells, screens: [], ...(earlier?.builtIn ? { builtIn: true } : {}), exercise: false,
  });
  await store.write([{ entity: 'wallLayout', key: preset.id, kind: 'upsert', body: preset, scope: scopeOf(store.identity.nodeCode) }]);
  return preset;
}

export async function deletePreset(store: Store, hallId: string | undefined, id: string): Promise<{ id: string }> {
  const { hall, presets } = await hallAndPresets(store, hallId);
  const preset = findPreset(presets, id);
  if (stateOf(hall, presets).currentId === preset.id) throw new ConsoleError({ code: 'CONFLICT', message: `${preset.name} is on the wall now; switch to another preset first` });
  await store.write([{ entity: 'wallLayout', key: preset.id, kind: 'tombstone', body: null, scope: scopeOf(store.identity.nodeCode) }]);
  return { id: preset.id };
}

export async function setRules(store: Store, args: z.output<typeof RulesSet>): Promise<WallLayout> {
  const { hall, presets } = await hallAndPresets(store, args.hallId);
  for (const rule of args.rules) findPreset(presets, rule.presetId);
  const next = { ...hall, rules: args.rules };
  await writeHall(store, next);
  return next;
}

/** Every wall window of the hall: one per display, with the cell it shows under the current preset. */
export async function wallWindows(store: Store, hallId?: string): Promise<WallWindow[]> {
  const state = await wallState(store, hallId);
  const preset = state.presets.find((candidate) => candidate.id === state.currentId);
  return (state.hall.displays ?? []).map((display) => {
    const view = viewOfDisplay(preset, display.label);
    return {
      display: display.label, cell: view?.name ?? null, panel: view ? view.cell.route.split('?')[0]!.slice(1) : null,
      address: `/#/wall?hall=${encodeURIComponent(state.hall.id)}&display=${display.label}`, width: display.width, height: display.height,
    };
  });
}

/** Writes the demo city hall and its four presets into a store that has no hall yet. */
export async function ensureDemoHall(store: Store): Promise<void> {
  if ((await records(store)).some(isHall)) return;
  await store.write([CITY_HALL, ...BUILT_IN_PRESETS].map((record) => ({ entity: 'wallLayout' as const, key: record.id, kind: 'upsert' as const, body: record, scope: '*' })));
}

/**
 * Watches incident changes and lets each hall's rules propose or apply a preset: a proposal
 * waits on the hall record for one click; an applied switch carries its reason.
 */
export function watchWallRules(store: Store): () => void {
  // The city's halls are the city's: every replica holds them, but only the city acts on their
  // rules (a district applying them too would write the same proposal from every node, and its
  // city-wide writes are refused upstream).
  if (store.identity.role !== 'city') return () => undefined;
  let queue = Promise.resolve();
  return store.onChange((changes) => {
    const keys = changes.filter((change) => change.entity === 'incident').flatMap((change) => change.keys);
    if (keys.length === 0) return;
    queue = queue.then(() => applyRules(store, keys)).catch((error: unknown) => {
      // A store closing under a running rule (shutdown) ends it quietly; anything else is audited.
      void store.audit('wall rules', 'rule failed', { message: error instanceof Error ? error.message : String(error) }).catch(() => undefined);
    });
  });
}

async function applyRules(store: Store, incidentKeys: string[]): Promise<void> {
  for (const key of incidentKeys) {
    const incident = await store.query('entity.get', { entity: 'incident', key }) as Incident | null;
    if (!incident) continue;
    for (const hall of (await records(store)).filter(isHall)) {
      const { presets } = await hallAndPresets(store, hall.id);
      const outcome = ruleOutcome(hall, incident, (id) => presets.find((preset) => preset.id === id)?.name);
      if (!outcome) continue;
      if (outcome.action === 'apply') {
        await switchPreset(store, { hallId: hall.id, preset: outcome.presetId, reason: outcome.reason, by: `rule ${outcome.rule}`, trigger: outcome.trigger });
      } else {
        await writeHall(store, { ...hall, proposal: { presetId: outcome.presetId, reason: outcome.reason, at: new Date().toISOString(), trigger: outcome.trigger } }, SWITCH_PRIORITY);
        await store.audit(`rule ${outcome.rule}`, 'wall proposal', { hall: hall.id, preset: outcome.presetId, reason: outcome.reason });
      }
    }
  }
}

/** The wall's console calls. `by` names this console in the hall's record and the audit trail. */
export function wallHandlers(store: Store): Pick<Handlers, 'wall:state' | 'wall:windows' | 'wall:switch' | 'wall:savePreset' | 'wall:deletePreset' | 'wall:setRules' | 'wall:acceptProposal' | 'wall:dismissProposal'> {
  // Who switched: the signed-in user, named in the hall's log and the audit trail.
  const by = () => {
    const caller = currentCaller();
    return caller ? `${caller.name} (${caller.userId})` : `console ${store.identity.nodeId}`;
  };
  return {
    'wall:state': (args) => wallState(store, args.hallId),
    'wall:windows': (args) => wallWindows(store, args.hallId),
    'wall:switch': (args) => switchPreset(store, { ...args, by: by() }),
    'wall:savePreset': (args) => savePreset(store, args),
    'wall:deletePreset': (args) => deletePreset(store, args.hallId, args.id),
    'wall:setRules': (args) => setRules(store, args),
    'wall:acceptProposal': async (args) => {
      const { hall } = await hallAndPresets(store, args.hallId);
      if (!hall.proposal) throw new ConsoleError({ code: 'CONFLICT', message: 'there is no proposal waiting' });
      return switchPreset(store, { hallId: hall.id, preset: hall.proposal.presetId, reason: hall.proposal.reason, by: by(), trigger: hall.proposal.trigger });
    },
    'wall:dismissProposal': async (args) => {
      const { hall, presets } = await hallAndPresets(store, args.hallId);
      // The dismissed change stays remembered (current.trigger), so it does not come back.
      const next: WallLayout = { ...hall, proposal: null, ...(hall.proposal && hall.current ? { current: { ...hall.current, trigger: hall.proposal.trigger } } : {}) };
      await writeHall(store, next, SWITCH_PRIORITY);
      return stateOf(next, presets);
    },
  };
}
