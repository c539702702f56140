import { pinyin } from 'pinyin-pro';

/**
 * Romanised place names and pinyin search, so an English-speaking liaison can read and find
 * 南京东路街道 as "Nanjing East Road Subdistrict" and by typing "Nanjing", "nanjing dong lu" or
 * "njdl". Pinyin comes from pinyin-pro (context-aware for polyphones such as 长宁 chángníng).
 */

/** Place-name readings pinyin-pro gets wrong out of context, by the characters as written. */
const READINGS: Record<string, string[]> = {
  重固: ['chong', 'gu'],
};

/** The toneless syllables of a name; Latin letters and digits are kept as they are. */
export function syllables(name: string): string[] {
  const out: string[] = [];
  let rest = name;
  while (rest.length) {
    const fixed = Object.keys(READINGS).find((word) => rest.startsWith(word));
    if (fixed) { out.push(...READINGS[fixed]!); rest = rest.slice(fixed.length); continue; }
    const next = Object.keys(READINGS).map((word) => rest.indexOf(word)).filter((i) => i > 0).sort((a, b) => a - b)[0] ?? rest.length;
    out.push(...pinyin(rest.slice(0, next), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).map((s) => s.trim()).filter(Boolean));
    rest = rest.slice(next);
  }
  return out.map((s) => s.toLowerCase());
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const joined = (name: string) => capitalise(syllables(name).join(''));

const KIND_EN: Record<string, string> = { 街道: 'Subdistrict', 镇: 'Town', 乡: 'Township' };
const DIRECTION_EN: Record<string, string> = { 东: 'East', 西: 'West', 南: 'South', 北: 'North', 中: 'Middle' };

/**
 * A street's or town's English name from its Chinese one: the proper name in pinyin, a road's
 * direction and "Road" in English, then 街道 → Subdistrict, 镇 → Town, 乡 → Township.
 * 南京东路街道 → "Nanjing East Road Subdistrict", 华漕镇 → "Huacao Town".
 */
export function romanisePlace(name: string, kind?: string): string {
  let rest = name.trim();
  const suffix = kind && rest.endsWith(kind) ? kind : Object.keys(KIND_EN).find((k) => rest.endsWith(k) && rest.length > k.length);
  if (suffix) rest = rest.slice(0, -suffix.length);
  const road = /^(.+?)([东西南北中])?路$/.exec(rest);
  const words = road
    ? [joined(road[1]!), ...(road[2] ? [DIRECTION_EN[road[2]]!] : []), 'Road']
    : [joined(rest)];
  return [...words, ...(suffix ? [KIND_EN[suffix]!] : [])].join(' ');
}

/** What a place can be found by: its pinyin run together and its initials. */
export interface PlaceKeys { pinyin: string; initials: string }

export function placeKeys(name: string): PlaceKeys {
  const parts = syllables(name);
  return { pinyin: parts.join(''), initials: parts.map((s) => s.charAt(0)).join('') };
}

/** Lower case without spaces, hyphens or apostrophes: "Nanjing Dong-Lu" and "nanjingdonglu" compare equal. */
export function foldQuery(text: string): string {
  return text.toLowerCase().replace(/[\s\-'’·.]/g, '');
}

const keysCache = new Map<string, PlaceKeys>();

/**
 * Whether a place matches what was typed: its code, Chinese name or English name contains it,
 * or its pinyin contains it ("nanjing dong lu"), or its initials start with it ("njdl").
 */
export function matchesPlace(query: string, place: { code?: string; name: string; nameEn?: string | undefined }): boolean {
  const raw = query.trim();
  if (!raw) return false;
  if (place.code?.includes(raw) || place.name.includes(raw)) return true;
  const folded = foldQuery(raw);
  if (!folded) return false;
  if (place.nameEn && foldQuery(place.nameEn).includes(folded)) return true;
  if (!/^[a-z0-9]+$/.test(folded)) return false;
  let keys = keysCache.get(place.name);
  if (!keys) { keys = placeKeys(place.name); keysCache.set(place.name, keys); }
  return keys.pinyin.includes(folded) || (folded.length >= 2 && keys.initials.startsWith(folded));
}
