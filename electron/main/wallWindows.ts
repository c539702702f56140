// Thin glue: one full-screen window per wall display on the hall PC, re-planned when monitors
// come and go. The decisions are in wallDisplays.ts (pure, unit-tested); this only does them.
// Hook (index.ts, after the main window opens, when this PC drives the wall):
//   if (process.env.RESILIENCE_CONSOLE_WALL) void startWallWindows({ screen, core, hallId: process.env.RESILIENCE_CONSOLE_WALL, rememberFile, createWindow: (route, bounds) => … });
import fs from 'node:fs';
import type { BrowserWindow, Display, Screen } from 'electron';
import { WallLayout } from '../../shared/domain/wallLayout.ts';
import { formatRoute } from '../../shared/wall/routes.ts';
import type { ConsoleCore } from '../core/consoleCore.ts';
import { matchMonitors, planWindows, type MonitorInfo, type Remembered } from './wallDisplays.ts';

export interface WallWindowsOptions {
  screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay' | 'on' | 'removeListener'>;
  core: ConsoleCore;
  hallId: string;
  /** Where the matching is remembered between starts (JSON). */
  rememberFile: string;
  /** Opens a frameless full-screen window on `bounds` showing the renderer at `route`. */
  createWindow(route: string, bounds: MonitorInfo['bounds']): BrowserWindow;
}

/** What the matching needs of a display. */
export const monitorOf = (display: Display): MonitorInfo => ({
  id: display.id, label: display.label, bounds: display.bounds, size: display.size, scaleFactor: display.scaleFactor, internal: display.internal,
});

function readRemembered(file: string): Remembered {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Remembered;
  } catch {
    return {};
  }
}

/** Opens the hall's wall windows and keeps them matched to the monitors; returns the function that stops it. */
export async function startWallWindows(options: WallWindowsOptions): Promise<() => void> {
  const hall = WallLayout.parse(await options.core.store.query('entity.get', { entity: 'wallLayout', key: options.hallId }));
  const windows = new Map<string, BrowserWindow>();
  let remembered = readRemembered(options.rememberFile);

  const replan = () => {
    const matching = matchMonitors(hall.displays ?? [], options.screen.getAllDisplays().map(monitorOf), remembered, options.screen.getPrimaryDisplay().id);
    remembered = matching.remembered;
    fs.writeFileSync(options.rememberFile, JSON.stringify(remembered, null, 2));
    const plan = planWindows(new Map([...windows].map(([label, window]) => [label, window.getBounds()])), matching);
    for (const label of plan.close) {
      windows.get(label)?.close();
      windows.delete(label);
    }
    for (const { label, bounds } of plan.move) windows.get(label)?.setBounds(bounds);
    for (const { label, bounds } of plan.open) {
      const window = options.createWindow(formatRoute({ wall: { hall: hall.id, display: label } }), bounds);
      window.on('closed', () => windows.delete(label));
      windows.set(label, window);
    }
  };
  replan();
  options.screen.on('display-added', replan);
  options.screen.on('display-removed', replan);
  options.screen.on('display-metrics-changed', replan);
  return () => {
    options.screen.removeListener('display-added', replan);
    options.screen.removeListener('display-removed', replan);
    options.screen.removeListener('display-metrics-changed', replan);
    for (const window of windows.values()) window.close();
  };
}
