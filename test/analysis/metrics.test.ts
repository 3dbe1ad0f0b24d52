import { describe, expect, it } from 'vitest';
import { computeMetrics, dailyReturns, detectPeriodsPerYear } from '../../src/analysis/metrics.js';
import { Amount, type Trade } from '../../src/ledger/index.js';
import type { EquityCurve } from '../../src/sim/types.js';

const DAY = 86_400_000;

function curve(equity: number[], start = Date.UTC(2021, 0, 4), step = DAY): EquityCurve {
  let peak = -Infinity;
  return {
    length: equity.length,
    time: Float64Array.from(equity, (_, i) => start + i * step),
    equity: Float64Array.from(equity),
    cash: Float64Array.from(equity),
    exposure: Float64Array.from(equity, (_, i) => (i % 2 === 0 ? 0 : 0.5)),
    drawdown: Float64Array.from(equity, (e) => {
      peak = Math.max(peak, e);
      return 1 - e / peak;
    }),
  };
}

const trade = (pnl: string): Trade => ({ symbol: 'A', direction: 'long', entryTime: 0, entryPrice: Amount.of('1'), exitTime: 1, exitPrice: Amount.of('1'), quantity: Amount.of('1'), fees: Amount.of('0'), pnl: Amount.of(pnl), returnPct: 0, exitReason: 'exit' });

describe('computeMetrics against hand-computed values', () => {
  // equity 100, 110, 99, 108.9 on four weekdays (Mon 2021-01-04 ..): returns +10%, -10%, +10%
  const c = curve([100, 110, 99, 108.9]);
  const m = computeMetrics(c, [trade('30'), trade('-10'), trade('5')], 100, 108.9, 252);

  it('total return, volatility, Sharpe, Sortino', () => {
    expect(m.totalReturn).toBeCloseTo(0.089, 12);
    // mean r = 0.1/3; sample sd of (0.1, -0.1, 0.1) = sqrt(((2/30)^2*2 + (4/30)^2)/2) = 0.11547005
    expect(m.volatility).toBeCloseTo(0.1154700538 * Math.sqrt(252), 8);
    expect(m.sharpe).toBeCloseTo((0.1 / 3 / 0.1154700538) * Math.sqrt(252), 6);
    // downside deviation = sqrt((0 + 0.01 + 0) / 3) = 0.0577350269
    expect(m.sortino).toBeCloseTo((0.1 / 3 / 0.0577350269) * Math.sqrt(252), 6);
  });

  it('max drawdown, CAGR over calendar time, Calmar', () => {
    expect(m.maxDrawdown).toBeCloseTo(0.1, 12); // 110 -> 99
    const years = (3 * DAY) / (365.25 * DAY);
    expect(m.cagr).toBeCloseTo(1.089 ** (1 / years) - 1, 6);
    expect(m.calmar).toBeCloseTo((m.cagr ?? NaN) / 0.1, 6);
  });

  it('trades, win rate, profit factor, exposure', () => {
    expect(m.trades).toBe(3);
    expect(m.winRate).toBeCloseTo(2 / 3, 12);
    expect(m.profitFactor).toBeCloseTo(35 / 10, 12);
    expect(m.exposure, 'two of four instants hold a position').toBe(0.5);
  });

  it('uses the last equity of each UTC day for daily returns', () => {
    const intraday = curve([100, 105, 102, 104, 110], Date.UTC(2021, 0, 4, 10), 8 * 3_600_000);
    // instants at 10:00, 18:00, 02:00(+1), 10:00(+1), 18:00(+1): day closes 105 and 110
    expect(dailyReturns(intraday)).toEqual([110 / 105 - 1]);
  });

  it('reports null where a ratio is undefined', () => {
    const flat = computeMetrics(curve([100, 100, 100]), [], 100, 100, 252);
    expect([flat.sharpe, flat.sortino, flat.calmar, flat.winRate, flat.profitFactor]).toEqual([null, null, null, null, null]);
  });

  it('annualises with 365 when bars fall on weekends, else 252', () => {
    expect(detectPeriodsPerYear([curve([1, 1, 1, 1, 1]).time])).toBe(252); // Mon..Fri
    expect(detectPeriodsPerYear([curve([1, 1, 1, 1, 1, 1]).time])).toBe(365); // reaches Saturday
  });
});
