/**
 * What crosses between the main thread and a worker. Price series travel as SharedArrayBuffers
 * (the workers read the main thread's memory; nothing is parsed or copied again); the rest is
 * small plain data. Outcomes are compact rows, not whole runs.
 */
import type { SkippedRows } from '../data/badRows.js';
import type { SignalTable } from '../data/signalTable.js';
import type { SharedBarSeries } from '../data/series.js';
import type { ResolvedScenario } from '../scenario/load.js';
import type { StaleBars } from '../data/stale.js';

export interface VariantTask {
  readonly id: number;
  readonly resolved: ResolvedScenario;
  readonly series: readonly SharedBarSeries[];
  readonly signals: SignalTable | undefined;
  readonly skippedRows: Readonly<Record<string, SkippedRows>>;
  readonly staleBars: Readonly<Record<string, StaleBars>>;
}

export type VariantStatus = 'ok' | 'failed' | 'skipped';

export interface GoalOutcomeRow {
  readonly months: number;
  readonly monthsReturnGoalMet: number;
  readonly monthsIncomeGoalMet: number;
  readonly portfolioTargetReachedAt: string | null;
  readonly riskAdjustments: number;
  readonly milestones: number;
}

/**
 * What the overfitting audit reads of a variant (analysis/sweepAudit.ts): its daily returns and
 * its monthly goal flags. Days are UTC epoch days, written as the first day and then the gaps
 * between days, and returns as integers in units of 1e-8, which keeps a 2,000-day record small
 * (a 1,000-variant sweep's folder stays under 50 MB).
 */
export interface AuditSeries {
  readonly dayGaps: readonly number[];
  /** Each day's return x 1e8, rounded (six significant digits of a 1 % day); null where it is not a number. */
  readonly returnsE8: readonly (number | null)[];
  /** Months as the tracker closes them (YYYY-MM), with each monthly goal met (1), missed (0) or not set (null). */
  readonly months: readonly string[];
  readonly returnMet: readonly (0 | 1 | null)[];
  readonly incomeMet: readonly (0 | 1 | null)[];
}

export interface VariantOutcome {
  readonly id: number;
  readonly status: VariantStatus;
  readonly error: string | null;
  readonly finalEquity: string | null;
  readonly metrics: Readonly<Record<string, number | null>> | null;
  readonly goals: GoalOutcomeRow | null;
  /** Absent for a variant that did not run, and in folders written before the audit. */
  readonly series?: AuditSeries | undefined;
}
