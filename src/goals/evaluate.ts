/**
 * One goal's progress at an instant, from the period state the tracker keeps. Monthly goals
 * measure from the month's start (the first bar, for the first, partial month); the portfolio
 * goal from the run's start: its progress is the share of the gain to the target made so far.
 */
import { daysLeft, elapsedFraction, geometricExpected, paceOf, portfolioProgress, requiredDailyReturn, statusOf, statusPace } from './progress.js';
import type { GoalConfig, GoalProgress } from './types.js';

export interface PeriodState {
  readonly monthStart: number;
  readonly monthEnd: number;
  readonly monthStartEquity: number;
  /** Realised net P&L since the month started. */
  readonly monthIncome: number;
  readonly runStart: number;
  readonly runStartEquity: number;
  /** Once reached, the portfolio goal stays achieved. */
  readonly portfolioAchieved: boolean;
}

/** A goal's progress record that a tracker fills in place at every cycle. */
export type GoalProgressRecord = { -readonly [K in keyof GoalProgress]: GoalProgress[K] };

/**
 * `detail: false` evaluates for decisions only (the tracker's outcome-only mode): the status is
 * the same, pace is the float sum (exact where it decides the status), and the required daily
 * return, which only the progress rows show, is not computed (null).
 */
export function evaluateGoal(goal: GoalConfig, time: number, equity: number, state: PeriodState, detail = true): GoalProgress {
  const record: GoalProgressRecord = { goal: goal.type, current: 0, target: goal.target, progress: 0, expected: 0, pace: 0, status: 'on_track', daysRemaining: null, requiredDailyReturn: null };
  evaluateGoalInto(record, goal, time, equity, state, detail);
  return record;
}

/** evaluateGoal into a record the caller keeps: a tracker's cycle allocates nothing. */
export function evaluateGoalInto(record: GoalProgressRecord, goal: GoalConfig, time: number, equity: number, state: PeriodState, detail: boolean): void {
  let current: number;
  let progress: number;
  let expected: number;
  let days: number | null;
  if (goal.type === 'portfolio_value') {
    current = equity;
    progress = portfolioProgress(state.runStartEquity, goal.target, equity);
    if (goal.targetDate === undefined) {
      expected = NaN; // no schedule: pace is 1 by definition
      days = null;
    } else {
      expected = geometricExpected(state.runStartEquity, goal.target, elapsedFraction(state.runStart, goal.targetDate, time));
      days = daysLeft(time, goal.targetDate);
    }
  } else {
    current = goal.type === 'monthly_return' ? equity / state.monthStartEquity - 1 : state.monthIncome;
    progress = current / goal.target;
    expected = elapsedFraction(state.monthStart, state.monthEnd, time);
    days = daysLeft(time, state.monthEnd);
  }
  // no schedule: expected is progress itself and pace is 1 by definition
  const scheduled = !Number.isNaN(expected);
  if (!scheduled) expected = progress;
  const pace = !scheduled ? 1 : detail ? paceOf(progress, expected) : statusPace(progress, expected);
  record.goal = goal.type;
  record.current = current;
  record.target = goal.target;
  record.progress = progress;
  record.expected = expected;
  record.pace = pace;
  record.status = goal.type === 'portfolio_value' && state.portfolioAchieved ? 'achieved' : statusOf(progress, pace);
  record.daysRemaining = days;
  record.requiredDailyReturn = days === null || !detail ? null : requiredDailyReturn(goal.type, current, goal.target, equity, days);
}
