import { describe, expect, it } from 'vitest';
import { goalFactor, goalFactorSchema, paceFactor, portfolioFactor } from '../../src/sizing/index.js';

const params = goalFactorSchema.parse(undefined);
const t = params.thresholds;
/** Goal inputs at a given pace: progress = pace - 1 + expected, with half the month gone. */
const atPace = (pace: number) => ({ progress: pace - 0.5, expected: 0.5 });

describe('goal factor reference cases (SPEC 3.3)', () => {
  it('behind on goals: pace 0.3 on both monthly goals, equity 100k -> 1.15..1.30', () => {
    const { factor } = goalFactor({ monthly_return: atPace(0.3), monthly_income: atPace(0.3) }, 100_000, params);
    // 0.40 x 1.30 + 0.35 x 1.30 + 0.25 x 1.00 = 1.225
    expect(factor).toBeCloseTo(1.225, 12);
    expect(factor).toBeGreaterThanOrEqual(1.15);
    expect(factor).toBeLessThanOrEqual(1.3);
  });
  it('on track: pace 1.0, equity 100k -> 0.95..1.05', () => {
    expect(goalFactor({ monthly_return: atPace(1), monthly_income: atPace(1) }, 100_000, params).factor).toBeCloseTo(1, 12);
  });
  it('ahead: pace 2.0, equity 100k -> 0.70..0.90', () => {
    const { factor } = goalFactor({ monthly_return: atPace(2), monthly_income: atPace(2.4) }, 100_000, params);
    // 0.40 x 0.70 + 0.35 x 0.70 + 0.25 x 1.00 = 0.775
    expect(factor).toBeCloseTo(0.775, 12);
  });
  it('near 1M: pace 1.0, equity 960k -> 0.50..0.70', () => {
    const result = goalFactor({ monthly_return: atPace(1), monthly_income: atPace(1) }, 960_000, params);
    // preservation weights: 0.25 + 0.15 + 0.60 x 0.5 = 0.70, capped at the portfolio factor 0.5
    expect(result.preservation).toBe(true);
    expect(result.factor, 'near €1M the factor preserves capital').toBe(0.5);
  });
  it('falls back to 1.0, and says why, when an input is missing', () => {
    const result = goalFactor({ monthly_return: atPace(0.3) }, 100_000, params);
    expect(result.factor).toBe(1);
    expect(result.fallback).toMatch(/missing/);
  });
});

describe('goal factor band edges, both sides', () => {
  const eps = 1e-9;
  it.each([
    ['aheadSaturation', t.aheadSaturation, 0.7, 0.7],
    ['ahead', t.ahead, 0.9, 1.0],
    ['onTrackMin', t.onTrackMin, 1.0, 1.0],
    ['atRisk', t.atRisk, 1.15, 1.15],
    ['critical', t.critical, 1.3, 1.3],
  ])('%s at %d: %d at the edge, %d just below', (_name, edge, atEdge, below) => {
    expect(paceFactor(edge, t)).toBeCloseTo(atEdge, 12);
    expect(paceFactor(edge - eps, t)).toBeCloseTo(below, 6);
    expect(paceFactor(edge + eps, t)).toBeCloseTo(atEdge, 6);
  });
  it('interpolates inside the bands', () => {
    expect(paceFactor(1.575, t), 'midway 1.15..2.0: midway 0.90..0.70').toBeCloseTo(0.8, 12);
    expect(paceFactor(0.775, t), 'midway 0.85..0.70: midway 1.00..1.15').toBeCloseTo(1.075, 12);
    expect(paceFactor(0.6, t), 'midway 0.70..0.50: midway 1.15..1.30').toBeCloseTo(1.225, 12);
    expect(paceFactor(0.1, t)).toBe(1.3);
  });
  it('switches weights and caps at preservation.start; saturates at preservation.full', () => {
    expect(portfolioFactor(799_999.99, params.preservation)).toBe(1);
    expect(portfolioFactor(800_000, params.preservation)).toBe(1);
    expect(portfolioFactor(875_000, params.preservation)).toBeCloseTo(0.75, 12);
    expect(portfolioFactor(950_000, params.preservation)).toBe(0.5);
    const behind = { monthly_return: atPace(0.3), monthly_income: atPace(0.3) };
    expect(goalFactor(behind, 799_999, params).factor).toBeCloseTo(1.225, 9);
    // from 800k: 0.25 x 1.3 + 0.15 x 1.3 + 0.60 x 1.0 = 1.12, capped at the portfolio factor 1.0
    expect(goalFactor(behind, 800_000, params).factor).toBe(1);
  });
  it('reads pace on exact decimals: progress 0.65 with 0.5 expected is exactly at ahead (1.15)', () => {
    expect(goalFactor({ monthly_return: { progress: 0.65, expected: 0.5 }, monthly_income: { progress: 0.65, expected: 0.5 } }, 100_000, params).returnFactor).toBe(0.9);
  });
  it('clamps to the configured bounds', () => {
    const tight = goalFactorSchema.parse({ bounds: { min: 0.9, max: 1.1 } });
    expect(goalFactor({ monthly_return: atPace(0.3), monthly_income: atPace(0.3) }, 100_000, tight).factor).toBe(1.1);
  });
});
