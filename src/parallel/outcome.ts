/** A run reduced to the row a sweep keeps of it. */
import { formatTime, jsonFloat } from '../report/format.js';
import type { RunResult } from '../sim/types.js';
import type { VariantOutcome } from './task.js';

export function outcomeOf(id: number, result: RunResult): VariantOutcome {
  const tracker = result.tracker;
  return {
    id,
    status: 'ok',
    error: null,
    finalEquity: result.finalEquity.toFixed(),
    metrics: Object.fromEntries(Object.entries(result.metrics).map(([key, value]) => [key, jsonFloat(value as number | null)])),
    goals:
      tracker === undefined
        ? null
        : {
            months: tracker.months.length,
            monthsReturnGoalMet: tracker.months.filter((m) => m.returnGoalMet === true).length,
            monthsIncomeGoalMet: tracker.months.filter((m) => m.incomeGoalMet === true).length,
            portfolioTargetReachedAt: tracker.portfolioTargetReachedAt === null ? null : formatTime(tracker.portfolioTargetReachedAt),
            riskAdjustments: tracker.adjustments.filter((a) => a.type !== 'drawdown_protection').length,
            milestones: tracker.milestones.length,
          },
  };
}

export function failedOutcome(id: number, status: 'failed' | 'skipped', error: string): VariantOutcome {
  return { id, status, error, finalEquity: null, metrics: null, goals: null };
}
