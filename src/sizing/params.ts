/**
 * Sizing parameters (README "Sizing engines") with their defaults. The same schemas validate a scenario's
 * `sizing.params` and the `params` of a `goalsim size` request.
 */
import { z } from 'zod';
import { GOAL_TYPES } from '../goals/types.js';

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

/** The last N closed trades, or those closed in the last N days of simulated time. */
const tradeWindow = z.union([z.number().int().positive(), z.strictObject({ days: z.number().positive() })]);

const kellyInputs = {
  kellyFraction: z.number().gt(0).max(1).default(0.5),
  kellyCap: z.number().gt(0).max(1).default(0.5),
  window: tradeWindow.default(50),
  minTrades: z.number().int().min(0).default(20),
  priors: z
    .strictObject({ winRate: z.number().min(0).max(1).default(0.55), avgWin: z.number().positive().default(0.02), avgLoss: z.number().positive().default(0.015) })
    .default({ winRate: 0.55, avgWin: 0.02, avgLoss: 0.015 }),
};

const positionBounds = {
  minPositionPct: z.number().min(0).max(1).default(0.01),
  maxPositionPct: z.number().gt(0).max(1).default(0.2),
};

/** The seed system's base stage (README "Sizing engines"; its risk manager's constants, every one a parameter). */
const seedBaseSchema = z
  .strictObject({
    /** Blend of the three sizes. */
    weights: z
      .strictObject({ volatility: z.number().min(0), kelly: z.number().min(0), risk_parity: z.number().min(0) })
      .refine((w) => Math.abs(w.volatility + w.kelly + w.risk_parity - 1) < 1e-9, { message: 'weights must sum to 1' })
      .default({ volatility: 0.4, kelly: 0.35, risk_parity: 0.25 }),
    /** volatility size = balance x riskPerTrade x clamp(target / sigma, scaleMin, scaleMax); x highMultiplier above highSigma; at most maxPct. */
    volatility: z
      .strictObject({ target: z.number().positive().default(0.02), scaleMin: z.number().min(0).default(0.1), scaleMax: z.number().positive().default(2), highSigma: z.number().positive().default(0.05), highMultiplier: z.number().min(0).default(0.6), maxPct: z.number().gt(0).max(1).default(0.2) })
      .default({ target: 0.02, scaleMin: 0.1, scaleMax: 2, highSigma: 0.05, highMultiplier: 0.6, maxPct: 0.2 }),
    /** Kelly size = balance x clamp(fraction x f, 0, cap) x signal strength; fallbackPct without an estimate. */
    kelly: z
      .strictObject({ fraction: z.number().gt(0).max(1).default(0.25), cap: z.number().gt(0).max(1).default(0.25), fallbackPct: z.number().min(0).max(1).default(0.02), winRate: z.number().min(0).max(1).default(0.55), winLossRatio: z.number().positive().default(1.5) })
      .default({ fraction: 0.25, cap: 0.25, fallbackPct: 0.02, winRate: 0.55, winLossRatio: 1.5 }),
    /** risk-parity size = balance x (portfolioVolatility / n) / sigma, at most maxPct; fallbackPct without a sigma. */
    riskParity: z
      .strictObject({ portfolioVolatility: z.number().positive().default(0.03), maxPct: z.number().gt(0).max(1).default(0.15), fallbackPct: z.number().min(0).max(1).default(0.05) })
      .default({ portfolioVolatility: 0.03, maxPct: 0.15, fallbackPct: 0.05 }),
  })
  .default(() => ({
    weights: { volatility: 0.4, kelly: 0.35, risk_parity: 0.25 },
    volatility: { target: 0.02, scaleMin: 0.1, scaleMax: 2, highSigma: 0.05, highMultiplier: 0.6, maxPct: 0.2 },
    kelly: { fraction: 0.25, cap: 0.25, fallbackPct: 0.02, winRate: 0.55, winLossRatio: 1.5 },
    riskParity: { portfolioVolatility: 0.03, maxPct: 0.15, fallbackPct: 0.05 },
  }));

const SEED_STEPS: [number, number][] = [
  [0.8, 1],
  [0.6, 0.8],
  [0.4, 0.6],
  [0.2, 0.4],
];

