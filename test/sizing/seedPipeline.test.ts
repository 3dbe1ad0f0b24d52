/**
 * The pipeline's seed stages (SPEC 3.1, #12: the seed system's risk manager), goal-kelly's
 * negative edge and statistics windows, and the attribution of every decision. Each expected
 * value is worked out in the comment beside it from the formula and the inputs named.
 */
import { describe, expect, it } from 'vitest';
import { attributionOf } from '../../src/analysis/attribution.js';
import { Amount, money } from '../../src/ledger/index.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { loadScenarioData } from '../../src/sim/loadData.js';
import { runScenario } from '../../src/sim/run.js';
import { tradeStatsOf } from '../../src/sim/tradeStats.js';
import type { Trade } from '../../src/ledger/index.js';
import { createGoalKelly, createPipeline, goalKellyParamsSchema, pipelineParamsSchema, type SizingRequest } from '../../src/sizing/index.js';
import { marketFactor, regimeOf, signalFactor } from '../../src/sizing/marketStage.js';
import { seedBase, seedKellySize, seedRiskParitySize, seedVolatilitySize } from '../../src/sizing/pipelineBase.js';

const defaults = pipelineParamsSchema.parse({});
const seed = defaults.base.seed;

/** 100,000 of equity, all of it cash, a long at 100 with a 1 % daily sigma and confidence 0.8. */
function request(overrides: Partial<SizingRequest> = {}): SizingRequest {
  return {
    time: Date.UTC(2021, 0, 4, 12),
    symbol: 'A',
    assetClass: 'equity',
    direction: 'long',
    price: 100,
    confidence: 0.8,
    stopLossPct: 0.03,
    equity: 100_000,
    cash: 100_000,
    grossExposure: 0,
    assetClassExposure: {},
    lotStep: money('0.001'),
    minNotional: money('0'),
    riskTolerance: 0.02,
    currentRisk: 0.02,
    goals: undefined,
    tradeStats: undefined,
    volatility: { short: 0.01, long: 0.01, trend: 0 },
    openPositions: 0,
    ...overrides,
  };
}

describe('seed base stage', () => {
  it('volatility size = balance x risk x clamp(0.02 / sigma, 0.1, 2), x 0.6 above sigma 0.05, at most 20 %', () => {
    expect(seedVolatilitySize(100_000, 0.02, 0.01, seed.volatility), '0.02 / 0.01 = 2: 100,000 x 0.02 x 2').toBe(4_000);
    expect(seedVolatilitySize(100_000, 0.02, 0.004, seed.volatility), '0.02 / 0.004 = 5, clamped to 2').toBe(4_000);
    expect(seedVolatilitySize(100_000, 0.02, 0.1, seed.volatility), '0.02 / 0.1 = 0.2, x 0.6 above 0.05: 240').toBeCloseTo(240, 9);
    expect(seedVolatilitySize(100_000, 0.02, 0.5, seed.volatility), '0.04 clamped to 0.1, x 0.6: 120').toBeCloseTo(120, 9);
    expect(seedVolatilitySize(100_000, 0.2, 0.01, seed.volatility), '100,000 x 0.2 x 2 = 40,000, at most 20 %').toBe(20_000);
  });

  it('Kelly size = balance x clamp(0.25 f, 0, 0.25) x strength, f = W - (1 - W) / R', () => {
    // placeholders W 0.55, R 1.5: f = 0.55 - 0.45 / 1.5 = 0.25; 0.25 x 0.25 = 0.0625; x 0.8
    const placeholders = seedKellySize(100_000, 0.8, request(), 20, seed.kelly);
    expect(placeholders.source).toBe('placeholders');
    expect(placeholders.size).toBeCloseTo(5_000, 9);
    // the run's own trades once 20 exist: W 0.6, R 0.02 / 0.01 = 2: f = 0.6 - 0.4 / 2 = 0.4; 0.25 x 0.4 = 0.1
    const trades = request({ tradeStats: { trades: 20, winRate: 0.6, avgWin: 0.02, avgLoss: 0.01, sharpe: 0 } });
    const fromTrades = seedKellySize(100_000, 1, trades, 20, seed.kelly);
    expect(fromTrades.source).toBe('trades');
    expect(fromTrades.size).toBeCloseTo(10_000, 9);
    expect(seedKellySize(100_000, 1, trades, 21, seed.kelly).source, '19 too few: placeholders').toBe('placeholders');
    // W 0.3, R 1: f = 0.3 - 0.7 = -0.4, clamped to 0
    expect(seedKellySize(100_000, 1, request({ tradeStats: { trades: 30, winRate: 0.3, avgWin: 0.01, avgLoss: 0.01, sharpe: 0 } }), 20, seed.kelly).size).toBe(0);
    // a half-Kelly fraction lets f = 0.25 reach 0.125, and W 0.9 R 3 (f = 0.8667) the 0.25 cap
    expect(seedKellySize(100_000, 1, request({ tradeStats: { trades: 30, winRate: 0.9, avgWin: 0.03, avgLoss: 0.01, sharpe: 0 } }), 20, { ...seed.kelly, fraction: 0.5 }).size).toBe(25_000);
  });

  it('risk-parity size = balance x (0.03 / n) / sigma, n = open positions + 1, at most 15 %; 5 % without a sigma', () => {
    expect(seedRiskParitySize(100_000, 0.01, 0, seed.riskParity), '0.03 / 0.01 = 300 % of balance, at most 15 %').toBe(15_000);
    expect(seedRiskParitySize(100_000, 0.2, 1, seed.riskParity), '(0.03 / 2) / 0.2 = 7.5 %').toBeCloseTo(7_500, 9);
    expect(seedRiskParitySize(100_000, NaN, 0, seed.riskParity), 'no sigma yet: 5 %').toBe(5_000);
  });

  it("blends 0.40 / 0.35 / 0.25: the issue's worked example is 7.1 % of balance", () => {
    // sigma 1 %, 2 % risk, placeholders, strength 0.8: 0.40 x 4 % + 0.35 x 5 % + 0.25 x 15 % = 7.1 %
    const base = seedBase(request(), defaults);
    expect([base.volatility, base.risk_parity]).toEqual([4_000, 15_000]);
    expect(base.kelly).toBeCloseTo(5_000, 9);
    expect(base.value).toBeCloseTo(7_100, 9);
    expect(seedBase(request({ cash: 50_000 }), defaults).value, 'balance is the available cash, not equity').toBeCloseTo(3_550, 9);
  });
});

