import { describe, expect, it } from 'vitest';
import { CITY_HALL } from '../../shared/wall/builtInPresets.ts';
import { restoreDesk } from './deskWindows.ts';
import { matchMonitors, planWindows, type MonitorInfo } from './wallDisplays.ts';

// Recorded from a hall PC: a 2560×1440 desk monitor (primary) and a 2×2 wall of 1920×1080 panels to its right.
const monitor = (id: number, label: string, x: number, y: number, width = 1920, height = 1080): MonitorInfo =>
  ({ id, label, bounds: { x, y, width, height }, size: { width, height }, scaleFactor: 1 });
const DESK = monitor(1, 'DELL U2720Q', 0, 0, 2560, 1440);
const WALL = [monitor(11, 'LG 55VM5J-A', 2560, 0), monitor(12, 'LG 55VM5J-A', 4480, 0), monitor(13, 'LG 55VM5J-A', 2560, 1080), monitor(14, 'LG 55VM5J-A', 4480, 1080)];
const displays = CITY_HALL.displays!;

describe('matching monitors to the wall', () => {
  it('puts a new hall in reading order and leaves the desk monitor alone', () => {
    const matching = matchMonitors(displays, [DESK, ...WALL].reverse(), {}, DESK.id);
    expect(Object.fromEntries([...matching.assigned].map(([label, m]) => [label, m.id]))).toEqual({ A1: 11, B1: 12, A2: 13, B2: 14 });
    expect(matching.desk.map((m) => m.id)).toEqual([DESK.id]);
    expect(matching.missing).toEqual([]);
  });

  it('remembers by id across a restart even when the monitors are re-arranged', () => {
    const first = matchMonitors(displays, [DESK, ...WALL], {}, DESK.id);
    // The installer swapped the top row's cables: positions changed, ids followed the panels.
    const moved = [DESK, { ...WALL[0]!, bounds: { ...WALL[0]!.bounds, x: 4480 } }, { ...WALL[1]!, bounds: { ...WALL[1]!.bounds, x: 2560 } }, WALL[2]!, WALL[3]!];
    const again = matchMonitors(displays, moved, first.remembered, DESK.id);
    expect(again.assigned.get('A1')!.id).toBe(11);
    expect(again.assigned.get('B1')!.id).toBe(12);
  });

  it('falls back to the remembered position when ids change (new GPU driver)', () => {
    const first = matchMonitors(displays, [DESK, ...WALL], {}, DESK.id);
    const renumbered = WALL.map((m) => ({ ...m, id: m.id + 100 }));
    const again = matchMonitors(displays, [DESK, ...renumbered], first.remembered, DESK.id);
    expect(again.assigned.get('B2')!.id).toBe(114);
    expect(again.remembered.B2!.id).toBe(114);
  });

  it('handles a panel failing and a spare plugged in mid-shift without touching the others', () => {
    const first = matchMonitors(displays, [DESK, ...WALL], {}, DESK.id);
    const open = new Map([...first.assigned].map(([label, m]) => [label, m.bounds]));
    const failed = matchMonitors(displays, [DESK, WALL[0]!, WALL[1]!, WALL[3]!], first.remembered, DESK.id);
    expect(failed.missing).toEqual(['A2']);
    expect(planWindows(open, failed)).toEqual({ open: [], move: [], close: ['A2'] });
    const spare = monitor(21, 'LG 55VM5J-A', 2560, 1080);
    const replaced = matchMonitors(displays, [DESK, WALL[0]!, WALL[1]!, WALL[3]!, spare], failed.remembered, DESK.id);
    expect(replaced.assigned.get('A2')!.id).toBe(21);
    const reopened = new Map([...open].filter(([label]) => label !== 'A2'));
    expect(planWindows(reopened, replaced)).toEqual({ open: [{ label: 'A2', bounds: spare.bounds }], move: [], close: [] });
  });

  it('moves a window whose monitor moved', () => {
    const first = matchMonitors(displays, [DESK, ...WALL], {}, DESK.id);
    const open = new Map([...first.assigned].map(([label, m]) => [label, m.bounds]));
    const shifted = matchMonitors(displays, [DESK, ...WALL.map((m) => ({ ...m, bounds: { ...m.bounds, y: m.bounds.y + 360 } }))], first.remembered, DESK.id);
    expect(planWindows(open, shifted).move.map((entry) => entry.label)).toEqual(['A1', 'B1', 'A2', 'B2']);
  });
});

describe('the desk layout', () => {
  const isRoute = (route: string) => route.startsWith('#/');
  it('reopens pop-outs on their monitor, moves those whose monitor is gone to the primary, keeps them inside', () => {
    const side = monitor(2, 'EIZO EV2785', 2560, 0, 1920, 1080);
    const saved = [
      { route: '#/map?view=121.47,31.23,11', monitorId: 2, monitorLabel: 'EIZO EV2785', bounds: { x: 2600, y: 40, width: 1800, height: 1000 } },
      { route: '#/board/stock?district=310101000000', monitorId: 3, monitorLabel: 'HP Z27', bounds: { x: 4500, y: 0, width: 3000, height: 1600 } },
      { route: 'garbage', monitorId: 2, monitorLabel: '', bounds: { x: 0, y: 0, width: 800, height: 600 } },
    ];
    const restored = restoreDesk(saved, [DESK, side], DESK.id, isRoute);
    expect(restored).toHaveLength(2);
    expect(restored[0]).toEqual(saved[0]);
    expect(restored[1]).toMatchObject({ monitorId: 1, bounds: { x: 0, y: 0, width: 2560, height: 1440 } });
    // Same monitor under a new id: found by its label.
    expect(restoreDesk([saved[0]!], [DESK, { ...side, id: 9 }], DESK.id, isRoute)[0]!.monitorId).toBe(9);
  });
});
