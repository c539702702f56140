import { describe, expect, it } from 'vitest';
import { gridText } from './gridLocale.ts';

describe("the grids' own words", () => {
  it('speak Chinese in the Chinese console and English in the English one', () => {
    expect(gridText('zh-CN', { key: 'contains', defaultValue: 'Contains' })).toBe('包含');
    expect(gridText('zh-CN', { key: 'selectAll', defaultValue: '(Select All)' })).toBe('(全选)');
    expect(gridText('en', { key: 'contains', defaultValue: 'Contains' })).toBe('Contains');
  });

  it('fill the variables in order and fall back to English for a key the locale lacks', () => {
    expect(gridText('en', { key: 'x', defaultValue: '(${variable}, ${variable})', variableValues: ['1', '9'] })).toBe('(1, 9)');
    expect(gridText('zh-CN', { key: 'not-a-grid-key', defaultValue: 'Fallback' })).toBe('Fallback');
  });
});
