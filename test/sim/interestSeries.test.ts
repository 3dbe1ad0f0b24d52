/**
 * Interest on cash from a rate that changes over time (data/rates.ts): each day earns the rate
 * in force at its start, days of one rate accrue in one step (as a constant's do), days before
 * the first row earn nothing, and a one-row series is the constant to the cent.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { RateSeries } from '../../src/data/rates.js';
import { simulate } from '../../src/sim/engine.js';
import { bars, DAY, flat, scripted, setup, T0 } from './fixtures.js';

/** 10,000 compounded by steps of [days, annual rate], each step rounded half-even to the cent. */
function compounded(steps: readonly (readonly [number, number])[]): string {
  let cash = new Decimal(10000);
  for (const [days, rate] of steps) if (rate > 0) cash = cash.plus(cash.times(new Decimal((1 + rate) ** (days / 365) - 1)).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN));
  return cash.toFixed();
}

const run = (series: ReturnType<typeof bars>, cashRate: number | RateSeries): string => simulate(setup([series], () => scripted({}), { cashRate, minorUnitPlaces: 2 })).ledger.cash.toFixed();

describe('interest from a rate series', () => {
  it('accrues each day at the rate in force at its start, splitting a gap where the rate changes', () => {
    // bars on days 0-4, then a gap to day 8, then days 8-9; nothing trades
    const series = bars('A', flat([100, 100, 100, 100, 100, 100, 100]));
    for (let i = 5; i < 7; i++) series.time[i] = T0 + (i + 3) * DAY;
    // 5 % from day 0; 8 % from day 6 (inside the gap, at noon: in force from day 7's start); 0 from day 9
    const rates: RateSeries = { source: 'r.csv', time: [T0, T0 + 6 * DAY + DAY / 2, T0 + 9 * DAY], rate: [0.05, 0.08, 0] };
    // days 1-4 one at a time at 5 %; the gap to day 8: days 4-6 at 5 % (start before the noon row), day 7 at 8 %; day 9 at 8 % (it starts on day 8)
    expect(run(series, rates)).toBe(compounded([[1, 0.05], [1, 0.05], [1, 0.05], [1, 0.05], [3, 0.05], [1, 0.08], [1, 0.08]]));
  });

  it('earns nothing before the first row, and a one-row series is the constant', () => {
    const series = bars('A', flat([100, 100, 100, 100, 100, 100]));
    const late: RateSeries = { source: 'r.csv', time: [T0 + 3 * DAY], rate: [0.05] };
    expect(run(series, late)).toBe(compounded([[1, 0.05], [1, 0.05]]));
    expect(run(series, { source: 'r.csv', time: [T0 - 400 * DAY], rate: [0.05] })).toBe(run(series, 0.05));
    expect(run(series, { source: 'r.csv', time: [T0], rate: [0] })).toBe('10000');
  });
});
