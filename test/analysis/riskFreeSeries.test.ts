/**
 * A risk-free rate that changes over time: each daily return is less the rate in force at the
 * close it starts from, and Sharpe and Sortino are those of the excess returns, worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { computeMetrics, excessReturns, periodRate, sharpeRatio, sortinoRatio } from '../../src/analysis/metrics.js';
import type { RateSeries } from '../../src/data/rates.js';
import type { CurveSummary } from '../../src/sim/equityCurve.js';
import { inputsFingerprint, fingerprintDifference } from '../../src/scenario/fingerprint.js';
import { tempDir } from '../helpers.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DAY = 86_400_000;
// 5 % until day 102 begins, then 10 %
const SERIES: RateSeries = { source: 'rf.csv', time: [0, 102 * DAY], rate: [0.05, 0.1] };

describe('excess returns over a rate series', () => {
  it('take the rate in force at the close each return starts from', () => {
    const returns = [0.01, -0.005, 0.002, 0.004];
    const days = [100, 101, 102, 105];
    const low = 1.05 ** (1 / 252) - 1;
    const high = 1.1 ** (1 / 252) - 1;
    const excess = Array.from(excessReturns(returns, days, SERIES, 252));
    // the returns from the closes of days 100 and 101 at 5 %; from days 102 and 105 at 10 %
    expect(excess).toEqual([0.01 - low, -0.005 - low, 0.002 - high, 0.004 - high]);
    expect(periodRate(0.1, 252)).toBe(high);
    // Sharpe and Sortino of the excess returns against 0
    const mean = excess.reduce((a, b) => a + b, 0) / 4;
    const deviation = Math.sqrt(excess.reduce((sum, e) => sum + (e - mean) ** 2, 0) / 3);
    expect(sharpeRatio(excess, 252)).toBeCloseTo((mean / deviation) * Math.sqrt(252), 12);
    expect(sortinoRatio(excess, 252)).toBeCloseTo((mean / Math.sqrt((-0.005 - low) ** 2 / 4)) * Math.sqrt(252), 12);
  });

  it('are what computeMetrics measures Sharpe and Sortino on', () => {
    const equity = [100, 101, 100.495, 100.69599, 101.098774];
    const summary = { rows: 5, firstTime: 100 * DAY, lastTime: 105 * DAY, lastEquity: equity[4], equityTime: 0, exposureTime: 0, maxExposure: 0, exposedRows: 0, lastExposure: 0, maxDrawdown: 0.005, minEquity: 100, dailyCloses: { day: [100, 101, 102, 105, 106], equity } } as unknown as CurveSummary;
    const metrics = computeMetrics(summary, [], 100, equity[4] as number, 252, 0, SERIES);
    const returns = equity.slice(1).map((e, i) => e / (equity[i] as number) - 1);
    const excess = excessReturns(returns, [100, 101, 102, 105], SERIES, 252);
    expect(metrics.sharpe).toBe(sharpeRatio(excess, 252));
    expect(metrics.sortino).toBe(sortinoRatio(excess, 252));
    // a flat series and its constant agree to rounding (the constant's mean excess is mean - rate)
    const flat: RateSeries = { source: 'flat.csv', time: [0], rate: [0.05] };
    expect(computeMetrics(summary, [], 100, equity[4] as number, 252, 0, flat).sharpe).toBeCloseTo(computeMetrics(summary, [], 100, equity[4] as number, 252, 0, 0.05).sharpe as number, 12);
  });
});

describe('a rate file in the inputs a job records', () => {
  it('is hashed with the data files, so a resume notices it changed', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'rf.csv'), 'timestamp,rate\n2020-01-01,0.02\n');
    const scenario = { name: 's', data: [{ symbol: 'A', path: 'a.csv' }], account: { cashRate: { path: 'cash.csv' } }, metrics: { riskFreeRate: { path: 'rf.csv' } } };
    const before = inputsFingerprint(scenario, join(dir, 'scenario.json'));
    expect(Object.keys(before.data)).toEqual(['a.csv', 'cash.csv', 'rf.csv']);
    expect([before.data['a.csv'], before.data['cash.csv']]).toEqual(['missing', 'missing']);
    writeFileSync(join(dir, 'rf.csv'), 'timestamp,rate\n2020-01-01,0.03\n');
    expect(fingerprintDifference(before, inputsFingerprint(scenario, join(dir, 'scenario.json')))).toBe('the content of data file "rf.csv" differs');
  });
});
