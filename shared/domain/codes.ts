import type { CommandLevel } from './commandNode.ts';

/** Shanghai's own administrative code, the root of the demo region. */
export const SHANGHAI_CODE = '310000000000';

/** Widens a 6-digit county code (e.g. 310101) to the 12-digit form. */
export function countyCode12(code6: string): string {
  if (!/^\d{6}$/.test(code6)) throw new Error(`not a 6-digit county code: ${code6}`);
  return `${code6}000000`;
}

/** The level a 12-digit code names: province/municipality, county/district, or township/street. */
export function levelOfCode(code: string): CommandLevel {
  if (!/^\d{12}$/.test(code)) throw new Error(`not a 12-digit administrative code: ${code}`);
  if (code.slice(2) === '0000000000') return 'city';
  if (code.slice(6) === '000000') return 'district';
  return 'street';
}

/** The code of the command node one level up, or null for the city. */
export function parentOfCode(code: string): string | null {
  const level = levelOfCode(code);
  if (level === 'city') return null;
  if (level === 'district') return `${code.slice(0, 2)}0000000000`;
  return `${code.slice(0, 6)}000000`;
}

/** True when `code` is `ancestor` itself or lies in its subtree. */
export function isWithin(code: string, ancestor: string): boolean {
  const level = levelOfCode(ancestor);
  if (level === 'city') return code.slice(0, 2) === ancestor.slice(0, 2);
  if (level === 'district') return code.slice(0, 6) === ancestor.slice(0, 6);
  return code === ancestor;
}
