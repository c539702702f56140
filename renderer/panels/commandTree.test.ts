import { describe, expect, it } from 'vitest';
import type { CommandNode } from '../../shared/domain/commandNode.ts';
import {
  ancestorCodes, buildTree, countLevels, expandableCodes, initialExpanded, nodeMatches, normaliseQuery,
  searchRows, toggleExpanded, visibleRows,
} from './commandTree.ts';

const city: CommandNode = { code: '310000000000', level: 'city', name: '上海市', nameEn: 'Shanghai', parentCode: null, exercise: false };
const huangpu: CommandNode = { code: '310101000000', level: 'district', name: '黄浦区', nameEn: 'Huangpu District', parentCode: city.code, exercise: false };
const pudong: CommandNode = { code: '310115000000', level: 'district', name: '浦东新区', nameEn: 'Pudong New Area', parentCode: city.code, exercise: false };
const nanjingEast: CommandNode = { code: '310101002000', level: 'street', kind: '街道', name: '南京东路街道', nameEn: 'Nanjing East Road Subdistrict', parentCode: huangpu.code, exercise: false };
const bund: CommandNode = { code: '310101013000', level: 'street', kind: '街道', name: '外滩街道', nameEn: 'The Bund Subdistrict', parentCode: huangpu.code, exercise: false };
const lujiazui: CommandNode = { code: '310115004000', level: 'street', kind: '街道', name: '陆家嘴街道', nameEn: 'Lujiazui Subdistrict', parentCode: pudong.code, exercise: false };
const zhoupu: CommandNode = { code: '310115125000', level: 'street', kind: '镇', name: '周浦镇', parentCode: pudong.code, exercise: false };

// Deliberately out of order: the tree must not depend on the order the store returns.
const NODES = [zhoupu, bund, pudong, city, lujiazui, nanjingEast, huangpu];
const codes = (rows: { code: string }[]) => rows.map((row) => row.code);

