/** A run reduced to the row a sweep keeps of it. */
import { formatTime, jsonFloat } from '../numeric/format.js';
import type { RunResult } from '../sim/types.js';
import type { GoalTables } from '../goals/tables.js';
import { dailyReturns } from '../analysis/metrics.js';
import type { AuditSeries, GoalOutcomeRow, VariantOutcome } from './task.js';

export function outcomeOf(id: number, result: RunResult): VariantOutcome {
  return {
    id,
    status: 'ok',
    error: null,
    finalEquity: result.finalEquity.toFixed(),
    metrics: Object.fromEntries(Object.entries(result.metrics).map(([key, value]) => [key, jsonFloat(value as number | null)])),
    goals: result.goalTables === undefined ? null : goalOutcomeRow(result.goalTables),
    series: auditSeriesOf(result),
  };
}

/** Returns are kept in units of 1e-8. */
export const RETURN_UNITS = 1e8;

const flag = (met: boolean | null): 0 | 1 | null => (met === null ? null : met ? 1 : 0);

/** The daily returns (dated by the day they end) and the monthly goal flags the audit reads (analysis/sweepAudit.ts). */
function auditSeriesOf(result: RunResult): AuditSeries {
  const { day } = result.curveSummary.dailyCloses;
  const returns = dailyReturns(result.curveSummary);
  const dayGaps = day.slice(1).map((d, i) => (i === 0 ? d : d - (day[i] as number)));
  const months = result.goalTables?.months ?? [];
  return {
    dayGaps,
    // to 1e-8: six significant digits of a 1 % day in 7 characters, and a 1,000-variant x
    // 2,000-day sweep's folder under 50 MB
    returnsE8: returns.map((r) => (Number.isFinite(r) ? Math.round(r * RETURN_UNITS) : null)),
    months: months.map((m) => m.month),
    returnMet: months.map((m) => flag(m.returnGoalMet)),
    incomeMet: months.map((m) => flag(m.incomeGoalMet)),
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
