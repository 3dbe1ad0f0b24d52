/**
 * Sharpe and Sortino over a risk-free rate, worked by hand on four daily returns: the annual
 * rate becomes a daily one that compounds back to it, the excess mean is over the returns'
 * sample deviation (Sharpe) or over the root mean square of the excess returns below 0 (Sortino),
 * both times sqrt(252). A rate of 0 gives exactly the figures without one.
 */
import { describe, expect, it } from 'vitest';
import { periodRate, sharpeRatio, sortinoRatio } from '../../src/analysis/metrics.js';

const RETURNS = [0.01, -0.005, 0.002, 0.004];

describe('the risk-free rate', () => {
  it('per period: compounds back to the annual rate', () => {
    expect((1 + periodRate(0.05, 252)) ** 252).toBeCloseTo(1.05, 12);
    // 1.05^(1/252) - 1 and 1.12^(1/12) - 1, to the digits shown
    expect(periodRate(0.05, 252)).toBeCloseTo(0.0001936305, 10);
    expect(periodRate(0, 252)).toBe(0);
    expect(periodRate(0.12, 12)).toBeCloseTo(0.00948879, 8);
  });

  it('Sharpe: the mean excess over the sample deviation, annualised', () => {
    const rate = 1.05 ** (1 / 252) - 1;
    // mean 0.00275; deviations 0.00725, -0.00775, -0.00075, 0.00125; squares 0.0000525625 + 0.0000600625 + 0.0000005625 + 0.0000015625 = 0.00011475; / 3
    const deviation = Math.sqrt(0.00011475 / 3);
    expect(sharpeRatio(RETURNS, 252, 0.05)).toBeCloseTo(((0.00275 - rate) / deviation) * Math.sqrt(252), 10);
    // the line above, evaluated: (0.00275 - 0.00019363) / 0.0061847 x 15.875
    expect(sharpeRatio(RETURNS, 252, 0.05)).toBeCloseTo(6.5616, 4);
    expect(sharpeRatio(RETURNS, 252)).toBeCloseTo((0.00275 / deviation) * Math.sqrt(252), 10);
    expect(sharpeRatio(RETURNS, 252, 0)).toBe(sharpeRatio(RETURNS, 252));
    expect(sharpeRatio([0.01, 0.01], 252, 0.05), 'no deviation: no ratio').toBeNull();
  });

  it('Sortino: the mean excess over the downside of the excess returns', () => {
    const rate = 1.05 ** (1 / 252) - 1;
    const downside = Math.sqrt(RETURNS.reduce((sum, r) => sum + Math.min(r - rate, 0) ** 2, 0) / 4);
    expect(downside).toBeCloseTo(Math.sqrt(((-0.005 - rate) ** 2) / 4), 15);
    expect(sortinoRatio(RETURNS, 252, 0.05)).toBeCloseTo(((0.00275 - rate) / downside) * Math.sqrt(252), 10);
    expect(sortinoRatio(RETURNS, 252)).toBeCloseTo((0.00275 / Math.sqrt(0.005 ** 2 / 4)) * Math.sqrt(252), 10);
    // a return between 0 and the daily rate is a shortfall against the rate, not against 0
    expect(sortinoRatio([0.0001, 0.01], 252, 0.05)).toBeCloseTo(((0.00505 - rate) / Math.sqrt((0.0001 - rate) ** 2 / 2)) * Math.sqrt(252), 8);
    expect(sortinoRatio([0.01, 0.02], 252), 'no return below 0: no ratio').toBeNull();
  });
});
