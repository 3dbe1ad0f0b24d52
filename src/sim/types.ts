import type { Metrics } from '../analysis/metrics.js';
import type { GoalTables } from '../goals/tables.js';
import type { SkippedRows } from '../data/badRows.js';
import type { Amount, Fill, Ledger, OrderNote, Trade } from '../ledger/index.js';
import type { SizingDecision } from '../sizing/types.js';
import type { Direction } from '../ledger/index.js';
import type { SignalSide } from '../strategy/index.js';
import type { CurveSink, CurveSummary, EquityCurve } from './equityCurve.js';
import type { GoalHooks, PortfolioView } from './goalHooks.js';
import type { StaleBars } from '../data/stale.js';

// leaf modules, so that the metrics and the tracker need not import this one (no cycle)
export type { CurveSink, CurveSummary, EquityCurve, GoalHooks, PortfolioView };

export interface DecisionRecord {
  readonly time: number;
  readonly symbol: string;
  readonly signal: SignalSide;
  readonly direction: Direction;
  readonly price: number;
  readonly confidence: number;
  readonly stopLossPct: number;
  readonly decision: SizingDecision;
}

export interface SimulationOutput {
  /** Every row of the curve; undefined when the run handed its rows to a curve sink instead. */
  readonly equityCurve: EquityCurve | undefined;
  /** What the metrics read of the curve, kept either way. */
  readonly curveSummary: CurveSummary;
  readonly ledger: Ledger;
  readonly decisions: readonly DecisionRecord[];
  readonly firstTime: number;
  readonly lastTime: number;
  readonly bars: number;
}

export interface RunResult extends SimulationOutput {
  readonly name: string;
  readonly seed: number;
  readonly currency: string;
  readonly initialCapital: Amount;
  readonly finalEquity: Amount;
  readonly trades: readonly Trade[];
  readonly fills: readonly Fill[];
  readonly notes: readonly OrderNote[];
  readonly skippedRows: Readonly<Record<string, SkippedRows>>;
  /** Stale bars per symbol, for the symbols that have any (data/stale.ts). */
  readonly staleBars: Readonly<Record<string, StaleBars>>;
  readonly signalsUndelivered: number;
  readonly periodsPerYear: number;
  /** The annual risk-free rate Sharpe and Sortino are measured over (metrics.riskFreeRate): the constant, or its rate file as the scenario names it. */
  readonly riskFreeRate: number | string;
  /** The interest cash earned, when the account has a cash rate (the constant, or its rate file as named). */
  readonly interest?: { readonly rate: number | string; readonly earned: Amount } | undefined;
  readonly metrics: Metrics;
  /** The goal tracker's tables at the end of the run (or at the instant of resultSoFar), when the scenario has goals. */
  readonly goalTables: GoalTables | undefined;
  /** The sizing engine's name and what the tracker's risk feeds in it (null: it does not size from it; undefined: unknown, a user module). */
  readonly sizing: { readonly engine: string; readonly trackerRisk: string | null | undefined };
  /** The run of the scenario's buy-and-hold benchmark (sim/benchmark.ts), when it was asked for. */
  readonly benchmark?: RunResult | undefined;
}
