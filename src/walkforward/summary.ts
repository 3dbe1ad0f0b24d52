/**
 * What a walk-forward found, from its windows' outcomes and its out-of-sample account: the rows
 * of windows.csv and the figures of walkforward.json (README "Walk-forward").
 */
import { dailyReturns } from '../analysis/metrics.js';
import { objectiveValue } from '../analysis/sweepResults.js';
import { MS_PER_DAY } from '../data/timestamp.js';
import { jsonFloat } from '../numeric/format.js';
import { outcomeOf } from '../parallel/outcome.js';
import type { GoalOutcomeRow, VariantOutcome } from '../parallel/task.js';
import type { ResolvedScenario } from '../scenario/load.js';
import type { ParamValue, Variant } from '../scenario/variants.js';
import type { RunResult } from '../sim/types.js';
import { comparableObjective, efficiency, parameterStability, sharpeTStatistic, shareProfitable } from './figures.js';
import type { WalkForwardDefinition, WindowDates } from './definition.js';

export interface WindowOutcome {
  readonly window: WindowDates;
  readonly pick: Variant;
  /** No variant ran in the train period: the previous window's pick is kept. */
  readonly carried: boolean;
  /** The pick's train run (null when carried). */
  readonly inSample: VariantOutcome | null;
  /** The pick run alone on the test period, warm. */
  readonly outOfSample: VariantOutcome;
  readonly resolved: ResolvedScenario;
}

export interface WindowRow extends WindowDates {
  readonly variant: number;
  readonly carried: boolean;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly inSampleObjective: number | null;
  readonly outOfSampleObjective: number | null;
  readonly inSampleCagr: number | null;
  readonly outOfSampleReturn: number | null;
  readonly outOfSampleSharpe: number | null;
  readonly months: number | null;
  readonly monthsReturnGoalMet: number | null;
  readonly monthsIncomeGoalMet: number | null;
}

export interface RunFigures {
  readonly totalReturn: number | null;
  readonly cagr: number | null;
  readonly sharpe: number | null;
  readonly maxDrawdown: number | null;
  readonly goals: GoalOutcomeRow | null;
}

export interface WalkForwardSummary {
  readonly windows: readonly WindowRow[];
  /** Out-of-sample over in-sample: the account's CAGR over the picks' mean train CAGR, and the mean comparable objective. */
  readonly efficiency: { readonly return: number | null; readonly objective: number | null };
  /** Per swept parameter: 1 − min(|sd/mean|, 1) of the windows' choices (null: not numeric, or one window). */
  readonly stability: Readonly<Record<string, number | null>>;
  /** Share of test windows whose return (the pick alone on it) is above 0. */
  readonly profitableWindows: number | null;
  /** The continuous out-of-sample account. */
  readonly outOfSample: RunFigures & { readonly tStatistic: number | null; readonly days: number; readonly finalEquity: string };
  /** The variant best over the whole period (in sample by construction), for comparison. */
  readonly wholePeriodBest: (RunFigures & { readonly variant: number; readonly params: Readonly<Record<string, ParamValue>>; readonly objective: number | null }) | null;
}

const metric = (outcome: VariantOutcome | null, key: string): number | null => {
  const value = outcome?.metrics?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

function figuresOf(outcome: VariantOutcome): RunFigures {
  return { totalReturn: metric(outcome, 'totalReturn'), cagr: metric(outcome, 'cagr'), sharpe: metric(outcome, 'sharpe'), maxDrawdown: metric(outcome, 'maxDrawdown'), goals: outcome.goals };
}

/** Years and months a run covers, for comparableObjective. */
function spanOf(window: { first: string; last: string }, outcome: VariantOutcome | null, initialCapital: number): { months: number; years: number; initialCapital: number } {
  const years = (Date.parse(window.last) + MS_PER_DAY - Date.parse(window.first)) / (365.25 * MS_PER_DAY);
  return { months: outcome?.goals?.months ?? years * 12, years, initialCapital };
}

export function summariseWalkForward(definition: WalkForwardDefinition, windows: readonly WindowOutcome[], account: RunResult, wholeBest: { variant: Variant; outcome: VariantOutcome } | null): WalkForwardSummary {
  const metricName = definition.objective.metric;
  const initialCapital = account.initialCapital.toNumber();
  const rows: WindowRow[] = windows.map(({ window, pick, carried, inSample, outOfSample }) => ({
    ...window,
    variant: pick.id,
    carried,
    params: pick.params,
    inSampleObjective: inSample === null ? null : objectiveValue(inSample, metricName),
    outOfSampleObjective: objectiveValue(outOfSample, metricName),
    inSampleCagr: metric(inSample, 'cagr'),
    outOfSampleReturn: metric(outOfSample, 'totalReturn'),
    outOfSampleSharpe: metric(outOfSample, 'sharpe'),
    months: outOfSample.goals?.months ?? null,
    monthsReturnGoalMet: outOfSample.goals?.monthsReturnGoalMet ?? null,
    monthsIncomeGoalMet: outOfSample.goals?.monthsIncomeGoalMet ?? null,
  }));
  const accountOutcome = outcomeOf(-1, account);
  const comparable = (value: number | null, first: string, last: string, outcome: VariantOutcome | null): number | null => comparableObjective(metricName, value, spanOf({ first, last }, outcome, initialCapital));
  const inObjectives = windows.map((w, i) => comparable(rows[i]?.inSampleObjective ?? null, w.window.trainFirst, w.window.trainLast, w.inSample));
  const outObjectives = windows.map((w, i) => comparable(rows[i]?.outOfSampleObjective ?? null, w.window.testFirst, w.window.testLast, w.outOfSample));
  const knownOut = outObjectives.filter((v): v is number => v !== null);
  const returns = dailyReturns(account.curveSummary).filter(Number.isFinite);
  return {
    windows: rows,
    efficiency: {
      return: efficiency(metric(accountOutcome, 'cagr'), rows.map((r) => r.inSampleCagr)),
      objective: knownOut.length === 0 ? null : efficiency(knownOut.reduce((a, b) => a + b, 0) / knownOut.length, inObjectives),
    },
    stability: Object.fromEntries(
      definition.params.map((path) => {
        const choices = rows.map((r) => r.params[path]);
        return [path, choices.every((c): c is number => typeof c === 'number') ? parameterStability(choices) : null];
      }),
    ),
    profitableWindows: shareProfitable(rows.map((r) => r.outOfSampleReturn)),
    outOfSample: { ...figuresOf(accountOutcome), tStatistic: sharpeTStatistic(returns), days: returns.length, finalEquity: account.finalEquity.toFixed() },
    wholePeriodBest: wholeBest === null ? null : { variant: wholeBest.variant.id, params: wholeBest.variant.params, objective: objectiveValue(wholeBest.outcome, metricName), ...figuresOf(wholeBest.outcome) },
  };
}

/** The summary with every number as JSON keeps it (non-finite as null). */
export function summaryJson(summary: WalkForwardSummary): unknown {
  return JSON.parse(JSON.stringify(summary, (_, value: unknown) => (typeof value === 'number' ? jsonFloat(value) : value)));
}
