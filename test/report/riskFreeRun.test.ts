/**
 * metrics.riskFreeRate in a run: Sharpe falls by the daily rate over the daily deviation
 * (annualised: rate x periodsPerYear / volatility), the rate is recorded in summary.json, and a
 * run without one writes summary.json as before (no key).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { periodRate } from '../../src/analysis/metrics.js';
import { goalsim, tempDir } from '../helpers.js';

interface Summary {
  period: { periodsPerYear: number; riskFreeRate?: number };
  metrics: { sharpe: number; volatility: number; sortino: number; cagr: number };
}

describe('a risk-free rate', () => {
  it('lowers Sharpe by the rate over the volatility and leaves the rest', () => {
    const dir = tempDir();
    const scenario = JSON.parse(readFileSync('scenarios/compare/dax-fixed-fraction.json', 'utf8')) as { data: { path: string }[] };
    const data = scenario.data.map((d) => ({ ...d, path: resolve('data/dax-daily-close-1991-1998.csv') }));
    writeFileSync(join(dir, 'zero.json'), JSON.stringify({ ...scenario, data }));
    writeFileSync(join(dir, 'rate.json'), JSON.stringify({ ...scenario, data, metrics: { riskFreeRate: 0.03 } }));
    for (const name of ['zero', 'rate']) expect(goalsim(['run', join(dir, `${name}.json`), '--out', join(dir, name)]).code).toBe(0);
    const read = (name: string): Summary => JSON.parse(readFileSync(join(dir, name, 'summary.json'), 'utf8')) as Summary;
    const [zero, rate] = [read('zero'), read('rate')];
    expect(zero.period.riskFreeRate).toBeUndefined();
    expect(rate.period.riskFreeRate).toBe(0.03);
    const P = rate.period.periodsPerYear;
    expect(rate.metrics.sharpe).toBeCloseTo(zero.metrics.sharpe - (periodRate(0.03, P) * P) / zero.metrics.volatility, 6);
    expect(rate.metrics.sortino).toBeLessThan(zero.metrics.sortino);
    expect([rate.metrics.volatility, rate.metrics.cagr]).toEqual([zero.metrics.volatility, zero.metrics.cagr]);
  }, 60_000);
});
