/**
 * The engine's side of the goal layer: what the tracker reads of the portfolio and the hooks it
 * offers. A leaf module, so that the tracker and the engine meet here without importing each other.
 */
import type { TimerKind, TimerSettings } from '../clock/index.js';
import type { Ledger } from '../ledger/index.js';
import type { GoalInputs } from '../sizing/types.js';

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
  /**
   * Risk per trade now without the goals' influence: the base risk under drawdown protection
   * (drawdown protection is not a goal), as a goal-aware engine's goal-off twin sizes.
   */
  goalFreeRisk(): number;
  /** Progress of each goal at `time`, for the goal-aware engines. */
  goalInputs(time: number, portfolio: PortfolioView): GoalInputs | undefined;
}
