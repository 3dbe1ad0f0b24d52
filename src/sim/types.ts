import type { Metrics } from '../analysis/metrics.js';
import type { GoalTracker } from '../goals/tracker.js';
import type { SkippedRows } from '../data/badRows.js';
import type { TimerKind, TimerSettings } from '../clock/index.js';
import type { Amount, Fill, Ledger, OrderNote, Trade } from '../ledger/index.js';
import type { GoalInputs, SizingDecision } from '../sizing/types.js';
import type { Direction } from '../ledger/index.js';
import type { SignalSide } from '../strategy/index.js';

/** Equity sampled at every instant (after marking to market), columnar. */
export interface EquityCurve {
  readonly length: number;
  readonly time: Float64Array;
  readonly equity: Float64Array;
  readonly cash: Float64Array;
  /** Gross position value / equity. */
  readonly exposure: Float64Array;
  /** 1 - equity / running peak. */
  readonly drawdown: Float64Array;
}

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

/** The state of the portfolio the goal tracker reads when a timer fires. */
export interface PortfolioView {
  readonly ledger: Ledger;
  readonly lastPrices: Float64Array;
  readonly equity: number;
  readonly peakEquity: number;
}

/**
 * How the goal layer plugs into the engine without the engine knowing about goals: timers it
 * wants, a callback when they fire, and what sizing should read from it.
 */
export interface GoalHooks {
  readonly timers: TimerSettings;
  onTimer(kind: TimerKind, time: number, portfolio: PortfolioView): void;
  /** Risk per trade now, after the tracker's adjustments. */
  currentRisk(): number;
  /** Progress of each goal at `time`, for the goal-aware engines. */
  goalInputs(time: number, portfolio: PortfolioView): GoalInputs | undefined;
}

export interface SimulationOutput {
  readonly equityCurve: EquityCurve;
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
  readonly signalsUndelivered: number;
  readonly periodsPerYear: number;
  readonly metrics: Metrics;
  /** The goal tracker and its tables, when the scenario has goals. */
  readonly tracker: GoalTracker | undefined;
}
