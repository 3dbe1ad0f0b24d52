/** The sizing parameters' schemas (SPEC 3.4): defaults that agree at every level, and each cross-field rule at its edge. */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { goalFactorSchema, goalKellyParamsSchema, pipelineParamsSchema } from '../../src/sizing/params.js';

const issue = (schema: z.ZodType, value: unknown): { path: string; message: string } | undefined => {
  const parsed = schema.safeParse(value);
  const first = parsed.success ? undefined : parsed.error.issues[0];
  return first === undefined ? undefined : { path: first.path.join('.'), message: first.message };
};

describe('defaults', () => {
  it('an omitted object gets the defaults its fields have when it is given empty', () => {
    const spelled = { enabled: true, thresholds: {}, preservation: {}, weights: {}, bounds: {} };
    expect(goalFactorSchema.parse(undefined)).toEqual(goalFactorSchema.parse(spelled));
    expect(goalFactorSchema.parse({})).toEqual(goalFactorSchema.parse(spelled));
    expect(goalFactorSchema.parse({ weights: {} }).weights).toEqual({ growth: { return: 0.4, income: 0.35, portfolio: 0.25 }, preservation: { return: 0.25, income: 0.15, portfolio: 0.6 } });
    const pipeline = pipelineParamsSchema.parse({});
    expect(pipeline).toEqual(pipelineParamsSchema.parse({ base: { seed: { weights: { volatility: 0.4, kelly: 0.35, risk_parity: 0.25 }, volatility: {}, kelly: {}, riskParity: {} } }, signal: {}, market: { offHours: {} }, goalFactor: {} }));
    expect(pipeline.base.blendWeights).toEqual({ volatility: 1 / 3, kelly: 1 / 3, risk_parity: 1 / 3 });
    expect(pipelineParamsSchema.parse({ base: {} }).base).toEqual(pipeline.base);
    expect(pipelineParamsSchema.parse({ market: {} }).market).toEqual(pipeline.market);
    expect(pipeline.market).toMatchObject({ method: 'regime', highVolatility: 0.7, bear: 0.8, bull: 1.1, sideways: 1, volatilityRatio: 1.5, trendLookback: 50, trendBand: 0.02, min: 0.5, max: 1 });
  });
});

describe('cross-field rules', () => {
  it('goal-factor thresholds increase strictly', () => {
    const message = 'thresholds must increase: critical < atRisk < onTrackMin < ahead < aheadSaturation';
    expect(issue(goalFactorSchema, { thresholds: { ahead: 1.1, onTrackMin: 0.8, atRisk: 0.6, critical: 0.4, aheadSaturation: 1.5 } })).toBeUndefined();
    for (const thresholds of [{ critical: 0.7 }, { atRisk: 0.85 }, { onTrackMin: 1.15 }, { ahead: 2 }, { critical: 0.8 }, { atRisk: 0.9 }, { onTrackMin: 1.2 }, { ahead: 2.1 }]) {
      expect(issue(goalFactorSchema, { thresholds }), JSON.stringify(thresholds)).toEqual({ path: 'thresholds', message });
    }
  });

  it('preservation starts below where it is full', () => {
    expect(issue(goalFactorSchema, { preservation: { start: 900_000, full: 900_001 } })).toBeUndefined();
    expect(issue(goalFactorSchema, { preservation: { start: 900_000, full: 900_000 } })).toEqual({ path: 'preservation.start', message: 'preservation.start must be below preservation.full' });
  });

  it('each weight triple sums to 1, within 1e-9', () => {
    // 0.1 + 0.2 + 0.7 is 0.9999999999999999 in floats: accepted
    expect(issue(goalFactorSchema, { weights: { growth: { return: 0.1, income: 0.2, portfolio: 0.7 } } })).toBeUndefined();
    expect(issue(goalFactorSchema, { weights: { growth: { return: 0.5, income: 0.3, portfolio: 0.3 } } })).toEqual({ path: 'weights.growth', message: 'weights must sum to 1' });
    expect(issue(goalFactorSchema, { weights: { preservation: { return: 0.2, income: 0.2, portfolio: 0.5 } } })).toEqual({ path: 'weights.preservation', message: 'weights must sum to 1' });
    expect(issue(goalFactorSchema, { weights: { growth: { return: 0.4, income: 0.35, portfolio: 0.25 + 1e-8 } } }), '1e-8 off').toEqual({ path: 'weights.growth', message: 'weights must sum to 1' });
    expect(issue(pipelineParamsSchema, { base: { seed: { weights: { volatility: 0.5, kelly: 0.5, risk_parity: 0 } } } })).toBeUndefined();
    expect(issue(pipelineParamsSchema, { base: { seed: { weights: { volatility: 0.5, kelly: 0.5, risk_parity: 0.5 } } } })).toEqual({ path: 'base.seed.weights', message: 'weights must sum to 1' });
    expect(issue(pipelineParamsSchema, { base: { seed: { weights: { volatility: 0.3, kelly: 0.3, risk_parity: 0.3 } } } })).toEqual({ path: 'base.seed.weights', message: 'weights must sum to 1' });
    expect(issue(pipelineParamsSchema, { base: { blendWeights: { volatility: 0.2, kelly: 0.3, risk_parity: 0.5 } } })).toBeUndefined();
    expect(issue(pipelineParamsSchema, { base: { blendWeights: { volatility: 0.5, kelly: 0.3, risk_parity: 0.5 } } })).toEqual({ path: 'base.blendWeights', message: 'blend weights must sum to 1' });
    expect(issue(pipelineParamsSchema, { base: { blendWeights: { volatility: 0.2, kelly: 0.3, risk_parity: 0.4 } } })).toEqual({ path: 'base.blendWeights', message: 'blend weights must sum to 1' });
  });

  it('bounds.min may equal bounds.max, not exceed it', () => {
    expect(issue(goalFactorSchema, { bounds: { min: 1, max: 1 } })).toBeUndefined();
    expect(issue(goalFactorSchema, { bounds: { min: 1.01, max: 1 } })).toEqual({ path: 'bounds.min', message: 'bounds.min must not exceed bounds.max' });
  });

  it.each([['pipeline', pipelineParamsSchema], ['goal-kelly', goalKellyParamsSchema]] as const)('%s: minPositionPct may equal maxPositionPct, not exceed it', (_name, schema) => {
    expect(issue(schema, { minPositionPct: 0.1, maxPositionPct: 0.1 })).toBeUndefined();
    expect(issue(schema, { minPositionPct: 0.11, maxPositionPct: 0.1 })).toEqual({ path: 'minPositionPct', message: 'minPositionPct must not exceed maxPositionPct' });
  });
});
