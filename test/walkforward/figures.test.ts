import { describe, expect, it } from 'vitest';
import { comparableObjective, efficiency, parameterStability, sharpeTStatistic, shareProfitable } from '../../src/walkforward/figures.js';

describe('walk-forward figures', () => {
  it('parameter stability is 1 - min(|sd/mean|, 1), sample deviation', () => {
    // 1, 2, 3: mean 2, sample sd 1 -> 1 - 0.5
    expect(parameterStability([1, 2, 3])).toBeCloseTo(0.5, 15);
    // 1.1, 1.1, 1.15, 1.15: mean 1.125, sd = sqrt(4 * 0.025^2 / 3) = 0.0288675...
    expect(parameterStability([1.1, 1.1, 1.15, 1.15])).toBeCloseTo(1 - Math.sqrt((4 * 0.025 ** 2) / 3) / 1.125, 14);
    expect(parameterStability([5, 5, 5])).toBe(1);
    // a spread as wide as the mean or wider: 0
    expect(parameterStability([0, 10])).toBe(0);
    expect(parameterStability([-1, 1])).toBe(0);
    expect(parameterStability([-2, -4])).toBeCloseTo(1 - Math.SQRT2 / 3, 14);
    expect(parameterStability([7])).toBeNull();
    expect(parameterStability([])).toBeNull();
  });

  it('efficiency is out of sample over the mean of the known in-sample figures', () => {
    expect(efficiency(0.05, [0.1, 0.1, null, 0.1])).toBeCloseTo(0.5, 15);
    expect(efficiency(-0.02, [0.04, 0.08])).toBeCloseTo(-1 / 3, 15);
    expect(efficiency(0.1, [0.1, -0.1])).toBeNull(); // a mean of 0 says nothing
    expect(efficiency(null, [0.1])).toBeNull();
    expect(efficiency(Number.NaN, [0.1])).toBeNull();
    expect(efficiency(0.1, [null, Number.POSITIVE_INFINITY])).toBeNull();
  });

  it('the share of profitable windows counts returns above 0 among the known', () => {
    expect(shareProfitable([0.01, -0.02, 0, 0.03, null])).toBe(0.5);
    expect(shareProfitable([null])).toBeNull();
    expect(shareProfitable([-0.1])).toBe(0);
  });

  it('the t-statistic is the per-day Sharpe times sqrt(T)', () => {
    // 0.01, 0.03: mean 0.02, sample sd sqrt(0.0002) -> 0.02 / 0.0141421 * sqrt(2) = 2
    expect(sharpeTStatistic([0.01, 0.03])).toBeCloseTo(2, 12);
    const returns = [0.01, -0.005, 0.002, 0.007, -0.001];
    const mean = returns.reduce((a, b) => a + b, 0) / 5;
    const sd = Math.sqrt(returns.reduce((s, r) => s + (r - mean) ** 2, 0) / 4);
    expect(sharpeTStatistic(returns)).toBeCloseTo((mean / sd) * Math.sqrt(5), 12);
    expect(sharpeTStatistic([0.01, 0.01])).toBeNull();
    expect(sharpeTStatistic([0.01])).toBeNull();
  });

  it('makes objectives comparable between a long train and a short test window', () => {
    const span = { months: 6, years: 0.5, initialCapital: 100_000 };
    expect(comparableObjective('goals.monthsReturnGoalMet', 3, span)).toBe(0.5);
    expect(comparableObjective('goals.monthsReturnGoalMet', 3, { ...span, months: 0 })).toBeNull();
    expect(comparableObjective('metrics.totalReturn', 0.21, { ...span, years: 2 })).toBeCloseTo(0.1, 14);
    expect(comparableObjective('metrics.totalReturn', -1, span)).toBe(-1);
    expect(comparableObjective('metrics.trades', 10, span)).toBe(20);
    expect(comparableObjective('finalEquity', 121_000, { ...span, years: 2 })).toBeCloseTo(0.1, 14);
    expect(comparableObjective('finalEquity', 0, span)).toBe(-1);
    expect(comparableObjective('metrics.sharpe', 1.3, span)).toBe(1.3);
    expect(comparableObjective('metrics.sharpe', null, span)).toBeNull();
    expect(comparableObjective('metrics.sharpe', Number.NaN, span)).toBeNull();
    expect(comparableObjective('metrics.sharpe', 1, { ...span, years: 0 })).toBeNull();
  });
});