describe('signal and market stages', () => {
  it('signal: >= 0.8 -> 1.0, >= 0.6 -> 0.8, >= 0.4 -> 0.6, >= 0.2 -> 0.4, else 0.2', () => {
    expect([0.8, 0.79, 0.6, 0.59, 0.4, 0.2, 0.19, 0].map((c) => signalFactor(c, defaults.signal))).toEqual([1, 0.8, 0.8, 0.6, 0.6, 0.4, 0.2, 0.2]);
    expect(signalFactor(0.7, { ...defaults.signal, method: 'linear' })).toBe(0.7);
  });

  it('market: high volatility when short sigma > 1.5 x long, else bull / bear beyond a 2 % trend, else sideways', () => {
    const m = defaults.market;
    expect(regimeOf({ short: 0.03, long: 0.01, trend: 0.1 }, m), 'sigma ratio 3 > 1.5 wins over the trend').toBe('high_volatility');
    expect(regimeOf({ short: 0.01, long: 0.01, trend: 0.05 }, m)).toBe('bull');
    expect(regimeOf({ short: 0.01, long: 0.01, trend: -0.05 }, m)).toBe('bear');
    expect(regimeOf({ short: 0.01, long: 0.01, trend: 0.01 }, m)).toBe('sideways');
    expect(marketFactor(request({ volatility: { short: 0.03, long: 0.01 } }), m).factor).toBe(0.7);
    expect(marketFactor(request({ volatility: { short: 0.01, long: 0.01, trend: 0.05 } }), m).factor).toBe(1.1);
    expect(marketFactor(request({ volatility: { short: 0.01, long: 0.01, trend: -0.05 } }), m).factor).toBe(0.8);
    const late = { ...m, offHours: { ...m.offHours, enabled: true } };
    expect(marketFactor(request({ time: Date.UTC(2021, 0, 4, 23) }), late).factor, '23:00 UTC, sideways x 0.8').toBe(0.8);
    expect(marketFactor(request({ time: Date.UTC(2021, 0, 4, 12) }), late).factor).toBe(1);
    expect(marketFactor(request({ time: Date.UTC(2021, 0, 4, 23) }), m).factor, 'off hours are off by default').toBe(1);
  });
});

