import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/messages.ts';
import { enumLabel, enumList, formatDay, ledgerAuthor, splitProblem } from './labels.ts';

const zh = (key: Parameters<typeof translate>[1]) => translate('zh-CN', key);
const en = (key: Parameters<typeof translate>[1]) => translate('en', key);

describe('resource labels', () => {
  it('words coded values in both languages and shows an unknown code as it is', () => {
    expect(enumLabel(zh, 'resources.flag', 'belowMinimum')).toBe('低于最低储备');
    expect(enumLabel(en, 'resources.flag', 'belowMinimum')).toBe('Below minimum');
    expect(enumLabel(zh, 'resources.skill', 'beekeeping')).toBe('beekeeping');
    expect(enumList(zh, 'resources.skill', ['firstAid', 'radio'], 'zh-CN')).toBe('急救、无线电');
    expect(enumList(en, 'resources.skill', ['firstAid', 'radio', 'beekeeping'], 'en')).toBe('First aid, Radio, beekeeping');
    expect(enumLabel(zh, 'resources.skill', undefined)).toBe('');
  });

  it('splits the service line number from the reason so it can be said in the duty officer language', () => {
    expect(splitProblem('line 3: quantity: expected number')).toEqual({ line: 3, reason: 'quantity: expected number' });
    expect(splitProblem('the file has a header but no rows')).toEqual({ line: null, reason: 'the file has a header but no rows' });
  });

  it('gives dates in Beijing time', () => {
    expect(formatDay('2026-12-31T17:00:00.000Z')).toBe('2027-01-01');
    expect(formatDay(null)).toBe('');
  });

  it('names the person on a ledger line when the step carries one, else the console', () => {
    expect(ledgerAuthor({ by: 'node-city' }, zh)).toBe('node-city');
    expect(ledgerAuthor({ by: 'node-city', authorName: '王值班' }, (key, params) => translate('zh-CN', key, params))).toBe('王值班（node-city）');
    expect(ledgerAuthor({ by: 'node-city', authorName: 'Wang' }, (key, params) => translate('en', key, params))).toBe('Wang (node-city)');
  });
});
