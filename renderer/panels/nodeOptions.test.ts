import { describe, expect, it } from 'vitest';
import type { CommandNode } from '../../shared/domain/commandNode.ts';
import { firstOption, nodeOptionGroups } from './nodeOptions.ts';

const node = (code: string, level: CommandNode['level'], name: string, parentCode: string | null, nameEn?: string): CommandNode =>
  ({ code, level, name, parentCode, exercise: false, ...(nameEn ? { nameEn } : {}) });

const NODES = [
  node('310000000000', 'city', '上海市', null, 'Shanghai'),
  node('310115000000', 'district', '浦东新区', '310000000000', 'Pudong New Area'),
  node('310101000000', 'district', '黄浦区', '310000000000', 'Huangpu District'),
  node('310101013000', 'street', '外滩街道', '310101000000', 'The Bund Subdistrict'),
  node('310115004000', 'street', '陆家嘴街道', '310115000000', 'Lujiazui Subdistrict'),
];

describe('nodeOptionGroups', () => {
  it('groups every node under the city or its district, in code order', () => {
    const groups = nodeOptionGroups(NODES, '', 'zh-CN');
    expect(groups.map((g) => [g.label, g.options.map((o) => o.code)])).toEqual([
      ['上海市', ['310000000000']],
      ['黄浦区', ['310101000000', '310101013000']],
      ['浦东新区', ['310115000000', '310115004000']],
    ]);
    expect(groups[1]?.options[1]?.label).toBe('外滩街道 · 310101013000');
  });

  it('labels in English in the English interface', () => {
    expect(nodeOptionGroups(NODES, '', 'en')[2]?.label).toBe('Pudong New Area');
  });

  it('narrows by name or code and drops empty groups', () => {
    const groups = nodeOptionGroups(NODES, '陆家嘴', 'zh-CN');
    expect(groups).toEqual([{ label: '浦东新区', options: [{ code: '310115004000', label: '陆家嘴街道 · 310115004000' }] }]);
    expect(firstOption(nodeOptionGroups(NODES, '310101013', 'zh-CN'))).toBe('310101013000');
  });

  it('keeps the current choice listed when the filter excludes it', () => {
    const groups = nodeOptionGroups(NODES, '陆家嘴', 'zh-CN', '310101013000');
    expect(groups.flatMap((g) => g.options.map((o) => o.code))).toEqual(['310101013000', '310115004000']);
  });
});