describe('attribution', () => {
  const behind = { monthly_return: { progress: -0.2, expected: 0.5 }, monthly_income: { progress: -0.2, expected: 0.5 } }; // pace 0.3: factor 1.225
  const ahead = { monthly_return: { progress: 1.5, expected: 0.5 }, monthly_income: { progress: 1.9, expected: 0.5 } }; // pace >= 2: factor 0.775

  it('names no binding stage when the goal factor moves a size below the caps, and measures its effect', () => {
    const decision = createPipeline(defaults).size(request({ goals: behind }));
    // 7,100 x 1.225 = 8,697.5 under the 20,000 cap: 86.975 lots of 0.001 at 100 vs 71.0 without the goal
    expect(decision.binding).toBeNull();
    expect(decision.units.toFixed()).toBe('86.975');
    expect(decision.goalEffect).toBeCloseTo(86.975 / 71 - 1, 12);
  });

  it('names the limits stage when a cap takes the goal factor back (goal effect 0)', () => {
    const capped = createPipeline(pipelineParamsSchema.parse({ maxPositionPct: 0.05 })).size(request({ goals: behind }));
    // constraints cap 7,100 at 5 % = 5,000; x 1.225 = 6,125; limits cap it at 5,000 again
    expect(capped.binding).toBe('limits');
    expect(capped.goalEffect).toBe(0);
    const below = createPipeline(pipelineParamsSchema.parse({ maxPositionPct: 0.05 })).size(request({ goals: ahead }));
    // capped at 5,000, then x 0.775 = 3,875: the goal set the size, no cap did (lots of 0.001 round it)
    expect(below.binding).toBeNull();
    expect(below.goalEffect).toBeCloseTo(-0.225, 3);
  });

  it('names the final stage when cash or the lot step sets the size', () => {
    expect(createPipeline(defaults).size(request({ cash: 300 })).binding, '300 of cash: constraints cap the long at it').toBe('constraints');
    expect(createPipeline(defaults).size(request({ lotStep: money('1000') })).binding, 'a lot of 1,000 units is 100,000: below one lot').toBe('final');
  });

  it('warns when a goal-aware engine changed fewer than 10 % of its decisions, naming the stage and parameter', () => {
    const engine = createPipeline(pipelineParamsSchema.parse({ maxPositionPct: 0.05 }));
    const records = [0, 1, 2].map((i) => ({ time: i, symbol: 'A', signal: 'buy' as const, direction: 'long' as const, price: 100, confidence: 0.8, stopLossPct: 0.03, decision: engine.size(request({ goals: behind })) }));
    const attribution = attributionOf(records);
    expect(attribution.stages['limits']).toEqual({ changed: 3, bound: 3 });
    expect(attribution.goalChangedShare).toBe(0);
    expect(attribution.warning).toMatch(/goal stage changed 0 of 3 pipeline decisions \(0\.0%\): the limits stage set the size instead; look at sizing\.params\.assetClassLimits and maxPositionPct/);
    const free = attributionOf(records.map((r) => ({ ...r, decision: createPipeline(defaults).size(request({ goals: behind })) })));
    expect(free.warning).toBeNull();
  });
});

describe('goal-kelly', () => {
  const losing = { trades: 30, winRate: 0.3, avgWin: 0.01, avgLoss: 0.02, sharpe: -1 }; // f = (0.3 x 0.01 - 0.7 x 0.02) / 0.01 < 0
  const at = (overrides: Partial<SizingRequest>): SizingRequest => request({ equity: 50_000, cash: 50_000, stopLossPct: 0.02, tradeStats: losing, ...overrides });

  it('trades a non-positive edge at the minimum allocation by default, and skips it by name', () => {
    const minimum = createGoalKelly(goalKellyParamsSchema.parse({})).size(at({}));
    expect(minimum.skipped).toBeNull();
    expect(minimum.finalValue, '1 % of 50,000').toBe(500);
    expect(minimum.binding, 'the floor of the bounds stage set it').toBe('bounds');
    expect(minimum.reasoning).toMatch(/Negative edge: the minimum allocation of 1\.0%, so the statistics keep updating\./);
    expect(createGoalKelly(goalKellyParamsSchema.parse({ negativeEdge: 'skip' })).size(at({})).skipped).toBe('negative edge');
  });

  it("measures the goal's effect as the adjusted risk against the base risk", () => {
    const good = { trades: 30, winRate: 0.58, avgWin: 0.021, avgLoss: 0.013, sharpe: 1 }; // Kelly f 0.32, as SPEC 3.2
    const adjusted = createGoalKelly(goalKellyParamsSchema.parse({})).size(at({ tradeStats: good, currentRisk: 0.022 }));
    // 50,000 x risk / 0.02 x 0.32 x 0.5 x 0.8: 7,040 at 2.2 %, 6,400 at 2 % (lots of 0.001 at 100)
    expect(adjusted.finalValue).toBeCloseTo(7_040, 6);
    expect(adjusted.goalEffect).toBeCloseTo(7_040 / 6_400 - 1, 12);
  });

  it('reads its statistics from the trades of the last N days of simulated time', () => {
    const day = 86_400_000;
    const trade = (exitDay: number, returnPct: number): Trade => ({ symbol: 'A', direction: 'long', entryTime: 0, entryPrice: Amount.of('1'), exitTime: exitDay * day, exitPrice: Amount.of('1'), quantity: Amount.of('1'), fees: Amount.of('0'), pnl: Amount.of(returnPct > 0 ? '1' : '-1'), returnPct, exitReason: 'exit' });
    const trades = [trade(1, -0.01), trade(40, 0.02), trade(50, 0.04), trade(59, -0.02)];
    // at day 60 the last 30 days (from day 30) hold the trades of days 40, 50 and 59
    const stats = tradeStatsOf(trades, { days: 30 }, 60 * day);
    expect(stats.trades).toBe(3);
    expect(stats.winRate).toBeCloseTo(2 / 3, 12);
    expect(stats.avgWin).toBeCloseTo(0.03, 12);
    expect(tradeStatsOf(trades, 2).trades, 'a count window: the last 2').toBe(2);
  });
});

