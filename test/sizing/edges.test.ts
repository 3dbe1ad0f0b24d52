/**
 * Edges of the goal-aware sizing (#17 item 2), where a cap does not hide the result. Every
 * expected value is worked out from SPEC 3.2 / 3.3 in the comment beside it.
 */
import { describe, expect, it } from 'vitest';
import { money } from '../../src/ledger/index.js';
import { createGoalKelly, goalFactor, goalFactorSchema, goalKellyParamsSchema, type SizingRequest } from '../../src/sizing/index.js';

const params = goalFactorSchema.parse(undefined);
/** Goal inputs at a given pace with half the month gone: progress = pace - 1 + 0.5. */
const atPace = (pace: number) => ({ progress: pace - 0.5, expected: 0.5 });

describe('goal factor where no cap hides it (SPEC 3.3)', () => {
  it('850k at pace 2: 0.25 x 0.70 + 0.15 x 0.70 + 0.60 x 0.8333 = 0.78, under the portfolio cap 0.8333', () => {
    // portfolio factor at 850k: 1 - 0.5 x (850k - 800k) / (950k - 800k) = 0.8333
    const result = goalFactor({ monthly_return: atPace(2), monthly_income: atPace(2) }, 850_000, params);
    expect(result.preservation).toBe(true);
    expect(result.portfolioFactor).toBeCloseTo(1 - 0.5 / 3, 12);
    expect(result.factor).toBeCloseTo(0.78, 12);
  });

  it('NaN progress: the neutral 1 with the fallback reason', () => {
    const result = goalFactor({ monthly_return: { progress: NaN, expected: 0.5 }, monthly_income: atPace(1) }, 100_000, params);
    expect([result.factor, result.fallback]).toEqual([1, 'non-finite goal progress or equity']);
  });

  it('with bounds.min 0.1, 2M of equity gives the portfolio cap 0.5, not the bound', () => {
    // above preservation.full the portfolio factor is 0.5; 0.25 + 0.15 + 0.60 x 0.5 = 0.70, capped at 0.5
    const loose = goalFactorSchema.parse({ bounds: { min: 0.1, max: 1.3 } });
    expect(goalFactor({ monthly_return: atPace(1), monthly_income: atPace(1) }, 2_000_000, loose).factor).toBe(0.5);
  });
});

describe('goal-kelly edges (SPEC 3.2)', () => {
  const request = (overrides: Partial<SizingRequest>): SizingRequest => ({
    time: 0, symbol: 'BTC', assetClass: 'crypto', direction: 'long', price: 45_000, confidence: 0.75, stopLossPct: 0.02,
    equity: 50_000, cash: 50_000, grossExposure: 0, assetClassExposure: {}, lotStep: money('0.000001'), minNotional: money('0'),
    riskTolerance: 0.02, currentRisk: 0.022, goals: undefined, volatility: undefined,
    tradeStats: { trades: 30, winRate: 0.58, avgWin: 0.021, avgLoss: 0.013, sharpe: 1.8 }, // f = 0.32, as the golden example
    ...overrides,
  });
  const engine = createGoalKelly(goalKellyParamsSchema.parse({}));

  it('a stop of 0 or NaN sizes nothing and says why', () => {
    for (const stopLossPct of [0, NaN]) {
      const decision = engine.size(request({ stopLossPct }));
      expect([decision.finalValue, decision.skipped], `stop ${stopLossPct}`).toEqual([0, 'no stop-loss distance to size from']);
    }
  });

  it('fewer closed trades than minTrades (20) use the priors, and the reasoning says so', () => {
    const decision = engine.size(request({ tradeStats: { trades: 5, winRate: 0.9, avgWin: 0.05, avgLoss: 0.01, sharpe: 3 } }));
    // priors W 0.55, AvgWin 0.02, AvgLoss 0.015: f = (0.55 x 0.02 - 0.45 x 0.015) / 0.02 = 0.2125
    expect(decision.kelly).toBeCloseTo(0.2125, 12);
    expect(decision.reasoning).toContain('Statistics: priors (fewer than 20 closed trades in the last 50 closed trades).');
  });

  it('an asset-class limit binds: 5 % of 50k for crypto with 2,000 held leaves 500', () => {
    const limited = createGoalKelly(goalKellyParamsSchema.parse({ assetClassLimits: { crypto: 0.05 } }));
    // unlimited: 50k x 2.2 % / 2 % x 0.32 x 0.5 x 0.75 = 6,600; the class has 2,500 - 2,000 = 500 of room
    const decision = limited.size(request({ assetClassExposure: { crypto: 2_000 } }));
    expect(decision.stages.find((s) => s.name === 'limits')?.value).toBe(500);
    expect(decision.binding).toBe('limits');
    expect(decision.finalValue).toBeLessThanOrEqual(500);
  });
});
