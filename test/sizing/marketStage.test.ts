/** The pipeline's market stage (SPEC 3.1; the seed's regime multipliers), with the defaults of sizing/params.ts. */
import { describe, expect, it } from 'vitest';
import { money } from '../../src/ledger/index.js';
import { marketFactor, offHours, regimeOf, signalFactor } from '../../src/sizing/marketStage.js';
import { pipelineParamsSchema } from '../../src/sizing/params.js';
import type { SizingRequest } from '../../src/sizing/index.js';

// volatilityRatio 1.5, trendBand 0.02; multipliers: high volatility 0.7, bear 0.8, bull 1.1, sideways 1
const defaults = pipelineParamsSchema.parse({});
const market = defaults.market;
const at = (hourUtc: number): number => Date.UTC(2024, 2, 5, hourUtc, 30);
const request = (volatility: SizingRequest['volatility'], time = at(12)): SizingRequest => ({
  time, symbol: 'X', assetClass: 'equity', direction: 'long', price: 100, confidence: 1, stopLossPct: 0.05,
  equity: 100_000, cash: 100_000, grossExposure: 0, assetClassExposure: {}, lotStep: money('1'), minNotional: money('0'),
  riskTolerance: 0.02, currentRisk: 0.02, goals: undefined, volatility, tradeStats: undefined,
});

describe('the market regime from the symbol\'s daily data', () => {
  it.each([
    ['short sigma above 1.5 x long: high volatility', { short: 0.031, long: 0.02, trend: 0.05 }, 'high_volatility'],
    ['exactly 1.5 x: not high', { short: 0.03, long: 0.02, trend: 0 }, 'sideways'],
    ['trend above the band: bull', { short: 0.01, long: 0.02, trend: 0.021 }, 'bull'],
    ['trend at the band: sideways', { short: 0.01, long: 0.02, trend: 0.02 }, 'sideways'],
    ['trend below minus the band: bear', { short: 0.01, long: 0.02, trend: -0.021 }, 'bear'],
    ['trend at minus the band: sideways', { short: 0.01, long: 0.02, trend: -0.02 }, 'sideways'],
    ['no long sigma yet: the trend decides', { short: 0.05, long: 0, trend: 0.03 }, 'bull'],
    ['no short sigma: the trend decides', { short: 0, long: 0.0001, trend: -0.03 }, 'bear'],
    ['no trend yet: sideways', { short: 0.01, long: 0.02, trend: NaN }, 'sideways'],
    ['no trend given: sideways', { short: 0.01, long: 0.02 }, 'sideways'],
  ] as const)('%s', (_label, volatility, regime) => {
    expect(regimeOf(volatility, market)).toBe(regime);
  });

  it('without daily data: sideways', () => {
    expect(regimeOf(undefined, market)).toBe('sideways');
  });

  it('the regime sets the factor; off hours multiply it when enabled', () => {
    expect(marketFactor(request({ short: 0.031, long: 0.02 }), market)).toEqual({ factor: 0.7, label: 'high_volatility' });
    expect(marketFactor(request({ short: 0.01, long: 0.02, trend: 0.03 }), market)).toEqual({ factor: 1.1, label: 'bull' });
    expect(marketFactor(request({ short: 0.01, long: 0.02, trend: -0.03 }), market)).toEqual({ factor: 0.8, label: 'bear' });
    expect(marketFactor(request(undefined), market)).toEqual({ factor: 1, label: 'sideways' });
    const late = { ...market, offHours: { ...market.offHours, enabled: true } }; // x 0.8 outside 06:00-22:00 UTC
    expect(marketFactor(request({ short: 0.01, long: 0.02, trend: 0.03 }, at(23)), late).label).toBe('bull, off hours');
    expect(marketFactor(request({ short: 0.01, long: 0.02, trend: 0.03 }, at(23)), late).factor).toBeCloseTo(0.88, 15);
    expect(marketFactor(request({ short: 0.01, long: 0.02, trend: 0.03 }, at(12)), late)).toEqual({ factor: 1.1, label: 'bull' });
    expect(marketFactor(request({ short: 0.01, long: 0.02, trend: 0.03 }, at(23)), market), 'disabled: no off hours').toEqual({ factor: 1.1, label: 'bull' });
  });

  it('off hours are outside [startHour, endHour) UTC', () => {
    const hours = market.offHours; // 6 to 22
    expect([5, 6, 21, 22].map((h) => offHours(Date.UTC(2024, 0, 1, h), hours))).toEqual([true, false, false, true]);
    expect(offHours(Date.UTC(2024, 0, 1, 5, 59), hours)).toBe(true);
  });

  it('volatility-ratio: long sigma over short, clamped to [min, max]', () => {
    const ratio = { ...market, method: 'volatility-ratio' as const }; // min 0.5, max 1
    expect(marketFactor(request({ short: 0.04, long: 0.03 }), ratio)).toEqual({ factor: 0.75, label: 'volatility ratio' });
    expect(marketFactor(request({ short: 0.1, long: 0.02 }), ratio).factor, 'clamped at min').toBe(0.5);
    expect(marketFactor(request({ short: 0.01, long: 0.02 }), ratio).factor, 'clamped at max').toBe(1);
    expect(marketFactor(request({ short: 0, long: 0.02 }), ratio).factor, 'no short sigma: 1').toBe(1);
    expect(marketFactor(request({ short: 0.02, long: 0 }), ratio).factor, 'no long sigma: 1').toBe(1);
    expect(marketFactor(request(undefined), ratio).factor).toBe(1);
  });
});

describe('the signal stage', () => {
  it('steps by confidence, highest step first, else the floor; or linear', () => {
    // seed steps: >= 0.8 -> 1, >= 0.6 -> 0.8, >= 0.4 -> 0.6, >= 0.2 -> 0.4, else floor 0.2
    expect([0.9, 0.8, 0.79, 0.6, 0.4, 0.2, 0.19, 0].map((c) => signalFactor(c, defaults.signal))).toEqual([1, 1, 0.8, 0.8, 0.6, 0.4, 0.2, 0.2]);
    expect(signalFactor(0.37, { ...defaults.signal, method: 'linear' })).toBe(0.37);
  });
});
