/** Progress, expected progress, pace, status and required daily return of one goal. */
import { Money } from '../ledger/money.js';
import { MS_PER_DAY } from '../data/timestamp.js';
import type { GoalStatus, GoalType } from './types.js';

export interface StatusThresholds {
  readonly onTrackMin: number;
  readonly atRisk: number;
}

export const DEFAULT_STATUS_THRESHOLDS: StatusThresholds = { onTrackMin: 0.85, atRisk: 0.7 };

/**
 * 1 + progress - expected, as on the inputs' decimal values, so that band edges (0.85, 1.15...)
 * are met exactly rather than missed by a float rounding: 1 + 0.35 - 0.5 is 0.85, not
 * 0.8499999999999999. The float sum is at most an ulp from the decimal one, so the two can fall
 * on either side of a number only when the float lies next to it. Within 1e-13 (relative) of a
 * number of at most 11 significant digits (every threshold a person types, and every rounding
 * boundary of the 10-digit output cells) the decimals decide; elsewhere the float stands. The
 * decimals cost more than the rest of a tracker cycle.
 */
export function paceOf(progress: number, expected: number): number {
  const pace = 1 + progress - expected;
  const scaled = pace * 10 ** (10 - Math.floor(Math.log10(Math.abs(pace))));
  if (Math.abs(scaled - Math.round(scaled)) > 0.01) return pace;
  return decidedPace(progress, expected);
}

/**
 * The decimals' pace, remembered: a daily tracker meets the same few round numbers every month
 * (no income yet, and half of a 30-day month gone, is a pace of exactly 0.5), in every run.
 */
const decidedPaces = new Map<number, Map<number, number>>();
let decidedCount = 0;

function decidedPace(progress: number, expected: number): number {
  const known = decidedPaces.get(progress)?.get(expected);
  if (known !== undefined) return known;
  const pace = new Money(1).add(new Money(progress)).sub(new Money(expected)).toNumber();
  if (++decidedCount > 100_000) {
    decidedPaces.clear(); // bounded: a long run meets ever new pairs
    decidedCount = 1;
  }
  let byExpected = decidedPaces.get(progress);
  if (byExpected === undefined) decidedPaces.set(progress, (byExpected = new Map()));
  byExpected.set(expected, pace);
  return pace;
}

/**
 * Pace as the status needs it: the float sum, except within 1e-12 of a status edge, where the
 * decimals decide which side it is on.
 */
export function statusPace(progress: number, expected: number, thresholds: StatusThresholds = DEFAULT_STATUS_THRESHOLDS): number {
  const pace = 1 + progress - expected;
  return Math.abs(pace - thresholds.onTrackMin) > 1e-12 && Math.abs(pace - thresholds.atRisk) > 1e-12 ? pace : decidedPace(progress, expected);
}

export function statusOf(progress: number, pace: number, thresholds: StatusThresholds = DEFAULT_STATUS_THRESHOLDS): GoalStatus {
  if (progress >= 1) return 'achieved';
  if (pace >= thresholds.onTrackMin) return 'on_track';
  if (pace >= thresholds.atRisk) return 'at_risk';
  return 'behind';
}

/** Share of [start, end) elapsed at `time`, within [0, 1]. */
export function elapsedFraction(start: number, end: number, time: number): number {
  if (end <= start) return 1;
  return Math.min(1, Math.max(0, (time - start) / (end - start)));
}

/** Calendar days from `time` to `end`, at least 1. */
export function daysLeft(time: number, end: number): number {
  return Math.max(1, Math.ceil((end - time) / MS_PER_DAY));
}

/**
 * The portfolio goal's progress: the share of the gain it asks for (target - start) made so far,
 * so that a goal starts at 0 and its milestones mark gains, not the capital it began with (as
 * equity / target would: 10 % on the first day of a 100,000 to 1,000,000 goal). A target at or
 * below the start is met (1) while equity is at or above it, else not yet (0).
 */
export function portfolioProgress(startEquity: number, target: number, equity: number): number {
  const gain = target - startEquity;
  if (!(gain > 0)) return equity >= target ? 1 : 0;
  return (equity - startEquity) / gain;
}

/**
 * The portfolio goal's expected progress on a geometric path from the starting equity to the
 * target at the target date: expected value = start * (target / start)^elapsed, as a share of the
 * gain (see portfolioProgress). Linear in time where there is no such path.
 */
export function geometricExpected(startEquity: number, target: number, elapsed: number): number {
  if (startEquity <= 0 || target <= startEquity) return elapsed;
  return portfolioProgress(startEquity, target, startEquity * (target / startEquity) ** elapsed);
}

/** Daily return needed from now to reach the target by the period's end (README "Goals and the tracker"). */
export function requiredDailyReturn(goal: GoalType, current: number, target: number, equity: number, days: number): number {
  switch (goal) {
    case 'monthly_return':
      return ((1 + target) / (1 + current)) ** (1 / days) - 1;
    case 'portfolio_value':
      return (target / equity) ** (1 / days) - 1;
    case 'monthly_income':
      return Math.max(0, target - current) / days / equity;
  }
}
