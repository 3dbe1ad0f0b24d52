/** The baselines' decisions in full: stages, risk, reasoning (README "Sizing engines"). */
import { describe, expect, it } from 'vitest';
import { money } from '../../src/ledger/index.js';
import { createFixedFraction, createFixedRisk, createKellyBaseline, kellyParamsSchema, type SizingEngine, type SizingRequest } from '../../src/sizing/index.js';

const request = (overrides: Partial<SizingRequest> = {}): SizingRequest => ({
  time: 0, symbol: 'X', assetClass: 'equity', direction: 'long', price: 100, confidence: 0.5, stopLossPct: 0.05,
  equity: 100_000, cash: 100_000, grossExposure: 0, assetClassExposure: {}, lotStep: money('1'), minNotional: money('0'),
  riskTolerance: 0.02, currentRisk: 0.03, goals: undefined, volatility: undefined,
  tradeStats: { trades: 30, winRate: 0.6, avgWin: 0.02, avgLoss: 0.01, sharpe: 1 }, // f = 0.6 - 0.4 x 0.01 / 0.02 = 0.4
  ...overrides,
});

describe('fixed-fraction', () => {
  it('commits the fraction of equity: 10 % of 100k = 10k, 100 units at 100', () => {
    const d = createFixedFraction({ fraction: 0.1 }).size(request());
    expect([d.engine, d.stages, d.riskPct, d.finalValue, d.units.toFixed(), d.skipped]).toEqual(['fixed-fraction', [{ name: 'base', value: 10_000 }, { name: 'final', value: 10_000 }], 0.1, 10_000, '100', null]);
    expect(d.reasoning).toBe('Fixed fraction 10.00% of equity 100000.00: 100 units at 100.');
  });
});

describe('fixed-risk', () => {
  it('risks riskTolerance of equity over the stop: 2 % x 100k / 5 % = 40k, 400 units', () => {
    const d = createFixedRisk().size(request());
    expect([d.engine, d.stages, d.riskPct, d.riskAmount, d.finalValue, d.units.toFixed(), d.skipped]).toEqual(['fixed-risk', [{ name: 'base', value: 40_000 }, { name: 'final', value: 40_000 }], 0.02, 2_000, 40_000, '400', null]);
    expect(d.reasoning).toBe('Fixed risk 2.00% of equity = 2000.00 over a 5.00% stop: 400 units at 100.');
  });

  it('reads the account risk, not the tracker-adjusted one, and needs a stop', () => {
    expect(createFixedRisk().size(request({ currentRisk: 0.05 })).finalValue).toBe(40_000);
    for (const stopLossPct of [0, NaN]) {
      const d = createFixedRisk().size(request({ stopLossPct }));
      expect([d.finalValue, d.skipped]).toEqual([0, 'no stop-loss distance to size from']);
    }
  });
});

describe('kelly', () => {
  // made inside each test: Stryker counts the engine's making (its text function) for no test when it runs while the suite is collected
  const defaults = (): SizingEngine => createKellyBaseline(kellyParamsSchema.parse({})); // kellyFraction 0.5, cap 0.5, max 100 %

  it('sizes equity x f x kellyFraction: 100k x 0.4 x 0.5 = 20k, 200 units', () => {
    const engine = defaults();
    const d = engine.size(request());
    expect([d.engine, d.stages, d.kelly, d.riskPct, d.finalValue, d.units.toFixed(), d.skipped]).toEqual(['kelly', [{ name: 'base', value: 20_000 }, { name: 'bounds', value: 20_000 }, { name: 'final', value: 20_000 }], 0.4, 0.2, 20_000, '200', null]);
    expect(d.reasoning).toBe('Kelly 40.00% (trades, win rate 60.0%) x 0.5: 200 units at 100.');
    expect(engine.needs.tradeStatsWindow).toBe(50);
  });

  it('caps at maxPositionPct, and skips a negative edge', () => {
    const engine = defaults();
    const capped = createKellyBaseline(kellyParamsSchema.parse({ maxPositionPct: 0.15 })).size(request());
    expect(capped.stages).toEqual([{ name: 'base', value: 20_000 }, { name: 'bounds', value: 15_000 }, { name: 'final', value: 15_000 }]);
    expect(capped.binding, 'the cap set the size').toBe('bounds');
    expect(engine.size(request()).binding, 'no cap reached').toBeNull();
    const short = createKellyBaseline(kellyParamsSchema.parse({ maxPositionPct: 0.15 })).size(request({ cash: 10_000 }));
    expect([short.finalValue, short.binding], 'the cash, after the cap, set it').toEqual([10_000, 'final']);
    // f = 0.3 - 0.7 x 0.02 / 0.02 = -0.4: the base is 0, not negative
    const losing = engine.size(request({ tradeStats: { trades: 30, winRate: 0.3, avgWin: 0.02, avgLoss: 0.02, sharpe: -1 } }));
    expect([losing.stages[0], losing.finalValue, losing.skipped]).toEqual([{ name: 'base', value: 0 }, 0, 'negative edge']);
  });
});
