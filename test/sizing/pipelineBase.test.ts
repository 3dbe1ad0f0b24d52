/**
 * The pipeline's base stage (SPEC 3.1) component by component, and the pipeline's own edges.
 * Defaults (sizing/params.ts): volatility target 0.02, scale in [0.1, 2], x0.6 above sigma
 * 0.05, at most 20 % of balance; Kelly 0.25 f capped at 0.25, placeholders W 0.55 R 1.5,
 * fallback 2 %; risk parity 0.03 / n / sigma, at most 15 %, 5 % without sigma; weights 0.40,
 * 0.35, 0.25. Every expected value is worked out in the comment beside it.
 */
import { describe, expect, it } from 'vitest';
import { money } from '../../src/ledger/index.js';
import { kellyEstimate } from '../../src/sizing/kelly.js';
import { pipelineParamsSchema } from '../../src/sizing/params.js';
import { createPipeline } from '../../src/sizing/pipeline.js';
import { legacyBase, legacySizes, seedBase, seedKellySize, seedRiskParitySize, seedVolatilitySize } from '../../src/sizing/pipelineBase.js';
import type { SizingRequest, TradeStats } from '../../src/sizing/index.js';

const params = pipelineParamsSchema.parse({});
const seed = params.base.seed;
const STATS: TradeStats = { trades: 30, winRate: 0.6, avgWin: 0.02, avgLoss: 0.01, sharpe: 1 }; // R = 2, f = 0.6 - 0.4 / 2 = 0.4
const request = (overrides: Partial<SizingRequest> = {}): SizingRequest => ({
  time: Date.UTC(2024, 2, 5, 12), symbol: 'X', assetClass: 'equity', direction: 'long', price: 100, confidence: 0.5, stopLossPct: 0.05,
  equity: 100_000, cash: 100_000, grossExposure: 0, assetClassExposure: {}, lotStep: money('1'), minNotional: money('0'),
  riskTolerance: 0.02, currentRisk: 0.02, goals: undefined, volatility: { short: 0.02, long: 0.02 }, tradeStats: STATS,
  ...overrides,
});

