/** Rows of the tracker's tables (README "Goals and the tracker"), written as CSV by the report layer. */
import type { GoalConfig, GoalProgress, GoalStatus, GoalType } from './types.js';

/** A goal's progress at a tracker cycle, with the portfolio figures of that moment. */
export interface ProgressRow extends GoalProgress {
  readonly time: number;
  readonly portfolioValue: number;
  readonly realizedPnl: number;
  readonly unrealizedPnl: number;
  readonly winRate: number | null;
  readonly sharpe: number | null;
  /** The tracker's effective risk per trade after this cycle. */
  readonly risk: number;
}

export interface HistoryRow {
  /** Epoch ms of the day's last instant (the snapshot closes the day before it fires). */
  readonly day: number;
  readonly goal: GoalType;
  readonly actual: number;
  readonly target: number;
  readonly variancePct: number;
  readonly status: GoalStatus;
}

export type AdjustmentType = 'risk_increase' | 'risk_decrease' | 'drawdown_protection';

export interface AdjustmentRow {
  readonly time: number;
  readonly goal: GoalType | '';
  readonly type: AdjustmentType;
  readonly previous: number;
  readonly next: number;
  readonly reason: string;
  readonly status: 'applied' | 'engaged' | 'released';
}

export interface MilestoneRow {
  readonly time: number;
  readonly goal: GoalType;
  readonly period: string;
  readonly milestone: number;
  readonly progress: number;
  readonly action: string;
}

export type AlertType = 'off_track' | 'high_risk' | 'consecutive_adjustments' | 'deadline_approaching' | 'milestone_achieved' | 'goal_completed' | 'drawdown_breach';

export interface AlertRow {
  readonly time: number;
  readonly type: AlertType;
  readonly goal: GoalType | '';
  readonly message: string;
}

/** How each month ended against the monthly goals. */
export interface MonthOutcome {
  readonly month: string;
  readonly returnPct: number;
  readonly income: number;
  readonly returnGoalMet: boolean | null;
  readonly incomeGoalMet: boolean | null;
  /** False for a month the data only partly covers. */
  readonly complete: boolean;
}

/** What a run achieved against its goals: the counts summary.json, sweeps and odds report. */
export interface GoalOutcomeCounts {
  readonly months: number;
  readonly monthsReturnGoalMet: number;
  readonly monthsIncomeGoalMet: number;
  readonly riskAdjustments: number;
  readonly drawdownProtections: number;
  readonly milestones: number;
}

/**
 * The tracker's tables as they stood when it was asked (GoalTracker.tables()): what a run's
 * result holds, so reports and sweeps read figures rather than a live tracker.
 */
export interface GoalTables {
  readonly goals: readonly GoalConfig[];
  readonly progressRows: readonly ProgressRow[];
  readonly historyRows: readonly HistoryRow[];
  readonly adjustments: readonly AdjustmentRow[];
  readonly milestones: readonly MilestoneRow[];
  readonly alerts: readonly AlertRow[];
  readonly months: readonly MonthOutcome[];
  readonly counts: GoalOutcomeCounts;
  /** Epoch ms the portfolio value first reached its target, or null. */
  readonly portfolioTargetReachedAt: number | null;
  /** The tracker's effective risk per trade at that moment. */
  readonly finalRisk: number;
}
