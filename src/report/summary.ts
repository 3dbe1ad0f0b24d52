/**
 * summary.json (README "Reports" and "Metrics (summary.json)"): scenario, seed, version, capital, metrics, goal outcomes and
 * sizing statistics.
 */
import { attributionOf } from '../analysis/attribution.js';
import { goalPnlOf } from '../analysis/goalPnl.js';
import { dailyReturns } from '../analysis/metrics.js';
import { formatDate } from '../data/timestamp.js';
import { BENCHMARK_NAME } from '../sim/benchmark.js';
import type { RunResult } from '../sim/types.js';
import { VERSION } from '../version.js';
import { formatDecimal, formatTime, jsonFloat } from '../numeric/format.js';

export interface RunSummary {
  readonly scenario: string;
  readonly seed: number;
  readonly version: string;
  readonly currency: string;
  readonly initialCapital: string;
  readonly finalEquity: string;
  readonly period: { readonly start: string; readonly end: string; readonly bars: number; readonly periodsPerYear: number; readonly dailyReturns: number; readonly riskFreeRate?: number | string };
  readonly metrics: Readonly<Record<string, number | null>>;
  readonly goals: Readonly<Record<string, unknown>>;
  readonly sizing: Readonly<Record<string, unknown>>;
  readonly orders: Readonly<Record<string, unknown>>;
  readonly data: Readonly<Record<string, unknown>>;
  /** The buy-and-hold benchmark's figures (sim/benchmark.ts); absent when no benchmark ran. */
  readonly benchmark?: BenchmarkSummary;
}

