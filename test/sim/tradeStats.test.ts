import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Trade } from '../../src/ledger/index.js';
import { tradeStatsOf } from '../../src/sim/tradeStats.js';
import type { TradeStats, TradeWindow } from '../../src/sizing/types.js';

const DAY = 86_400_000;

/** The statistics as plainly as they can be written: the window's returns, mapped and filtered. */
function byTheDefinition(trades: readonly Trade[], window: TradeWindow, time: number): TradeStats {
  const recent = typeof window === 'number' ? trades.slice(Math.max(0, trades.length - window)) : trades.filter((trade) => trade.exitTime >= time - window.days * DAY);
  const returns = recent.map((trade) => trade.returnPct);
  const wins = returns.filter((r) => r > 0);
  const losses = returns.filter((r) => r <= 0);
  const mean = (values: readonly number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);
  const average = mean(returns);
  const variance = returns.length < 2 ? 0 : returns.reduce((sum, r) => sum + (r - average) ** 2, 0) / (returns.length - 1);
  return { trades: recent.length, winRate: recent.length === 0 ? 0 : wins.length / recent.length, avgWin: mean(wins), avgLoss: Math.abs(mean(losses)), sharpe: variance > 0 ? average / Math.sqrt(variance) : 0 };
}

describe('tradeStatsOf', () => {
  it('equals the definition bit for bit, for count and day windows, breakeven and NaN returns included', () => {
    const returnPct = fc.oneof(fc.double({ min: -0.2, max: 0.2, noNaN: true }), fc.constantFrom(0, -0, NaN));
    const trades = fc.array(fc.record({ gap: fc.integer({ min: 0, max: 3 * DAY }), returnPct }), { maxLength: 80 }).map((rows) => {
      let exitTime = 0;
      return rows.map(({ gap, returnPct: r }) => ({ exitTime: (exitTime += gap), returnPct: r }) as unknown as Trade);
    });
    const window = fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 60 }).map((days) => ({ days })));
    fc.assert(
      fc.property(trades, window, (list, w) => {
        const time = (list[list.length - 1]?.exitTime ?? 0) + DAY;
        const got = tradeStatsOf(list, w, time);
        const want = byTheDefinition(list, w, time);
        return (Object.keys(want) as (keyof TradeStats)[]).every((key) => Object.is(got[key], want[key]));
      }),
      { numRuns: 5_000 },
    );
  });

  it('counts a 30-day window back from the decision, a breakeven trade as a loss', () => {
    const trades = [1, 10, 35, 40].map((day, i) => ({ exitTime: day * DAY, returnPct: [0.1, -0.05, 0.02, 0][i] }) as unknown as Trade);
    // from day 11: the trades of days 35 (+2 %) and 40 (0); mean 1 %, stdev 1.414 %
    const stats = tradeStatsOf(trades, { days: 30 }, 41 * DAY);
    expect({ ...stats, sharpe: undefined }).toEqual({ trades: 2, winRate: 0.5, avgWin: 0.02, avgLoss: 0, sharpe: undefined });
    expect(stats.sharpe).toBeCloseTo(Math.SQRT1_2, 12);
    expect(tradeStatsOf(trades, 3).trades, 'a count window: the last 3').toBe(3);
  });
});
