import type { WallDisplay } from '../../shared/domain/wallLayout.ts';

/** A screen as the Window Management API (`getScreenDetails`) describes it. */
export interface ScreenBox { label?: string; availLeft: number; availTop: number; availWidth: number; availHeight: number }

/**
 * Which screen each wall display's window goes to: a screen labelled like the display wins;
 * the rest are matched in reading order (top row first, left to right) with the displays.
 */
export function placeDisplays(displays: readonly WallDisplay[], screens: readonly ScreenBox[]): Map<string, ScreenBox> {
  const placed = new Map<string, ScreenBox>();
  const free = [...screens].sort((a, b) => a.availTop - b.availTop || a.availLeft - b.availLeft);
  const ordered = [...displays].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const display of ordered) {
    const index = free.findIndex((screen) => screen.label === display.label);
    if (index >= 0) placed.set(display.label, free.splice(index, 1)[0]!);
  }
  for (const display of ordered) {
    if (placed.has(display.label) || free.length === 0) continue;
    placed.set(display.label, free.shift()!);
  }
  return placed;
}

/** `window.open` features that put a window on a screen. */
export const windowFeatures = (screen: ScreenBox) =>
  `popup,left=${screen.availLeft},top=${screen.availTop},width=${screen.availWidth},height=${screen.availHeight}`;
