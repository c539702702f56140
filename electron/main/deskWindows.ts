import type { MonitorInfo } from './wallDisplays.ts';

/**
 * The operator's desk: panels popped out to other monitors are remembered and reopened where
 * they were at the next start. Pure: the main process saves and restores what this returns.
 */

/** A popped-out panel: its address (`#/map?view=…`), the monitor it was on and its bounds there. */
export interface PoppedWindow { route: string; monitorId: number; monitorLabel: string; bounds: { x: number; y: number; width: number; height: number } }

const MIN_SIZE = { width: 480, height: 320 };

const inside = (bounds: PoppedWindow['bounds'], area: MonitorInfo['bounds']) =>
  bounds.x >= area.x && bounds.y >= area.y && bounds.x + bounds.width <= area.x + area.width && bounds.y + bounds.height <= area.y + area.height;

/** Keeps a window on a monitor: no larger than it and wholly inside it. */
export function fitInto(bounds: PoppedWindow['bounds'], area: MonitorInfo['bounds']): PoppedWindow['bounds'] {
  const width = Math.max(MIN_SIZE.width, Math.min(bounds.width, area.width));
  const height = Math.max(MIN_SIZE.height, Math.min(bounds.height, area.height));
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}

/**
 * Where each remembered pop-out reopens: on its monitor if it is still there (by id, else by
 * label), kept inside it; otherwise on the desk's primary monitor. Routes that no longer parse
 * (`isRoute`) are dropped rather than opened blank.
 */
export function restoreDesk(saved: readonly PoppedWindow[], monitors: readonly MonitorInfo[], primaryId: number, isRoute: (route: string) => boolean): PoppedWindow[] {
  const primary = monitors.find((monitor) => monitor.id === primaryId) ?? monitors[0];
  if (!primary) return [];
  return saved.filter((window) => isRoute(window.route)).map((window) => {
    const monitor = monitors.find((candidate) => candidate.id === window.monitorId)
      ?? monitors.find((candidate) => candidate.label !== '' && candidate.label === window.monitorLabel)
      ?? primary;
    const bounds = inside(window.bounds, monitor.bounds) ? window.bounds : fitInto(window.bounds, monitor.bounds);
    return { route: window.route, monitorId: monitor.id, monitorLabel: monitor.label, bounds };
  });
}
