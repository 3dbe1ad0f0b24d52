/**
 * The goal-adjustment factor (README "Sizing engines"; seed 000 GoalOrientedSizingModule): a multiplier from
 * the month's return and income pace and the portfolio's closeness to its target. Pace is
 * defined in goals/types.ts. Preservation: from `preservation.start` on, the portfolio factor
 * dominates and caps the result, protecting capital as the target nears.
 */
import { paceOf } from '../goals/progress.js';
import type { GoalFactorParams } from './params.js';
import type { GoalInputs } from './types.js';

export interface GoalFactorResult {
  readonly factor: number;
  readonly returnFactor: number;
  readonly incomeFactor: number;
  readonly portfolioFactor: number;
  readonly preservation: boolean;
  /** Why the neutral 1.0 was used instead of a computed factor, or null. */
  readonly fallback: string | null;
}

const lerp = (x: number, x0: number, y0: number, x1: number, y1: number): number => y0 + ((x - x0) * (y1 - y0)) / (x1 - x0);

/** Per-goal factor f(pace): > 1 when behind (accelerate), < 1 when ahead (protect gains). */
export function paceFactor(pace: number, t: GoalFactorParams['thresholds']): number {
  if (pace >= t.aheadSaturation) return 0.7;
  if (pace >= t.ahead) return lerp(pace, t.ahead, 0.9, t.aheadSaturation, 0.7);
  if (pace >= t.onTrackMin) return 1.0;
  if (pace >= t.atRisk) return lerp(pace, t.onTrackMin, 1.0, t.atRisk, 1.15);
  if (pace >= t.critical) return lerp(pace, t.atRisk, 1.15, t.critical, 1.3);
  return 1.3;
}

export function portfolioFactor(equity: number, p: GoalFactorParams['preservation']): number {
  if (equity < p.start) return 1.0;
  if (equity >= p.full) return 0.5;
  return lerp(equity, p.start, 1.0, p.full, 0.5);
}

const NEUTRAL = (fallback: string): GoalFactorResult => ({ factor: 1, returnFactor: 1, incomeFactor: 1, portfolioFactor: 1, preservation: false, fallback });

export function goalFactor(goals: GoalInputs | undefined, equity: number, params: GoalFactorParams): GoalFactorResult {
  const returnGoal = goals?.monthly_return;
  const incomeGoal = goals?.monthly_income;
  if (returnGoal === undefined || incomeGoal === undefined) return NEUTRAL('missing monthly_return or monthly_income progress');
  const inputs = [returnGoal.progress, returnGoal.expected, incomeGoal.progress, incomeGoal.expected, equity];
  if (!inputs.every(Number.isFinite)) return NEUTRAL('non-finite goal progress or equity');
  const returnFactor = paceFactor(paceOf(returnGoal.progress, returnGoal.expected), params.thresholds);
  const incomeFactor = paceFactor(paceOf(incomeGoal.progress, incomeGoal.expected), params.thresholds);
  const portfolio = portfolioFactor(equity, params.preservation);
  const preservation = equity >= params.preservation.start;
  const w = preservation ? params.weights.preservation : params.weights.growth;
  let factor = w.return * returnFactor + w.income * incomeFactor + w.portfolio * portfolio;
  if (preservation) factor = Math.min(factor, portfolio);
  factor = Math.min(params.bounds.max, Math.max(params.bounds.min, factor));
  return { factor, returnFactor, incomeFactor, portfolioFactor: portfolio, preservation, fallback: null };
}
