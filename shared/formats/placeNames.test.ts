import { describe, expect, it } from 'vitest';
import { matchesPlace, placeKeys, romanisePlace } from './placeNames.ts';

describe('romanised place names', () => {
  it('gives streets and towns an English name from the Chinese one', () => {
    expect(romanisePlace('南京东路街道', '街道')).toBe('Nanjing East Road Subdistrict');
    expect(romanisePlace('外滩街道', '街道')).toBe('Waitan Subdistrict');
    expect(romanisePlace('华漕镇', '镇')).toBe('Huacao Town');
    expect(romanisePlace('长宁路街道')).toBe('Changning Road Subdistrict');
    expect(romanisePlace('重固镇', '镇')).toBe('Chonggu Town');
    expect(romanisePlace('某某乡', '乡')).toBe('Moumou Township');
  });

  it('finds a place by pinyin, spaced syllables, initials, English name, Chinese name and code', () => {
    const street = { code: '310101002000', name: '南京东路街道', nameEn: romanisePlace('南京东路街道', '街道') };
    for (const query of ['Nanjing', 'nanjing dong lu', 'NanJingDongLu', 'njdl', 'Nanjing East', '南京东路', '310101002']) {
      expect(matchesPlace(query, street), query).toBe(true);
    }
    for (const query of ['beijing', 'nj dl x', 'xjh', 'z', ' ']) expect(matchesPlace(query, street), query).toBe(false);
    expect(placeKeys('长宁区')).toEqual({ pinyin: 'changningqu', initials: 'cnq' });
  });
});
