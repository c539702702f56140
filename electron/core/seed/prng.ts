/** A seeded source of numbers in [0, 1): the same seed gives the same sequence on every run. */
export type Random = () => number;

/** mulberry32: tiny, fast and well spread, which is all demo data needs (not for secrets). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A generator for one labelled stream (e.g. "depots:310115"), so each district's records
 * depend only on the seed and the label, not on how many records were drawn before them.
 */
export function streamFor(seed: number, label: string): Random {
  let hash = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < label.length; i++) hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193);
  return mulberry32((hash ^ seed) >>> 0);
}

/** An integer in [min, max]. */
export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** `count` distinct items in their original order. */
export function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(Math.floor(random() * items.length));
  return [...chosen].sort((a, b) => a - b).map((index) => items[index]!);
}