describe('buildTree and visibleRows', () => {
  const tree = buildTree(NODES);

  it('shows only the city while nothing is expanded', () => {
    expect(codes(visibleRows(tree, new Set()))).toEqual([city.code]);
  });

  it('opens the city by default so every district is in view, streets folded', () => {
    const rows = visibleRows(tree, initialExpanded(tree));
    expect(codes(rows)).toEqual([city.code, huangpu.code, pudong.code]);
    expect(rows.map((row) => row.depth)).toEqual([0, 1, 1]);
    expect(rows[0]).toMatchObject({ expanded: true, childCount: 2 });
    expect(rows[1]).toMatchObject({ expanded: false, childCount: 2 });
  });

  it('places a district\'s streets right under it, sorted by code, when it is expanded', () => {
    const rows = visibleRows(tree, new Set([city.code, huangpu.code]));
    expect(codes(rows)).toEqual([city.code, huangpu.code, nanjingEast.code, bund.code, pudong.code]);
    expect(rows[2]).toMatchObject({ depth: 2, childCount: 0, expanded: false });
  });

  it('does not show the children of an expanded node whose parent is folded', () => {
    expect(codes(visibleRows(tree, new Set([huangpu.code])))).toEqual([city.code]);
  });

  it('gives every row its pre-order position so sorting by it keeps the tree shape', () => {
    const all = visibleRows(tree, expandableCodes(tree));
    expect(all.map((row) => row.order)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(codes(all)).toEqual([city.code, huangpu.code, nanjingEast.code, bund.code, pudong.code, lujiazui.code, zhoupu.code]);
  });

  it('keeps a node whose parent is missing as a root instead of dropping it', () => {
    const orphan: CommandNode = { ...lujiazui, code: '310120001000', parentCode: '310120000000' };
    const rows = visibleRows(buildTree([city, orphan]), new Set());
    expect(codes(rows)).toEqual([city.code, orphan.code]);
  });

  it('survives a parent cycle in bad data', () => {
    const a: CommandNode = { ...huangpu, code: '310101000000', parentCode: '310104000000' };
    const b: CommandNode = { ...huangpu, code: '310104000000', parentCode: '310101000000' };
    const rows = visibleRows(buildTree([a, b]), new Set([a.code, b.code]));
    expect(codes(rows).sort()).toEqual([a.code, b.code]);
  });
});

describe('expand and collapse', () => {
  const tree = buildTree(NODES);

  it('expand all opens every node with children', () => {
    expect([...expandableCodes(tree)].sort()).toEqual([city.code, huangpu.code, pudong.code]);
  });

  it('toggles one district without touching the others', () => {
    const once = toggleExpanded(new Set([city.code]), pudong.code);
    expect([...once].sort()).toEqual([city.code, pudong.code]);
    expect([...toggleExpanded(once, pudong.code)]).toEqual([city.code]);
  });

  it('opens the way down to this console\'s own node', () => {
    expect([...initialExpanded(tree, bund.code)].sort()).toEqual([city.code, huangpu.code]);
    expect(ancestorCodes(tree, bund.code)).toEqual([huangpu.code, city.code]);
  });
});

describe('search', () => {
  const tree = buildTree(NODES);

  it('finds a street by its full code and shows its district and the city above it', () => {
    const result = searchRows(tree, '310101013000');
    expect(result.matches).toBe(1);
    expect(codes(result.rows)).toEqual([city.code, huangpu.code, bund.code]);
    expect(result.rows.map((row) => [row.matched, row.context, row.expanded])).toEqual([
      [false, true, true], [false, true, true], [true, false, false],
    ]);
  });

  it('finds by Chinese name substring', () => {
    const result = searchRows(tree, '陆家嘴');
    expect(result.matches).toBe(1);
    expect(codes(result.rows)).toEqual([city.code, pudong.code, lujiazui.code]);
  });

  it('finds by English name, ignoring case and spaces', () => {
    expect(codes(searchRows(tree, '  the bund ').rows)).toEqual([city.code, huangpu.code, bund.code]);
    expect(searchRows(tree, 'SUBDISTRICT').matches).toBe(3);
  });

  it('finds by a code prefix: a district and all its streets match', () => {
    const result = searchRows(tree, '310115');
    expect(result.matches).toBe(3);
    expect(codes(result.rows)).toEqual([city.code, pudong.code, lujiazui.code, zhoupu.code]);
    expect(result.rows[1]).toMatchObject({ matched: true, context: false, expanded: true });
  });

  it('shows a matching district expanded only towards its matching streets', () => {
    const result = searchRows(tree, '黄浦');
    expect(codes(result.rows)).toEqual([city.code, huangpu.code]);
    expect(result.rows[1]).toMatchObject({ matched: true, expanded: false, childCount: 2 });
  });

  it('returns nothing for an empty query or no match', () => {
    expect(searchRows(tree, '   ')).toEqual({ rows: [], matches: 0 });
    expect(searchRows(tree, '北京')).toEqual({ rows: [], matches: 0 });
  });

  it('matches a node without an English name by its Chinese name, code and pinyin', () => {
    expect(nodeMatches(zhoupu, normaliseQuery('周浦'))).toBe(true);
    expect(nodeMatches(zhoupu, normaliseQuery('zhoupu'))).toBe(true);
    expect(nodeMatches(zhoupu, normaliseQuery('zpz'))).toBe(true);
    expect(nodeMatches(zhoupu, normaliseQuery('beijing'))).toBe(false);
  });

  it('finds a street by pinyin, spaced syllables and initials, as an English-speaking liaison types them', () => {
    for (const query of ['Nanjing', 'nanjing dong lu', 'njdl']) {
      expect(codes(searchRows(tree, query).rows), query).toEqual([city.code, huangpu.code, nanjingEast.code]);
    }
    expect(codes(searchRows(tree, 'ljz').rows)).toEqual([city.code, pudong.code, lujiazui.code]);
  });
});

describe('countLevels', () => {
  it('counts districts and streets/towns for the header line', () => {
    expect(countLevels(NODES)).toEqual({ districts: 2, streets: 4 });
  });
});
