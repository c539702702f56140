import { describe, expect, it } from 'vitest';
import { capLabel } from './capLabels.ts';

describe('capLabel', () => {
  it('words urgency, severity and certainty in Chinese, keeping the CAP term', () => {
    expect(capLabel('urgency', 'Immediate', 'zh-CN')).toBe('立即行动（Immediate）');
    expect(capLabel('urgency', 'Expected', 'zh-CN')).toBe('1 小时内行动（Expected）');
    expect(capLabel('severity', 'Extreme', 'zh-CN')).toBe('特别严重（Extreme）');
    expect(capLabel('certainty', 'Observed', 'zh-CN')).toBe('已发生（Observed）');
    expect(capLabel('certainty', 'Likely', 'zh-CN')).toBe('很可能（Likely）');
    expect(capLabel('certainty', 'Unknown', 'zh-CN')).toBe('未知');
  });

  it('shows the CAP terms in English', () => {
    expect(capLabel('urgency', 'Past', 'en')).toBe('Past');
    expect(capLabel('severity', 'Moderate', 'en')).toBe('Moderate');
    expect(capLabel('certainty', 'Unlikely', 'en')).toBe('Unlikely');
  });

  it('shows a value it has no label for as sent, never a message key', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      expect(capLabel('urgency', 'Soon', locale)).toBe('Soon');
      expect(capLabel('severity', 'severe', locale)).toBe('severe');
      expect(capLabel('certainty', 'toString', locale)).toBe('toString');
      expect(capLabel('certainty', '', locale)).toBe('');
    }
  });
});
