import { describe, expect, it } from 'vitest';
import { en, translate, zhCN } from './messages.ts';

const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('has the same keys in Chinese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('uses the same parameters in both languages, and no empty strings', () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect(params(en[key]), key).toEqual(params(zhCN[key]));
      expect(zhCN[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
    }
  });

  it('fills parameters and leaves unknown ones visible', () => {
    expect(translate('zh-CN', 'tree.summary', { districts: 16, streets: 215 })).toBe('16 个区 · 215 个街镇');
    expect(translate('en', 'tree.summary', { districts: 16, streets: 215 })).toBe('16 districts · 215 streets and towns');
    expect(translate('en', 'tree.matches')).toBe('{count} matching nodes');
  });
});