export const pipelineParamsSchema = z
  .strictObject({
    base: z
      .strictObject({
        /** seed: the seed system's blend; risk-budget: equity x riskTolerance / (k x sigma); the rest as before. */
        method: z.enum(['seed', 'risk-budget', 'volatility', 'kelly', 'risk_parity', 'blend']).default('seed'),
        seed: seedBaseSchema,
        blendWeights: z
          .strictObject({ volatility: z.number().min(0), kelly: z.number().min(0), risk_parity: z.number().min(0) })
          .refine((w) => Math.abs(w.volatility + w.kelly + w.risk_parity - 1) < 1e-9, { message: 'blend weights must sum to 1' })
          .default({ volatility: 1 / 3, kelly: 1 / 3, risk_parity: 1 / 3 }),
        /** Days of daily returns for sigma, and for the long sigma of the market stage. */
        lookback: z.number().int().min(2).default(20),
        longLookback: z.number().int().min(2).default(100),
        k: z.number().positive().default(2),
      })
      .default(() => ({ method: 'seed' as const, seed: seedBaseSchema.parse(undefined), blendWeights: { volatility: 1 / 3, kelly: 1 / 3, risk_parity: 1 / 3 }, lookback: 20, longLookback: 100, k: 2 })),
    /** steps: the seed's step function of confidence ([at least, factor], highest first, else floor); linear: x confidence. */
    signal: z
      .strictObject({
        method: z.enum(['steps', 'linear']).default('steps'),
        steps: z.array(z.tuple([z.number().min(0).max(1), z.number().min(0)])).default(SEED_STEPS),
        floor: z.number().min(0).default(0.2),
      })
      .default({ method: 'steps', steps: SEED_STEPS, floor: 0.2 }),
    /**
     * regime: the seed's multipliers by market regime, read from the data (high volatility when
     * the short sigma exceeds volatilityRatio x the long one; else bull or bear when the close is
     * above or below its trendLookback-day average by more than trendBand; else sideways), and
     * x offHours.multiplier outside [startHour, endHour) UTC when enabled. volatility-ratio: as
     * before, clamp(long sigma / short sigma, min, max).
     */
    market: z
      .strictObject({
        method: z.enum(['regime', 'volatility-ratio']).default('regime'),
        highVolatility: z.number().min(0).default(0.7),
        bear: z.number().min(0).default(0.8),
        bull: z.number().min(0).default(1.1),
        sideways: z.number().min(0).default(1),
        volatilityRatio: z.number().positive().default(1.5),
        trendLookback: z.number().int().min(2).default(50),
        trendBand: z.number().min(0).default(0.02),
        offHours: z.strictObject({ enabled: z.boolean().default(false), multiplier: z.number().min(0).default(0.8), startHour: z.number().int().min(0).max(24).default(6), endHour: z.number().int().min(0).max(24).default(22) }).default({ enabled: false, multiplier: 0.8, startHour: 6, endHour: 22 }),
        min: z.number().positive().default(0.5),
        max: z.number().positive().default(1),
      })
      .default(() => ({ method: 'regime' as const, highVolatility: 0.7, bear: 0.8, bull: 1.1, sideways: 1, volatilityRatio: 1.5, trendLookback: 50, trendBand: 0.02, offHours: { enabled: false, multiplier: 0.8, startHour: 6, endHour: 22 }, min: 0.5, max: 1 })),
    ...positionBounds,
    maxGrossExposure: z.number().positive().default(1),
    assetClassLimits: z.record(z.string(), z.number().positive().max(10)).default({}),
    goalFactor: goalFactorSchema,
    ...kellyInputs,
  })
  .refine((p) => p.minPositionPct <= p.maxPositionPct, { message: 'minPositionPct must not exceed maxPositionPct', path: ['minPositionPct'] });

export const goalKellyParamsSchema = z
  .strictObject({
    ...positionBounds,
    ...kellyInputs,
    driverGoal: z.enum(GOAL_TYPES).optional(),
    /**
     * The risk per trade it sizes from: `tracker`, the tracker's goal-adjusted risk (the source
     * system); `base`, the account's risk under drawdown protection alone: the goal-off twin.
     */
    riskSource: z.enum(['tracker', 'base']).default('tracker'),
    /** A non-positive edge trades at minPositionPct (the seed system), so the statistics keep updating; or is skipped. */
    negativeEdge: z.enum(['min-position', 'skip']).default('min-position'),
    assetClassLimits: z.record(z.string(), z.number().positive().max(10)).default({}),
  })
  .refine((p) => p.minPositionPct <= p.maxPositionPct, { message: 'minPositionPct must not exceed maxPositionPct', path: ['minPositionPct'] });

export const kellyParamsSchema = z.strictObject({ ...kellyInputs, maxPositionPct: z.number().gt(0).max(1).default(1) });

/** Share of equity committed per entry. */
export const fixedFractionParamsSchema = z.strictObject({ fraction: z.number().gt(0).max(1).default(0.1) });

/** fixed-risk sizes from the signal's stop distance and the account's risk; it takes no parameters. */
export const fixedRiskParamsSchema = z.strictObject({});

export type GoalFactorParams = z.output<typeof goalFactorSchema>;
export type PipelineParams = z.output<typeof pipelineParamsSchema>;
export type GoalKellyParams = z.output<typeof goalKellyParamsSchema>;
export type KellyParams = z.output<typeof kellyParamsSchema>;
export type FixedFractionParams = z.output<typeof fixedFractionParamsSchema>;
export type FixedRiskParams = z.output<typeof fixedRiskParamsSchema>;
