import fs from 'node:fs';
import { z } from 'zod';
import { formatRoute, parseRoute } from '../../shared/wall/routes.ts';
import type { PoppedWindow } from './deskWindows.ts';

/**
 * Panels popped out of the desk window onto other monitors (issue 11): the console asks with
 * `window.open('#/map?view=…')`; the main process never lets Chromium open that window itself
 * (it would inherit the opener), but opens its own, with the same baseline, preload and events.
 * Pure functions here; index.ts only does what they decide.
 */

/** The route a window.open from the console asks for, normalised, or null to refuse it (not ours, or not a panel or wall address). */
export function popOutRoute(url: string, isOurs: (url: string) => boolean): string | null {
  if (!isOurs(url)) return null;
  let hash: string;
  try {
    hash = new URL(url).hash;
  } catch {
    return null;
  }
  const route = parseRoute(hash);
  return route ? formatRoute(route) : null;
}

const SIZE = { minWidth: 480, minHeight: 320, maxWidth: 7680, maxHeight: 4320 };

/** The window's place from window.open's features (`popup,width=1280,height=800,left=1920,top=0`), sizes kept sane. */
export function popOutBounds(features: string): { x?: number; y?: number; width: number; height: number } {
  const values = new Map(features.split(',').map((part) => part.split('=').map((text) => text.trim().toLowerCase()) as [string, string | undefined]));
  const number = (name: string) => {
    const value = Number(values.get(name));
    return values.has(name) && Number.isFinite(value) ? Math.round(value) : undefined;
  };
  const clamp = (value: number | undefined, min: number, max: number, fallback: number) => Math.min(max, Math.max(min, value ?? fallback));
  const x = number('left');
  const y = number('top');
  return {
    ...(x !== undefined ? { x } : {}), ...(y !== undefined ? { y } : {}),
    width: clamp(number('width'), SIZE.minWidth, SIZE.maxWidth, 1280),
    height: clamp(number('height'), SIZE.minHeight, SIZE.maxHeight, 800),
  };
}

const Bounds = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().min(1).max(SIZE.maxWidth * 4), height: z.number().int().min(1).max(SIZE.maxHeight * 4) });
const DeskFile = z.array(z.object({ route: z.string().max(2000), monitorId: z.number(), monitorLabel: z.string().max(200), bounds: Bounds })).max(32);

/** The pop-outs open at the last quit; an unreadable or tampered file is an empty desk, never an error at start. */
export function readDesk(file: string): PoppedWindow[] {
  try {
    const parsed = DeskFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Writes the desk whole (temporary file, then rename), so a crash never leaves half a file. */
export function writeDesk(file: string, windows: readonly PoppedWindow[]): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(windows.slice(0, 32), null, 2));
  fs.renameSync(temporary, file);
}
