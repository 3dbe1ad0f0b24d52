/**
 * Sizing parameters (SPEC 3.4) with their defaults. The same schemas validate a scenario's
 * `sizing.params` and the `params` of a `goalsim size` request.
 */
import { z } from 'zod';

const weightTriple = z.strictObject({ return: z.number().min(0), income: z.number().min(0), portfolio: z.number().min(0) });
const sumsToOne = (w: { return: number; income: number; portfolio: number }): boolean => Math.abs(w.return + w.income + w.portfolio - 1) < 1e-9;

export const goalFactorSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    thresholds: z
      .strictObject({
        ahead: z.number().default(1.15),
        onTrackMin: z.number().default(0.85),
        atRisk: z.number().default(0.7),
        critical: z.number().default(0.5),
        aheadSaturation: z.number().default(2.0),
      })
      .refine((t) => t.critical < t.atRisk && t.atRisk < t.onTrackMin && t.onTrackMin < t.ahead && t.ahead < t.aheadSaturation, {
        message: 'thresholds must increase: critical < atRisk < onTrackMin < ahead < aheadSaturation',
      })
      .default({ ahead: 1.15, onTrackMin: 0.85, atRisk: 0.7, critical: 0.5, aheadSaturation: 2.0 }),
    preservation: z
      .strictObject({ start: z.number().positive().default(800_000), full: z.number().positive().default(950_000) })
      .refine((p) => p.start < p.full, { message: 'preservation.start must be below preservation.full', path: ['start'] })
      .default({ start: 800_000, full: 950_000 }),
    weights: z
      .strictObject({
        growth: weightTriple.refine(sumsToOne, { message: 'weights must sum to 1' }).default({ return: 0.4, income: 0.35, portfolio: 0.25 }),
        preservation: weightTriple.refine(sumsToOne, { message: 'weights must sum to 1' }).default({ return: 0.25, income: 0.15, portfolio: 0.6 }),
      })
      .default({ growth: { return: 0.4, income: 0.35, portfolio: 0.25 }, preservation: { return: 0.25, income: 0.15, portfolio: 0.6 } }),
    bounds: z
      .strictObject({ min: z.number().positive().default(0.5), max: z.number().positive().default(1.3) })
      .refine((b) => b.min <= b.max, { message: 'bounds.min must not exceed bounds.max', path: ['min'] })
      .default({ min: 0.5, max: 1.3 }),
  })
  .default(() => defaultGoalFactor());

// The fully defaulted goal factor, for a scenario that does not mention it.
function defaultGoalFactor() {
  return {
    enabled: true,
    thresholds: { ahead: 1.15, onTrackMin: 0.85, atRisk: 0.7, critical: 0.5, aheadSaturation: 2.0 },
    preservation: { start: 800_000, full: 950_000 },
    weights: { growth: { return: 0.4, income: 0.35, portfolio: 0.25 }, preservation: { return: 0.25, income: 0.15, portfolio: 0.6 } },
    bounds: { min: 0.5, max: 1.3 },
  };
}

const kellyInputs = {
  kellyFraction: z.number().gt(0).max(1).default(0.5),
  kellyCap: z.number().gt(0).max(1).default(0.5),
  window: z.number().int().positive().default(50),
  minTrades: z.number().int().min(0).default(20),
  priors: z
    .strictObject({ winRate: z.number().min(0).max(1).default(0.55), avgWin: z.number().positive().default(0.02), avgLoss: z.number().positive().default(0.015) })
    .default({ winRate: 0.55, avgWin: 0.02, avgLoss: 0.015 }),
};

const positionBounds = {
  minPositionPct: z.number().min(0).max(1).default(0.01),
  maxPositionPct: z.number().gt(0).max(1).default(0.2),
};

export const pipelineParamsSchema = z
  .strictObject({
    base: z
      .strictObject({
        method: z.enum(['volatility', 'kelly', 'risk_parity', 'blend']).default('blend'),
        blendWeights: z
          .strictObject({ volatility: z.number().min(0), kelly: z.number().min(0), risk_parity: z.number().min(0) })
          .refine((w) => Math.abs(w.volatility + w.kelly + w.risk_parity - 1) < 1e-9, { message: 'blend weights must sum to 1' })
          .default({ volatility: 1 / 3, kelly: 1 / 3, risk_parity: 1 / 3 }),
        lookback: z.number().int().min(2).default(20),
        longLookback: z.number().int().min(2).default(100),
        k: z.number().positive().default(2),
      })
      .default({ method: 'blend', blendWeights: { volatility: 1 / 3, kelly: 1 / 3, risk_parity: 1 / 3 }, lookback: 20, longLookback: 100, k: 2 }),
    ...positionBounds,
    maxGrossExposure: z.number().positive().default(1),
    assetClassLimits: z.record(z.string(), z.number().positive().max(10)).default({}),
    market: z.strictObject({ min: z.number().positive().default(0.5), max: z.number().positive().default(1) }).default({ min: 0.5, max: 1 }),
    goalFactor: goalFactorSchema,
    ...kellyInputs,
  })
  .refine((p) => p.minPositionPct <= p.maxPositionPct, { message: 'minPositionPct must not exceed maxPositionPct', path: ['minPositionPct'] });

export const goalKellyParamsSchema = z
  .strictObject({
    ...positionBounds,
    ...kellyInputs,
    driverGoal: z.enum(['monthly_return', 'monthly_income', 'portfolio_value']).optional(),
    assetClassLimits: z.record(z.string(), z.number().positive().max(10)).default({}),
  })
  .refine((p) => p.minPositionPct <= p.maxPositionPct, { message: 'minPositionPct must not exceed maxPositionPct', path: ['minPositionPct'] });

export const kellyParamsSchema = z.strictObject({ ...kellyInputs, maxPositionPct: z.number().gt(0).max(1).default(1) });

export type GoalFactorParams = z.output<typeof goalFactorSchema>;
export type PipelineParams = z.output<typeof pipelineParamsSchema>;
export type GoalKellyParams = z.output<typeof goalKellyParamsSchema>;
export type KellyParams = z.output<typeof kellyParamsSchema>;
