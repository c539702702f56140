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
