import { describe, expect, it } from 'vitest';
import { ANNUALISED_METRICS, ANNUALISED_MIN_RETURNS, annualisationNote, computeMetrics, dailyCloses, dailyReturns, detectPeriodsPerYear, METRIC_KEYS, metricText, sampleStdev, sharpeRatio } from '../../src/analysis/metrics.js';
import { Amount, type Trade } from '../../src/ledger/index.js';
import { CurveSummariser, summariseCurve } from '../../src/sim/equityCurve.js';
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
  // computed in each test, not while the suite is collected: mutation testing counts a test's own work only
  const metrics = () => computeMetrics(c, [trade('30'), trade('-10'), trade('5')], 100, 108.9, 252);

  it('total return, volatility, Sharpe, Sortino', () => {
    const m = metrics();
    expect(m.totalReturn).toBeCloseTo(0.089, 12);
    // mean r = 0.1/3; sample sd of (0.1, -0.1, 0.1) = sqrt(((2/30)^2*2 + (4/30)^2)/2) = 0.11547005
    expect(m.volatility).toBeCloseTo(0.1154700538 * Math.sqrt(252), 8);
    expect(m.sharpe).toBeCloseTo((0.1 / 3 / 0.1154700538) * Math.sqrt(252), 6);
    // downside deviation = sqrt((0 + 0.01 + 0) / 3) = 0.0577350269
    expect(m.sortino).toBeCloseTo((0.1 / 3 / 0.0577350269) * Math.sqrt(252), 6);
  });

  it('max drawdown, CAGR over calendar time, Calmar', () => {
    const m = metrics();
    expect(m.maxDrawdown).toBeCloseTo(0.1, 12); // 110 -> 99
    const years = (3 * DAY) / (365.25 * DAY);
    expect(m.cagr).toBeCloseTo(1.089 ** (1 / years) - 1, 6);
    expect(m.calmar).toBeCloseTo((m.cagr ?? NaN) / 0.1, 6);
  });

  it('trades, win rate, profit factor, time in market', () => {
    const m = metrics();
    expect(m.trades).toBe(3);
    expect(m.winRate).toBeCloseTo(2 / 3, 12);
    expect(m.profitFactor).toBeCloseTo(35 / 10, 12);
    expect(m.timeInMarket, 'two of four instants hold a position').toBe(0.5);
  });

  it('exposure weighted by the time each instant holds, and turnover over the mean equity a year', () => {
    const m = metrics();
    // exposure 0, 0.5, 0, 0.5 on four days: each holds until the next, the last for no time, so
    // (0 + 0.5 + 0) days / 3 days; equity 100, 110, 99 held a day each: mean 103
    const withNotional = computeMetrics(c, [], 100, 108.9, 252, 412);
    expect(withNotional.meanExposure).toBeCloseTo(1 / 6, 15);
    expect(withNotional.maxExposure).toBe(0.5);
    expect(withNotional.turnover).toBeCloseTo(412 / 103 / (3 / 365.25), 9);
    expect(m.turnover, 'no fills, no turnover').toBe(0);
    // the weights are times, not rows: a two-day gap weighs twice
    const uneven = { ...curve([100, 100, 100]), time: Float64Array.from([0, 2 * DAY, 3 * DAY]), exposure: Float64Array.from([0.3, 0.9, 0.1]) };
    expect(computeMetrics(uneven, [], 100, 100, 252).meanExposure).toBeCloseTo((0.3 * 2 + 0.9) / 3, 15);
    // one instant: its own exposure, and no turnover over no time
    const one = { ...curve([100]), exposure: Float64Array.from([0.4]) };
    expect(computeMetrics(one, [], 100, 100, 252, 50)).toMatchObject({ meanExposure: 0.4, maxExposure: 0.4, turnover: null });
  });

  it('reads the same from a curve handed over in pieces as from the whole', () => {
    const whole = curve([100, 104, 97, 101, 108, 111]);
    const summariser = new CurveSummariser();
    summariser.add(whole, 0, 2);
    summariser.add(whole, 2, 3);
    summariser.add(whole, 3, 6);
    expect(summariser.summary()).toEqual(summariseCurve(whole));
    expect(computeMetrics(summariser.summary(), [], 100, 111, 252, 300)).toEqual(computeMetrics(whole, [], 100, 111, 252, 300));
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

/** A daily (or weekly, monthly) curve whose returns are `returns`, from 100. */
function curveOfReturns(returns: readonly number[], step = DAY): EquityCurve {
  const equity = [100];
  for (const r of returns) equity.push((equity[equity.length - 1] as number) * (1 + r));
  return curve(equity, Date.UTC(2000, 0, 30), step);
}

// The test series and expected values of quantopian/empyrical 0.5.5, empyrical/tests/test_stats.py
// (asserted there to 8 decimals). Its conventions, which goalsim shares: Sharpe and volatility use
// the sample standard deviation (ddof 1) of the periodic returns, times sqrt(periods a year); the
// Sortino ratio divides the mean return by the root mean square of min(r, 0) over all periods
// (not only the losing ones). Where it differs: empyrical's annual return compounds over
// len(returns) / periods-a-year years (a leading NaN counted as a period); goalsim's CAGR over the
// calendar time between the first and last instant (365.25 days a year), so Calmar differs by the
// same factor; and where empyrical gives +-inf (no losing period), goalsim gives null.
const MIXED = [0.01, 0.1, -0.04, 0.02, 0.03, 0.02, 0.01, -0.1]; // empyrical's mixed_returns without its leading NaN
const POSITIVE = [0.01, 0.02, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01];
const NEGATIVE = [0, -0.06, -0.07, -0.01, -0.09, -0.02, -0.06, -0.08, -0.05];
const WEEKLY_OR_MONTHLY = [0, 0.01, 0.1, -0.04, 0.02, 0.03, 0.02, 0.01, -0.1];

const metricsOf = (returns: readonly number[], periodsPerYear: number, step = DAY) => {
  const c = curveOfReturns(returns, step);
  return computeMetrics(c, [], 100, c.equity[c.length - 1] as number, periodsPerYear);
};

describe('computeMetrics against empyrical', () => {
  it('mixed daily returns: volatility, Sharpe, Sortino, max drawdown', () => {
    const m = metricsOf(MIXED, 252);
    expect(m.volatility).toBeCloseTo(0.9136465399704637, 8);
    expect(m.sharpe).toBeCloseTo(1.7238613961706866, 8);
    expect(m.sortino).toBeCloseTo(2.605531251673693, 8);
    expect(m.maxDrawdown).toBeCloseTo(0.1, 12); // empyrical: -0.1
  });

  it('mixed daily returns: the same growth, annualised by calendar time instead of by count', () => {
    const m = metricsOf(MIXED, 252);
    // empyrical's annual return 1.9135925373194231 is (1 + total)^(252 / 9) - 1 with its 9 periods
    expect((1 + m.totalReturn) ** (252 / 9) - 1).toBeCloseTo(1.9135925373194231, 8);
    // goalsim's: 8 calendar days from the first close to the last
    expect(m.cagr).toBeCloseTo((1 + m.totalReturn) ** (365.25 / 8) - 1, 10);
    // Calmar is the annual return over the drawdown in both: empyrical 19.135925373194233
    expect(m.calmar).toBeCloseTo((m.cagr ?? NaN) / 0.1, 8);
  });

  it('all positive and all negative returns', () => {
    const up = metricsOf(POSITIVE, 252);
    expect(up.sharpe).toBeCloseTo(52.915026221291804, 8);
    expect(up.sortino, 'empyrical: inf').toBeNull();
    expect(up.maxDrawdown).toBe(0);
    const down = metricsOf(NEGATIVE, 252);
    expect(down.sharpe).toBeCloseTo(-24.406808633910085, 8);
    expect(down.sortino).toBeCloseTo(-13.532743075043401, 8);
    // empyrical: the max drawdown of a series that only falls is its cumulative return
    expect(down.maxDrawdown).toBeCloseTo(1 - NEGATIVE.reduce((g, r) => g * (1 + r), 1), 12);
  });

  it('weekly and monthly returns with 52 and 12 periods a year', () => {
    const weekly = metricsOf(WEEKLY_OR_MONTHLY, 52, 7 * DAY);
    expect(weekly.volatility).toBeCloseTo(0.38851569394870583, 8);
    expect(weekly.sortino).toBeCloseTo(1.1158901056866439, 8);
    // a month as 30 days: every close still falls on a day of its own
    const monthly = metricsOf(WEEKLY_OR_MONTHLY, 12, 30 * DAY);
    expect(monthly.volatility).toBeCloseTo(0.18663690238892558, 8);
    expect(monthly.sortino).toBeCloseTo(0.53605626741889756, 8);
  });
});

describe('metric building blocks', () => {
  it('sampleStdev and sharpeRatio by hand, and null where undefined', () => {
    expect(sampleStdev([1, 2, 3, 4])).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(sampleStdev([5])).toBeNaN();
    expect(sharpeRatio([0.01, 0.03], 4)).toBeCloseTo((0.02 / Math.sqrt(0.0002)) * 2, 12);
    expect(sharpeRatio([0.01, 0.01, 0.01], 252)).toBeNull();
    expect(sharpeRatio([0.01], 252)).toBeNull();
  });

  it('dailyCloses keeps the last equity of each UTC day', () => {
    const c = curve([100, 101, 102, 103], Date.UTC(2021, 0, 4, 20), 3 * 3_600_000); // 20:00, 23:00, 02:00, 05:00
    const closes = dailyCloses(c);
    expect(Array.from(closes.equity)).toEqual([101, 103]);
    expect(closes.day).toHaveLength(2);
  });

  it('annualisationNote marks figures from fewer than 60 daily returns', () => {
    expect(annualisationNote(59)).toBe('annualised from 59 daily returns (fewer than 60): read with care');
    expect(annualisationNote(60)).toBeNull();
    expect(annualisationNote(undefined)).toBeNull();
    expect(ANNUALISED_MIN_RETURNS).toBe(60);
    expect(ANNUALISED_METRICS).toEqual(['cagr', 'volatility', 'sharpe', 'sortino', 'calmar']);
  });

  it('a run that loses everything or has no time has no CAGR, and an empty curve no exposure', () => {
    const wiped = computeMetrics(curve([100, 50, 0]), [], 100, 0, 252);
    expect(wiped.cagr).toBeNull();
    expect(wiped.totalReturn).toBe(-1);
    const instant = computeMetrics(curve([100]), [], 100, 100, 252);
    expect([instant.cagr, instant.volatility, instant.sharpe]).toEqual([null, null, null]);
    const empty = computeMetrics(curve([]), [], 100, 100, 252);
    expect([empty.timeInMarket, empty.meanExposure, empty.maxExposure, empty.turnover]).toEqual([0, 0, 0, null]);
    expect(empty.cagr).toBeNull();
  });

  it('profit factor without losses and win rate counting only gains', () => {
    const m = computeMetrics(curve([100, 101, 102]), [trade('1'), trade('0'), trade('2')], 100, 102, 252);
    expect(m.profitFactor).toBeNull();
    expect(m.winRate).toBeCloseTo(2 / 3, 15);
    expect(computeMetrics(curve([100, 99]), [trade('-1')], 100, 99, 252).profitFactor).toBe(0);
  });
});

describe('metric display', () => {
  it('lists every metric once, and prints each kind', () => {
    expect(new Set(METRIC_KEYS).size).toBe(METRIC_KEYS.length);
    expect(Object.keys(computeMetrics(curve([100, 101]), [], 100, 101, 252)).sort()).toEqual([...METRIC_KEYS].sort());
    expect([metricText(0.1234, 'percent'), metricText(1.234, 'ratio'), metricText(7, 'count'), metricText(3.214, 'multiple'), metricText(null, 'ratio'), metricText(NaN, 'percent', '')]).toEqual(['12.34%', '1.23', '7', '3.21x', '–', '']);
  });
});
