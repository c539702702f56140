import { describe, expect, it } from 'vitest';
import { stockFlags } from './stockBoard.ts';

const now = new Date('2026-11-28T00:00:00.000Z');
const row = (balance: number, minLevel: number | null, earliestExpiry: string | null) => ({ balance, minLevel, earliestExpiry });

describe('stock flags', () => {
  it('flags an overdraft, and a balance below the minimum, but not a balance at the minimum', () => {
    expect(stockFlags(row(-5, 100, null), now)).toEqual(['overdraft']);
    expect(stockFlags(row(99, 100, null), now)).toEqual(['belowMinimum']);
    expect(stockFlags(row(100, 100, null), now)).toEqual([]);
    expect(stockFlags(row(0, null, null), now)).toEqual([]);
  });

  it('flags lots expiring within 30 days and lots already expired, only while stock is held', () => {
    expect(stockFlags(row(10, null, '2026-12-27T00:00:00.000Z'), now)).toEqual(['expiringSoon']);
    expect(stockFlags(row(10, null, '2026-12-29T00:00:00.000Z'), now)).toEqual([]);
    expect(stockFlags(row(10, null, '2026-11-27T00:00:00.000Z'), now)).toEqual(['expired']);
    expect(stockFlags(row(0, null, '2026-11-27T00:00:00.000Z'), now)).toEqual([]);
    expect(stockFlags(row(5, 20, '2026-12-01T00:00:00.000Z'), now)).toEqual(['belowMinimum', 'expiringSoon']);
    expect(stockFlags(row(10, null, '2026-12-05T00:00:00.000Z'), now, 5)).toEqual([]);
  });
});
