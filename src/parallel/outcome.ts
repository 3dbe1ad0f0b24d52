/** A run reduced to the row a sweep keeps of it. */
import { formatTime, jsonFloat } from '../report/format.js';
import type { RunResult } from '../sim/types.js';
import type { GoalTracker } from '../goals/tracker.js';
import type { GoalOutcomeRow, VariantOutcome } from './task.js';

export function outcomeOf(id: number, result: RunResult): VariantOutcome {
  const tracker = result.tracker;
  return {
    id,
    status: 'ok',
    error: null,
    finalEquity: result.finalEquity.toFixed(),
    metrics: Object.fromEntries(Object.entries(result.metrics).map(([key, value]) => [key, jsonFloat(value as number | null)])),
    goals: tracker === undefined ? null : goalOutcomeRow(tracker),
  };
}

function goalOutcomeRow(tracker: GoalTracker): GoalOutcomeRow {
  const { months, monthsReturnGoalMet, monthsIncomeGoalMet, riskAdjustments, milestones } = tracker.outcomeCounts();
  const reached = tracker.portfolioTargetReachedAt;
  return { months, monthsReturnGoalMet, monthsIncomeGoalMet, portfolioTargetReachedAt: reached === null ? null : formatTime(reached), riskAdjustments, milestones };
}

export function failedOutcome(id: number, status: 'failed' | 'skipped', error: string): VariantOutcome {
  return { id, status, error, finalEquity: null, metrics: null, goals: null };
}
