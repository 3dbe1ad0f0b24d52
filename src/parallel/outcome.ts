/** A run reduced to the row a sweep keeps of it. */
import { formatTime, jsonFloat } from '../numeric/format.js';
import type { RunResult } from '../sim/types.js';
import type { GoalTables } from '../goals/tables.js';
import type { GoalOutcomeRow, VariantOutcome } from './task.js';

export function outcomeOf(id: number, result: RunResult): VariantOutcome {
  return {
    id,
    status: 'ok',
    error: null,
    finalEquity: result.finalEquity.toFixed(),
    metrics: Object.fromEntries(Object.entries(result.metrics).map(([key, value]) => [key, jsonFloat(value as number | null)])),
    goals: result.goalTables === undefined ? null : goalOutcomeRow(result.goalTables),
  };
}

function goalOutcomeRow(tables: GoalTables): GoalOutcomeRow {
  const { months, monthsReturnGoalMet, monthsIncomeGoalMet, riskAdjustments, milestones } = tables.counts;
  const reached = tables.portfolioTargetReachedAt;
  return { months, monthsReturnGoalMet, monthsIncomeGoalMet, portfolioTargetReachedAt: reached === null ? null : formatTime(reached), riskAdjustments, milestones };
}

export function failedOutcome(id: number, status: 'failed' | 'skipped', error: string): VariantOutcome {
  return { id, status, error, finalEquity: null, metrics: null, goals: null };
}