export interface BenchmarkSummary {
  readonly name: string;
  readonly symbols: readonly string[];
  readonly finalEquity: string;
  readonly metrics: Readonly<Record<string, number | null>>;
  readonly fills: number;
  readonly feesPaid: string;
  /** Its months meeting each monthly goal and when it reached the portfolio target, as the run counts them. */
  readonly goals: Readonly<Record<string, unknown>>;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  // keys are reasons a user's engine may write: no prototype to reach through "__proto__"
  const counts = Object.create(null) as Record<string, number>;
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A skip or reduction reason without its amounts, so equal causes count together. */
function reasonKind(reason: string): string {
  return reason.replace(/-?\d+(\.\d+)?/g, 'N');
}

const metricsJson = (result: RunResult): Record<string, number | null> => Object.fromEntries(Object.entries(result.metrics).map(([key, value]) => [key, jsonFloat(value as number | null)]));

export function buildSummary(result: RunResult): RunSummary {
  const metrics = metricsJson(result);
  const skippedDecisions = result.decisions.filter((record) => record.decision.skipped !== null);
  return {
    scenario: result.name,
    seed: result.seed,
    version: VERSION,
    currency: result.currency,
    initialCapital: formatDecimal(result.initialCapital),
    finalEquity: formatDecimal(result.finalEquity),
    // only with a cash rate: other folders stay as they were
    ...(result.interest === undefined ? {} : { interest: { cashRate: result.interest.rate, earned: formatDecimal(result.interest.earned) } }),
    period: {
      start: Number.isFinite(result.firstTime) ? formatDate(result.firstTime) : '',
      end: Number.isFinite(result.lastTime) ? formatDate(result.lastTime) : '',
      bars: result.bars,
      periodsPerYear: result.periodsPerYear,
      // what the annualised metrics rest on (see annualisationNote)
      dailyReturns: dailyReturns(result.curveSummary).length,
      // only when set: a folder of a run without one stays as it was
      ...(result.riskFreeRate === 0 ? {} : { riskFreeRate: result.riskFreeRate }),
    },
    metrics,
    goals: goalOutcomes(result),
    sizing: {
      engine: result.sizing.engine,
      // what the tracker's risk per trade feeds in the engine; null: the engine does not size from it
      trackerRisk: result.sizing.trackerRisk === undefined ? 'unknown: a user module reads currentRisk as it likes' : result.sizing.trackerRisk,
      decisions: result.decisions.length,
      goalFactor: distribution(result.decisions.map((record) => record.decision.goalFactor).filter((f): f is number => f !== null)),
      riskPct: distribution(result.decisions.map((record) => record.decision.riskPct)),
      skipped: skippedDecisions.length,
      skippedByReason: countBy(skippedDecisions, (record) => reasonKind(record.decision.skipped ?? '')),
      attribution: attributionOf(result.decisions),
      goalPnl: goalPnlSummary(result),
    },
    orders: {
      fills: result.fills.length,
      feesPaid: formatDecimal(result.ledger.feesPaid),
      reduced: result.notes.filter((note) => note.kind === 'reduced').length,
      skipped: result.notes.filter((note) => note.kind === 'skipped').length,
      byReason: countBy(result.notes, (note) => `${note.kind}: ${reasonKind(note.reason)}`),
      firstNotes: result.notes.slice(0, 20).map((note) => ({ time: formatTime(note.time), symbol: note.symbol, kind: note.kind, reason: note.reason })),
    },
    // stale bars only where a source has any: other folders stay as they were
    data: { skippedRows: result.skippedRows, signalsUndelivered: result.signalsUndelivered, ...(Object.keys(result.staleBars).length === 0 ? {} : { staleBars: result.staleBars }) },
    ...(result.benchmark === undefined ? {} : { benchmark: benchmarkSummary(result.benchmark) }),
  };
}

function benchmarkSummary(benchmark: RunResult): BenchmarkSummary {
  const tables = benchmark.goalTables;
  return {
    name: BENCHMARK_NAME,
    symbols: benchmark.ledger.instruments.map((instrument) => instrument.symbol),
    finalEquity: formatDecimal(benchmark.finalEquity),
    metrics: metricsJson(benchmark),
    fills: benchmark.fills.length,
    feesPaid: formatDecimal(benchmark.ledger.feesPaid),
    goals:
      tables === undefined
        ? {}
        : {
            months: tables.counts.months,
            monthsReturnGoalMet: tables.counts.monthsReturnGoalMet,
            monthsIncomeGoalMet: tables.counts.monthsIncomeGoalMet,
            portfolioTargetReachedAt: tables.portfolioTargetReachedAt === null ? null : formatTime(tables.portfolioTargetReachedAt),
          },
  };
}

/** The P&L the goal added over the run (analysis/goalPnl.ts), in the account's currency and as a share of the final equity. */
function goalPnlSummary(result: RunResult): { amount: number | null; shareOfFinalEquity: number | null } {
  const pnl = goalPnlOf(result.trades, result.decisions, result.finalEquity.toNumber());
  return { amount: jsonFloat(pnl.total), shareOfFinalEquity: jsonFloat(pnl.shareOfFinalEquity) };
}

/** min, quartiles, max and mean; null fields when there is nothing to describe. */
export function distribution(values: readonly number[]): Record<string, number | null> {
  if (values.length === 0) return { count: 0, min: null, p25: null, median: null, p75: null, max: null, mean: null };
  const sorted = [...values].sort((a, b) => a - b);
  const quantile = (q: number): number => {
    const position = (sorted.length - 1) * q;
    const low = Math.floor(position);
    const high = Math.ceil(position);
    return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (position - low);
  };
  return {
    count: values.length,
    min: jsonFloat(sorted[0]),
    p25: jsonFloat(quantile(0.25)),
    median: jsonFloat(quantile(0.5)),
    p75: jsonFloat(quantile(0.75)),
    max: jsonFloat(sorted[sorted.length - 1]),
    mean: jsonFloat(values.reduce((a, b) => a + b, 0) / values.length),
  };
}

function goalOutcomes(result: RunResult): Record<string, unknown> {
  const tables = result.goalTables;
  if (tables === undefined) return {};
  const { months, counts } = tables;
  return {
    targets: Object.fromEntries(tables.goals.map((goal) => [goal.type, goal.target])),
    months: counts.months,
    monthsReturnGoalMet: counts.monthsReturnGoalMet,
    monthsIncomeGoalMet: counts.monthsIncomeGoalMet,
    portfolioTargetReachedAt: tables.portfolioTargetReachedAt === null ? null : formatTime(tables.portfolioTargetReachedAt),
    riskAdjustments: counts.riskAdjustments,
    drawdownProtections: counts.drawdownProtections,
    milestones: counts.milestones,
    alerts: countBy(tables.alerts, (alert) => alert.type),
    finalRisk: jsonFloat(tables.finalRisk),
    byMonth: months.map((m) => ({ month: m.month, complete: m.complete, return: jsonFloat(m.returnPct), income: jsonFloat(m.income), returnGoalMet: m.returnGoalMet, incomeGoalMet: m.incomeGoalMet })),
  };
}