describe('seed base components', () => {
  it('volatility size: balance x risk x clamp(0.02 / sigma, 0.1, 2), calmed above 0.05, at most 20 %', () => {
    expect(seedVolatilitySize(100_000, 0.02, 0.01, seed.volatility)).toBeCloseTo(4_000, 9); // scale 2
    expect(seedVolatilitySize(100_000, 0.02, 0.04, seed.volatility)).toBeCloseTo(1_000, 9); // scale 0.5
    expect(seedVolatilitySize(100_000, 0.02, 0.05, seed.volatility)).toBeCloseTo(800, 9); // 0.05 is not above 0.05
    expect(seedVolatilitySize(100_000, 0.02, 0.06, seed.volatility)).toBeCloseTo((2_000 / 3) * 0.6, 9); // scale 1/3, x0.6
    expect(seedVolatilitySize(100_000, 0.02, 0.5, seed.volatility)).toBeCloseTo(200 * 0.6, 9); // scale floored at 0.1
    expect(seedVolatilitySize(100_000, 0.02, 0, seed.volatility), 'no sigma yet: unscaled').toBe(2_000);
    expect(seedVolatilitySize(100_000, 0.02, NaN, seed.volatility)).toBe(2_000);
    expect(seedVolatilitySize(100_000, 0.2, 0.01, seed.volatility), '40k capped at 20k').toBe(20_000);
  });

  it('Kelly size: balance x clamp(0.25 f, 0, 0.25) x strength; trades from minTrades with wins and losses', () => {
    const fromTrades = seedKellySize(100_000, 0.5, request(), 20, seed.kelly); // 0.25 x 0.4 = 0.1, x 0.5 of 100k
    expect(fromTrades.source).toBe('trades');
    expect(fromTrades.fraction).toBeCloseTo(0.1, 15);
    expect(fromTrades.size).toBeCloseTo(5_000, 9);
    // placeholders: f = 0.55 - 0.45 / 1.5 = 0.25, fraction 0.0625, size 100k x 0.0625 x 0.5
    const placeholders = expect.objectContaining({ source: 'placeholders', fraction: expect.closeTo(0.0625, 15), size: expect.closeTo(3_125, 9) });
    expect(seedKellySize(100_000, 0.5, request({ tradeStats: { ...STATS, trades: 19 } }), 20, seed.kelly)).toEqual(placeholders);
    expect(seedKellySize(100_000, 0.5, request({ tradeStats: { ...STATS, avgLoss: 0 } }), 20, seed.kelly), 'no losses yet').toEqual(placeholders);
    expect(seedKellySize(100_000, 0.5, request({ tradeStats: { ...STATS, avgWin: 0 } }), 20, seed.kelly), 'no wins yet').toEqual(placeholders);
    expect(seedKellySize(100_000, 0.5, request({ tradeStats: undefined }), 20, seed.kelly)).toEqual(placeholders);
    expect(seedKellySize(100_000, 0.5, request({ tradeStats: { ...STATS, trades: 20 } }), 20, seed.kelly).source, 'exactly minTrades').toBe('trades');
    // W 0.3, R 1: f = -0.4, clamped to 0
    expect(seedKellySize(100_000, 0.5, request({ tradeStats: { ...STATS, winRate: 0.3, avgLoss: 0.02 } }), 20, seed.kelly)).toEqual({ size: 0, source: 'trades', fraction: 0 });
    // no estimate (a NaN win rate): 2 % of balance, whatever the strength
    expect(seedKellySize(100_000, 0.5, request({ tradeStats: { ...STATS, winRate: NaN } }), 20, seed.kelly)).toEqual({ size: 2_000, source: 'fallback', fraction: 0.02 });
  });

  it('risk-parity size: balance x (0.03 / n) / sigma, at most 15 %, 5 % without sigma', () => {
    expect(seedRiskParitySize(100_000, 0.1, 2, seed.riskParity)).toBeCloseTo(10_000, 9); // 100k x 0.01 / 0.1
    expect(seedRiskParitySize(100_000, 0.02, 0, seed.riskParity), '150k capped').toBe(15_000);
    expect(seedRiskParitySize(100_000, 0, 0, seed.riskParity)).toBe(5_000);
    expect(seedRiskParitySize(100_000, NaN, 0, seed.riskParity)).toBe(5_000);
  });

  it('blends the three on the available cash', () => {
    // balance 80k, sigma 0.04, 2 open: volatility 80k x 0.02 x 0.5 = 800; Kelly 80k x 0.1 x 0.5 = 4,000;
    // risk parity 80k x 0.01 / 0.04 = 20,000 capped at 12,000; 0.4 x 800 + 0.35 x 4,000 + 0.25 x 12,000 = 4,720
    const base = seedBase(request({ cash: 80_000, volatility: { short: 0.04, long: 0.03 }, openPositions: 2 }), params);
    expect(base.volatility).toBeCloseTo(800, 9);
    expect(base.kelly).toBeCloseTo(4_000, 9);
    expect(base.risk_parity).toBeCloseTo(12_000, 9);
    expect(base.value).toBeCloseTo(4_720, 9);
    expect(base.kellySource).toBe('trades');
    expect(base.kellyFraction).toBeCloseTo(0.1, 15);
    expect(seedBase(request({ cash: -5 }), params).value, 'no cash: nothing').toBe(0);
    expect(seedBase(request({ volatility: undefined }), params).volatility, 'no daily data: unscaled').toBe(2_000);
  });
});

describe('legacy base methods', () => {
  const kelly = kellyEstimate(STATS, params); // f 0.4 (cap 0.5)

  it('components: equity x risk / (k sigma), equity x f x kellyFraction, equity x inverse-volatility weight', () => {
    const sizes = legacySizes(request({ portfolioVolatilities: [0.02, 0.04] }), params, kelly);
    expect(sizes.volatility).toBeCloseTo(50_000, 9); // 100k x 0.02 / (2 x 0.02)
    expect(sizes.kelly).toBeCloseTo(20_000, 9); // 100k x 0.4 x 0.5
    expect(sizes.risk_parity).toBeCloseTo(100_000 * (50 / 75), 6); // weight (1/0.02) / (1/0.02 + 1/0.04)
    expect(legacySizes(request(), params, kelly).risk_parity, 'alone: weight 1').toBeCloseTo(100_000, 9);
    expect(legacySizes(request({ portfolioVolatilities: [0.02, 0] }), params, kelly).risk_parity, 'a symbol without sigma is left out').toBeCloseTo(100_000, 9);
    const none = legacySizes(request({ volatility: undefined }), params, kelly);
    expect([none.volatility, none.risk_parity]).toEqual([NaN, NaN]);
    expect(none.kelly).toBeCloseTo(20_000, 9);
    expect(legacySizes(request(), params, kellyEstimate({ ...STATS, winRate: 0.2 }, params)).kelly, 'negative edge: 0').toBe(0);
  });

  it('each method picks its component; blend averages the ones known, by weight', () => {
    const sizes = { volatility: 30_000, kelly: 12_000, risk_parity: 60_000 };
    const method = (m: string, extra = {}) => legacyBase(sizes, pipelineParamsSchema.parse({ base: { method: m, ...extra } }));
    expect([method('risk-budget'), method('volatility'), method('kelly'), method('risk_parity')]).toEqual([30_000, 30_000, 12_000, 60_000]);
    expect(method('blend')).toBeCloseTo(34_000, 9); // (30k + 12k + 60k) / 3
    expect(method('blend', { blendWeights: { volatility: 0.5, kelly: 0.5, risk_parity: 0 } })).toBeCloseTo(21_000, 9);
    const blend = pipelineParamsSchema.parse({ base: { method: 'blend' } });
    expect(legacyBase({ ...sizes, volatility: NaN }, blend), 'unknown volatility: the other two').toBeCloseTo(36_000, 9);
    expect(legacyBase({ volatility: NaN, kelly: NaN, risk_parity: NaN }, blend)).toBeNaN();
  });
});

