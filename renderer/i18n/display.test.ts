import { describe, expect, it } from 'vitest';
import { ConsoleError } from '../../shared/ipc/errors.ts';
import { describeError, formatTime, primaryName, secondaryName } from './display.ts';

describe('names', () => {
  const bund = { name: '外滩街道', nameEn: 'The Bund Subdistrict' };
  it('shows Chinese first in zh-CN and English first in en, the other second', () => {
    expect([primaryName(bund, 'zh-CN'), secondaryName(bund, 'zh-CN')]).toEqual(['外滩街道', 'The Bund Subdistrict']);
    expect([primaryName(bund, 'en'), secondaryName(bund, 'en')]).toEqual(['The Bund Subdistrict', '外滩街道']);
  });
  it('falls back to the Chinese name where there is no English one', () => {
    expect(primaryName({ name: '周浦镇' }, 'en')).toBe('周浦镇');
    expect(secondaryName({ name: '周浦镇' }, 'zh-CN')).toBe('');
  });
  it('leaves the secondary column empty rather than repeat the Chinese name in English', () => {
    expect(secondaryName({ name: '周浦镇' }, 'en')).toBe('');
  });
});

describe('formatTime', () => {
  it('shows Beijing time whatever the machine zone', () => {
    expect(formatTime('2025-11-28T04:30:05.000Z', 'zh-CN')).toBe('2025-11-28 12:30:05');
    expect(formatTime('2025-11-28T20:30:05.000Z', 'en', 'short')).toBe('11-29 04:30:05');
  });
  it('says never for a missing time', () => {
    expect(formatTime(null, 'zh-CN')).toBe('从未');
    expect(formatTime(null, 'en')).toBe('never');
  });
});

describe('describeError', () => {
  it('words a lost connection for the duty officer', () => {
    const error = new ConsoleError({ code: 'DISCONNECTED', message: 'socket closed' });
    expect(describeError(error, 'zh-CN')).toBe('无法连接到控制台服务，正在重试…');
  });
  it('never shows a raw exception', () => {
    expect(describeError(new TypeError('x is undefined'), 'en')).not.toMatch(/undefined/);
  });
});

describe('words for the service reasons, units and lists', () => {
  it('says a refused commit in one language, with the numbers and statuses in words', async () => {
    const { describeError, unitLabel, formatList, formatQuantity } = await import('./display.ts');
    const refusal = new ConsoleError({
      code: 'CONFLICT', message: 'Depot has 8 of this item available (8 held, 0 committed); 50 cannot be committed',
      reason: { key: 'notAvailable', values: { depotId: 'd', itemId: 'i', held: 8, committed: 0, available: 8, quantity: 50 } },
    });
    expect(describeError(refusal, 'zh-CN')).toBe('储备库可用数量不足：库存 8，已承诺给其他调拨 0，可用 8，本次需 50。未承诺，数据未做更改。');
    expect(describeError(refusal, 'en')).toBe('Not enough available at the depot: 8 held, 0 committed to other allocations, 8 available, 50 needed. Nothing was committed or changed.');
    const step = { code: 'CONFLICT', message: 'x', reason: { key: 'allocationStep', values: { from: 'declined', to: 'dispatched' } } };
    expect(describeError(step, 'zh-CN')).toContain('“已拒绝”');
    expect(describeError({ code: 'CONFLICT', message: 'x', reason: { key: 'unknownReason', values: {} } }, 'en')).toBe(describeError({ code: 'CONFLICT' }, 'en'));

    expect([unitLabel('箱', 'en', 1), unitLabel('箱', 'en', 821), unitLabel('顶', 'en'), unitLabel('箱', 'zh-CN', 3), unitLabel('桶装', 'en', 2)])
      .toEqual(['box', 'boxes', 'tents', '箱', '桶装']);
    expect(formatQuantity(1821, '箱', 'en')).toBe('1,821 boxes');
    expect(formatQuantity(1821, '箱', 'zh-CN')).toBe('1,821 箱');
    expect(formatList(['急救', '无线电', '驾驶'], 'zh-CN')).toBe('急救、无线电、驾驶');
    expect(formatList(['First aid', 'Radio', 'Driving'], 'en')).toBe('First aid, Radio, Driving');
  });
});
