import { describe, expect, it } from 'vitest';
import { WallLayout } from '../domain/wallLayout.ts';
import type { Incident } from '../domain/incident.ts';
import { BUILT_IN_PRESETS, CITY_HALL } from './builtInPresets.ts';
import { cellDisplays, cellName, presetProblems, viewOfDisplay, wallTitle } from './hall.ts';
import { ruleOutcome } from './rules.ts';

const typhoon = (level: Incident['level'], status: Incident['status'] = 'responding'): Incident => ({
  id: 'inc-1', title: '台风“海葵”', type: 'typhoon', level, status, nodeCode: '310000000000', reportedAt: '2026-12-01T08:00:00.000Z', exercise: false,
} as Incident);

describe('the hall model', () => {
  it('reads records written before halls existed', () => {
    const old = WallLayout.parse({ id: 'w1', name: '旧预案', mode: 'daily', screens: [{ screen: 0, panel: 'map' }] });
    expect(old.kind).toBe('preset');
    expect(old.screens).toHaveLength(1);
  });

  it('ships four built-in presets that fit the city hall exactly', () => {
    expect(BUILT_IN_PRESETS.map((preset) => preset.name)).toEqual(['日常值守', '台风应急', '防汛', '会商']);
    for (const preset of BUILT_IN_PRESETS) {
      expect(presetProblems(WallLayout.parse(preset), CITY_HALL)).toEqual([]);
      const covered = (preset.cells ?? []).flatMap(cellDisplays).sort();
      expect(covered).toEqual(['A1', 'A2', 'B1', 'B2']);
    }
  });

  it('refuses unknown panels, unknown displays and overlapping cells, naming each', () => {
    const problems = presetProblems({
      cells: [
        { display: 'A1', colSpan: 2, rowSpan: 1, route: '/weather' },
        { display: 'B1', colSpan: 1, rowSpan: 1, route: '/map' },
        { display: 'C3', colSpan: 1, rowSpan: 1, route: '/board/boats' },
      ],
    }, CITY_HALL);
    expect(problems).toEqual([
      'cell A1–B1: unknown panel "weather" (known: tree, incidents, map, board, sync, network, alerts, tasks, consultation)',
      'cell B1 overlaps cell A1–B1 on display B1',
      expect.stringMatching(/cell C3: unknown board "boats"/),
      'cell C3: the hall has no display C3',
    ]);
  });

  it('tells each display which cell it shows and where it sits inside a spanning cell', () => {
    const typhoonPreset = BUILT_IN_PRESETS[1]!;
    expect(viewOfDisplay(typhoonPreset, 'A1')).toMatchObject({ name: 'A1–B1', offset: { col: 0, row: 0 } });
    expect(viewOfDisplay(typhoonPreset, 'B1')).toMatchObject({ name: 'A1–B1', offset: { col: 1, row: 0 } });
    expect(viewOfDisplay(typhoonPreset, 'B2')?.cell.route).toBe('/board/shelters');
    expect(viewOfDisplay(typhoonPreset, 'C1')).toBeNull();
    expect(cellName({ display: 'A1', colSpan: 1, rowSpan: 2, route: '/map' })).toBe('A1–A2');
    expect(wallTitle('台风应急', 'A2')).toBe('台风应急 · A2');
  });
});

describe('rules on incident changes', () => {
  const names = (id: string) => BUILT_IN_PRESETS.find((preset) => preset.id === id)?.name;

  it('proposes 台风应急 when a typhoon is raised to level II, not at level III', () => {
    expect(ruleOutcome(CITY_HALL, typhoon('III'), names)).toBeNull();
    const outcome = ruleOutcome(CITY_HALL, typhoon('II'), names);
    expect(outcome).toMatchObject({ action: 'propose', presetId: 'preset:city:typhoon', trigger: 'inc-1@II' });
    expect(outcome?.reason).toContain('台风应急');
    expect(ruleOutcome(CITY_HALL, typhoon('I'), names)?.presetId).toBe('preset:city:typhoon');
  });

  it('acts once per change, not while the preset is already shown, and never for a closed incident', () => {
    expect(ruleOutcome({ ...CITY_HALL, proposal: { presetId: 'preset:city:typhoon', reason: '', at: '', trigger: 'inc-1@II' } }, typhoon('II'), names)).toBeNull();
    expect(ruleOutcome({ ...CITY_HALL, current: { presetId: 'preset:city:typhoon', at: '', by: 'x' } }, typhoon('I'), names)).toBeNull();
    expect(ruleOutcome(CITY_HALL, typhoon('I', 'closed'), names)).toBeNull();
  });
});
