import type { WallDisplay } from '../../shared/domain/wallLayout.ts';

/**
 * Matching the monitors Electron reports (`screen.getAllDisplays()`) to a hall's wall displays,
 * and keeping that matching across restarts and monitors coming and going mid-shift. Pure: the
 * main process feeds it display lists and does what it returns.
 */

/** What Electron's `Display` tells about a monitor (the stable parts). */
export interface MonitorInfo {
  id: number;
  label: string;
  bounds: { x: number; y: number; width: number; height: number };
  size: { width: number; height: number };
  scaleFactor: number;
  internal?: boolean;
}

/** How a wall display's monitor was last recognised. */
export interface MonitorSignature { id: number; label: string; x: number; y: number; width: number; height: number; scaleFactor: number }

export type Remembered = Record<string, MonitorSignature>;

export const signatureOf = (monitor: MonitorInfo): MonitorSignature => ({
  id: monitor.id, label: monitor.label, x: monitor.bounds.x, y: monitor.bounds.y, width: monitor.size.width, height: monitor.size.height, scaleFactor: monitor.scaleFactor,
});

export interface Matching {
  /** Wall display label → the monitor showing it. */
  assigned: Map<string, MonitorInfo>;
  /** Wall displays with no monitor now (shown as missing to the operator; their windows close). */
  missing: string[];
  /** Monitors left for the operator's desk. */
  desk: MonitorInfo[];
  /** The matching to remember for the next start. */
  remembered: Remembered;
}

const sameSize = (monitor: MonitorInfo, signature: MonitorSignature) => monitor.size.width === signature.width && monitor.size.height === signature.height;

/**
 * Matches monitors to wall displays, most certain first: the remembered monitor id (same
 * size); the remembered EDID label (ids change when cables move); the remembered position and
 * size; then new monitors in reading order (top row first, left to right) to the unmatched
 * displays of the same resolution, then of any resolution. The desk monitor (the primary,
 * `primaryId`) and laptop panels are never taken for the wall unless nothing else is left.
 */
export function matchMonitors(wall: readonly WallDisplay[], monitors: readonly MonitorInfo[], remembered: Remembered, primaryId?: number): Matching {
  const assigned = new Map<string, MonitorInfo>();
  const free = new Set(monitors);
  const take = (label: string, monitor: MonitorInfo | undefined) => {
    if (!monitor || assigned.has(label) || !free.has(monitor)) return;
    assigned.set(label, monitor);
    free.delete(monitor);
  };
  const rules: ((signature: MonitorSignature, monitor: MonitorInfo) => boolean)[] = [
    (signature, monitor) => monitor.id === signature.id && sameSize(monitor, signature),
    (signature, monitor) => monitor.label !== '' && monitor.label === signature.label && sameSize(monitor, signature),
    (signature, monitor) => monitor.bounds.x === signature.x && monitor.bounds.y === signature.y && sameSize(monitor, signature),
  ];
  for (const rule of rules) {
    for (const display of wall) {
      const signature = remembered[display.label];
      if (signature && !assigned.has(display.label)) take(display.label, [...free].find((monitor) => rule(signature, monitor)));
    }
  }
  const readingOrder = (a: MonitorInfo, b: MonitorInfo) => a.bounds.y - b.bounds.y || a.bounds.x - b.bounds.x;
  const wallCandidates = () => [...free].filter((monitor) => monitor.id !== primaryId && !monitor.internal).sort(readingOrder);
  const openDisplays = () => [...wall].filter((display) => !assigned.has(display.label)).sort((a, b) => a.row - b.row || a.col - b.col);
  for (const display of openDisplays()) take(display.label, wallCandidates().find((monitor) => monitor.size.width === display.width && monitor.size.height === display.height));
  for (const display of openDisplays()) take(display.label, wallCandidates()[0]);
  const next: Remembered = { ...remembered };
  for (const [label, monitor] of assigned) next[label] = signatureOf(monitor);
  return {
    assigned,
    missing: wall.filter((display) => !assigned.has(display.label)).map((display) => display.label),
    desk: monitors.filter((monitor) => free.has(monitor)),
    remembered: next,
  };
}

/** What to do with the wall windows when the monitors change: open, move or close, by display label. */
export interface WindowPlan {
  open: { label: string; bounds: MonitorInfo['bounds'] }[];
  move: { label: string; bounds: MonitorInfo['bounds'] }[];
  close: string[];
}

/** Compares the open wall windows (label → bounds) with a new matching, so a monitor added or removed mid-shift needs no restart. */
export function planWindows(open: ReadonlyMap<string, MonitorInfo['bounds']>, matching: Pick<Matching, 'assigned'>): WindowPlan {
  const plan: WindowPlan = { open: [], move: [], close: [] };
  for (const [label, monitor] of matching.assigned) {
    const current = open.get(label);
    if (!current) plan.open.push({ label, bounds: monitor.bounds });
    else if (current.x !== monitor.bounds.x || current.y !== monitor.bounds.y || current.width !== monitor.bounds.width || current.height !== monitor.bounds.height) {
      plan.move.push({ label, bounds: monitor.bounds });
    }
  }
  for (const label of open.keys()) if (!matching.assigned.has(label)) plan.close.push(label);
  return plan;
}
