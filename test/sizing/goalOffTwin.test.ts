/** The goal-off twins: each goal-aware engine with the goals' influence removed and all else kept. */
import { describe, expect, it } from 'vitest';
import { createGoalKelly } from '../../src/sizing/goalKelly.js';
import { goalKellyParamsSchema } from '../../src/sizing/params.js';
import { catalogueEntry, defaultConfig, goalOffTwin, type SizingConfig } from '../../src/sizing/registry.js';
import type { SizingRequest } from '../../src/sizing/types.js';
import { Money } from '../../src/ledger/index.js';
import { tracked } from '../goals/fixtures.js';

describe('the catalogue declares the twins', () => {
  it('pipeline: the goal factor disabled, every other parameter kept', () => {
    const config = { engine: 'pipeline', params: catalogueEntry('pipeline').params.parse({ maxPositionPct: 0.3 }) } as SizingConfig;
    const twin = goalOffTwin(config);
    expect(twin?.engine).toBe('pipeline');
    expect(twin?.params).toEqual({ ...config.params, goalFactor: { ...(config.params as { goalFactor: object }).goalFactor, enabled: false } });
    // a pipeline whose goal factor is off already is its own twin: nothing to compare
    expect(goalOffTwin(twin as SizingConfig)).toBeUndefined();
  });

  it('goal-kelly: the base risk instead of the tracker\'s; engines without goals have none', () => {
    const twin = goalOffTwin(defaultConfig('goal-kelly'));
    expect(twin?.params).toEqual({ ...defaultConfig('goal-kelly').params, riskSource: 'base' });
    for (const engine of ['fixed-fraction', 'fixed-risk', 'kelly'] as const) expect(goalOffTwin(defaultConfig(engine)), engine).toBeUndefined();
  });
});

describe("the tracker's goal-free risk", () => {
  it('is the base risk, halved under drawdown protection, at most maxRisk; progress adjustments do not move it', () => {
    const { tracker, at } = tracked({ settings: { cooldownHours: 0 }, riskTolerance: 0.02 });
    at(Date.UTC(2021, 0, 20), 100_000); // behind schedule: the tracker raises its risk
    expect(tracker.currentRisk()).toBeGreaterThan(0.02);
    expect(tracker.goalFreeRisk()).toBe(0.02);
    at(Date.UTC(2021, 0, 21), 80_000, 100_000); // a 20 % drawdown engages protection (limit 15 %)
    expect(tracker.drawdownActive).toBe(true);
    expect(tracker.goalFreeRisk()).toBe(0.01);
    const high = tracked({ settings: { maxRisk: 0.03 }, riskTolerance: 0.04 });
    expect(high.tracker.goalFreeRisk()).toBe(0.03);
  });
});

describe('goal-kelly with riskSource base', () => {
  const request = (overrides: Partial<SizingRequest>): SizingRequest => ({
    time: 0, symbol: 'BTC', assetClass: 'crypto', direction: 'long', price: 45_000, confidence: 0.75, stopLossPct: 0.02, equity: 50_000, cash: 50_000, grossExposure: 0, assetClassExposure: {},
    lotStep: undefined, minNotional: undefined, riskTolerance: 0.02, currentRisk: 0.022, goalFreeRisk: 0.01, tradeStats: { trades: 30, winRate: 0.58, avgWin: 0.021, avgLoss: 0.013, sharpe: 1.8 },
    goals: { driver: 'monthly_return', monthly_return: { progress: 0.06, expected: 0.085, target: 0.1 } }, volatility: undefined, ...overrides,
  });

  it('sizes from the goal-free risk, says so, and has no goal effect', () => {
    const twin = createGoalKelly(goalKellyParamsSchema.parse({ riskSource: 'base' })).size(request({}));
    const arm = createGoalKelly(goalKellyParamsSchema.parse({})).size(request({}));
    // the golden example's chain at 1 % instead of 2.2 %: 500 / 0.02 x 0.32 x 0.5 x 0.75 = 3,000
    expect(twin.riskPct).toBe(0.01);
    expect(twin.finalValue).toBeCloseTo(3_000, 6);
    expect(twin.goalEffect).toBe(0);
    expect(twin.reasoning).toMatch(/^Position sized without goal progress\.\nRisk 1\.0% per trade: the base risk, goals off\./);
    expect(arm.finalValue).toBeCloseTo(6_600, 6);
    // the arm's goal effect is measured against the twin's size at the same decision
    expect(arm.goalEffect).toBeCloseTo(6_600 / 3_000 - 1, 9);
    expect(new Money(arm.units.toFixed()).gt(new Money(twin.units.toFixed()))).toBe(true);
  });

  it('without a tracker sizes from the base risk', () => {
    const twin = createGoalKelly(goalKellyParamsSchema.parse({ riskSource: 'base' })).size(request({ goalFreeRisk: undefined }));
    expect(twin.riskPct).toBe(0.02);
  });
});