describe('the pipeline engine', () => {
  it('asks for what its stages read', () => {
    expect(createPipeline(params).needs).toEqual({ tradeStatsWindow: 50, volatilityLookback: { short: 20, long: 100, trend: 50 }, exposure: true, goals: true });
    const ratio = pipelineParamsSchema.parse({ market: { method: 'volatility-ratio' }, goalFactor: { enabled: false } });
    expect(createPipeline(ratio).needs).toEqual({ tradeStatsWindow: 50, volatilityLookback: { short: 20, long: 100, trend: undefined }, exposure: true, goals: false });
  });

  it('logs its stages in order, the market stage multiplying', () => {
    // bull (trend 0.05 > 0.02): x1.1; confidence 0.5: x0.6
    const d = createPipeline(params).size(request({ volatility: { short: 0.02, long: 0.02, trend: 0.05 } }));
    expect(d.stages.map((s) => s.name)).toEqual(['base', 'signal', 'market', 'constraints', 'goal', 'limits', 'final']);
    const value = (name: string): number => d.stages.find((s) => s.name === name)?.value ?? NaN;
    expect(value('signal') / value('base')).toBeCloseTo(0.6, 12);
    expect(value('market') / value('signal')).toBeCloseTo(1.1, 12);
    expect(d.kelly).toBeCloseTo(0.1, 15);
  });

  it('a legacy method without a sigma yet skips, saying why', () => {
    const d = createPipeline(pipelineParamsSchema.parse({ base: { method: 'risk-budget' } })).size(request({ volatility: undefined }));
    expect([d.stages, d.finalValue, d.skipped, d.reasoning]).toEqual([[{ name: 'base', value: 0 }, { name: 'final', value: 0 }], 0, 'not enough history for the base size', 'No base size: volatility unknown yet.']);
  });

  it('a legacy method sizes from its component and prints the three', () => {
    // risk-budget 50,000, x0.6 signal = 30,000, sideways x1 = 30,000, capped at 20 % = 20,000
    const d = createPipeline(pipelineParamsSchema.parse({ base: { method: 'risk-budget' }, goalFactor: { enabled: false } })).size(request());
    expect(d.finalValue).toBe(20_000);
    expect(d.kelly, 'the engine-level Kelly estimate').toBe(0.4);
    expect(d.reasoning).toBe('Base risk-budget 50000.00 (volatility 50000.00, Kelly 20000.00, risk parity 100000.00). Signal confidence 50.00% x0.60, market sideways x1.000. Goal factor disabled. Final 20000.00 (20.0% of equity): 200 units.');
  });

  it('a short is not held to the cash', () => {
    const long = createPipeline(params).size(request({ cash: 0 }));
    const short = createPipeline(params).size(request({ cash: 0, direction: 'short' }));
    expect(long.finalValue).toBe(0);
    expect(short.finalValue).toBeGreaterThan(0);
  });

  it('says preservation when the portfolio factor is in force, and prints units to at most 8 places', () => {
    const goals = { monthly_return: { progress: 0.5, expected: 0.5 }, monthly_income: { progress: 0.5, expected: 0.5 } };
    const rich = createPipeline(params).size(request({ equity: 900_000, cash: 900_000, goals }));
    expect(rich.reasoning).toContain(', preservation).');
    const unrounded = createPipeline(params).size(request({ goals, lotStep: undefined, price: 3.3 }));
    expect(unrounded.units.scale, 'value / price unrounded').toBeGreaterThan(8);
    expect(unrounded.reasoning).toMatch(/: \d+\.\d{8} units\.$/);
  });
});
