import { POSITION_KINDS } from '../../../shared/domain/position.ts';

/** One colour per position kind (index as on the wire), readable on the dark map. */
export const KIND_COLOURS: readonly string[] = ['#ff9f1c', '#2ec4b6', '#4cc9f0', '#f72585', '#e9ff70'];
/** The ring around each point, so points read against light and dark fills alike. */
export const OUTLINE_COLOUR = '#050b14';

if (KIND_COLOURS.length < POSITION_KINDS.length) throw new Error('a colour is missing for a position kind');

export function rgbOf(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Opaque colours as little-endian RGBA words, for writing straight into ImageData. */
export function rgbaWord(hex: string): number {
  const [r, g, b] = rgbOf(hex);
  return ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
}