describe('on shipped data', () => {
  it('DAX goal-kelly keeps trading to the end: no run of skipped decisions as long as the statistics window', async () => {
    const resolved = loadScenarioFile('scenarios/compare/dax-goal-kelly.json');
    const result = await runScenario(resolved, await loadScenarioData(resolved));
    let run = 0;
    let longest = 0;
    for (const record of result.decisions) {
      run = record.decision.skipped === null ? 0 : run + 1;
      longest = Math.max(longest, run);
    }
    const window = resolved.scenario.sizing.engine === 'goal-kelly' ? resolved.scenario.sizing.params.window : 50;
    expect(longest).toBeLessThan(typeof window === 'number' ? window : 50);
    const lastTrade = result.trades.at(-1)?.exitTime ?? 0;
    expect(lastTrade, 'trades in its last year').toBeGreaterThan(Date.UTC(1997, 7, 1));
  });

  it('the goal stage changes most pipeline quantities on four indices with the seed-001 goals, and caps bind in a minority', async () => {
    const resolved = loadScenarioFile('scenarios/compare/europe-pipeline.json');
    const result = await runScenario(resolved, await loadScenarioData(resolved));
    const attribution = attributionOf(result.decisions);
    expect(attribution.traded).toBeGreaterThan(100);
    expect(attribution.goalChangedShare, 'most decisions').toBeGreaterThan(0.5);
    const bound = Object.values(attribution.stages).reduce((sum, stage) => sum + stage.bound, 0);
    expect(bound / attribution.traded, 'caps bind in a minority').toBeLessThan(0.5);
    expect(attribution.warning).toBeNull();
  });
});

describe('the balance the pipeline sizes from', () => {
  const pipeline = createPipeline(pipelineParamsSchema.parse({ goalFactor: { enabled: false } }));
  const sigma = { short: 0.01, long: 0.01, trend: 0 };

  it('leaves out the cash that secures open shorts: short proceeds are not buying power for a long', () => {
    // 504,751 of equity, 526,182 of cash after a short's proceeds, 483,320 of it free
    const withShort = pipeline.size(request({ equity: 504_751, cash: 526_182, spendableCash: 483_320, grossExposure: 21_431, volatility: sigma }));
    const asIfFree = pipeline.size(request({ equity: 504_751, cash: 483_320, grossExposure: 21_431, volatility: sigma }));
    expect(withShort.stages).toEqual(asIfFree.stages);
    expect(withShort.finalValue).toBe(asIfFree.finalValue);
    // the seed's caps are shares of that balance: the volatility size at most 20 % of 483,320
    expect(seedBase(request({ equity: 504_751, cash: 526_182, spendableCash: 483_320, volatility: { short: 0.001, long: 0.001 }, riskTolerance: 0.3 }), pipelineParamsSchema.parse({})).volatility).toBeCloseTo(0.2 * 483_320, 6);
  });

  it('never sizes from more than equity, whatever the cash', () => {
    // a caller that gives cash above equity and no spendable figure: the caps hold of equity
    const base = seedBase(request({ equity: 504_751, cash: 526_182, volatility: { short: 0.001, long: 0.001 }, riskTolerance: 0.3 }), pipelineParamsSchema.parse({}));
    expect(base.volatility).toBeCloseTo(0.2 * 504_751, 6);
    expect(base.risk_parity).toBeLessThanOrEqual(0.15 * 504_751 + 1e-6);
    // and a long's room for cash is the free balance too
    const room = pipeline.size(request({ equity: 10_000, cash: 30_000, spendableCash: 2_000, volatility: sigma, confidence: 1 }));
    expect(room.finalValue).toBeLessThanOrEqual(2_000);
  });
});
