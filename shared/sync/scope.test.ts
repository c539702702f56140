import { describe, expect, it } from 'vitest';
import { isAncestor, mayWrite, visibleTo } from './scope.ts';

const CITY = '310000000000';
const HUANGPU = '310101000000';
const XUHUI = '310104000000';
const STREET_HP = '310101002000';
const STREET_HP2 = '310101013000';
const STREET_XH = '310104003000';

describe('scope rules', () => {
  it('lets a street hold its own ops, its district\'s, the city\'s and city-wide ones, and nothing of its neighbours', () => {
    expect(visibleTo(STREET_HP, STREET_HP)).toBe(true);
    expect(visibleTo(STREET_HP, HUANGPU)).toBe(true);
    expect(visibleTo(STREET_HP, CITY)).toBe(true);
    expect(visibleTo(STREET_HP, '*')).toBe(true);
    expect(visibleTo(STREET_HP, STREET_HP2)).toBe(false);
    expect(visibleTo(STREET_HP, XUHUI)).toBe(false);
    expect(visibleTo(STREET_HP, STREET_XH)).toBe(false);
  });

  it('lets a district hold its whole subtree but not a sibling district', () => {
    expect(visibleTo(HUANGPU, STREET_HP2)).toBe(true);
    expect(visibleTo(HUANGPU, CITY)).toBe(true);
    expect(visibleTo(HUANGPU, STREET_XH)).toBe(false);
    expect(mayWrite(HUANGPU, XUHUI)).toBe(false);
  });

  it('lets the city hold everything in its region, and refuses malformed scopes', () => {
    expect(visibleTo(CITY, STREET_XH)).toBe(true);
    expect(visibleTo(CITY, '320101000000')).toBe(false);
    expect(visibleTo(CITY, '31010')).toBe(false);
    expect(isAncestor(CITY, STREET_HP)).toBe(true);
    expect(isAncestor(STREET_HP, STREET_HP)).toBe(false);
  });
});
