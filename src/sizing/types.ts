/**
 * The sizing contract every engine implements. The simulation, `goalsim size` and `regress` all
 * call engines through it, so no stage is written twice.
 */
import type { GoalInputs } from '../goals/types.js';
import type { Amount, Direction, Money } from '../ledger/index.js';

export type { GoalInputs, GoalProgressInput } from '../goals/types.js';

/** Which closed trades the statistics read: a count, or a span of simulated time. */
export type TradeWindow = number | { readonly days: number };

/** Closed-trade statistics for Kelly sizing; returns are per-trade fractions. */
export interface TradeStats {
  readonly trades: number;
  readonly winRate: number;
  readonly avgWin: number;
  readonly avgLoss: number;
  readonly sharpe: number;
}

/**
 * Daily figures of the symbol (see sim/dailyCloses.ts): the stdev of daily returns over a short
 * and a long lookback of days, and the close against its average over the trend lookback.
 */
export interface VolatilityInput {
  readonly short: number;
  readonly long: number;
  /** close / mean daily close over the trend lookback - 1; NaN before that many days. */
  readonly trend?: number | undefined;
}

export interface SizingRequest {
  readonly time: number;
  readonly symbol: string;
  readonly assetClass: string;
  readonly direction: Direction;
  /** The last known price: the decision bar's close. */
  readonly price: number;
  readonly confidence: number;
  /** Stop-loss distance as a fraction of price; NaN when the signal has none. */
  readonly stopLossPct: number;
  readonly equity: number;
  readonly cash: number;
  /**
   * Cash a long may spend: the cash less what buying back the open shorts would cost (their
   * proceeds are not buying power). Equals `cash` without shorts; `cash` when absent.
   */
  readonly spendableCash?: number | undefined;
  /** Gross value of all open positions. */
  readonly grossExposure: number;
  /** Gross value of open positions per asset class. */
  readonly assetClassExposure: Readonly<Record<string, number>>;
  /** Units are rounded down to this step; `undefined` leaves them unrounded (calculator use). */
  readonly lotStep: Money | undefined;
  readonly minNotional: Money | undefined;
  /** The account's base risk per trade. */
  readonly riskTolerance: number;
  /** The tracker's current (adjusted) risk per trade; equals riskTolerance without a tracker. */
  readonly currentRisk: number;
  /**
   * The risk per trade without the goals' influence: riskTolerance, under the tracker's drawdown
   * protection when it is engaged. What a goal-off twin sizes from; riskTolerance when absent.
   */
  readonly goalFreeRisk?: number | undefined;
  readonly goals: GoalInputs | undefined;
  readonly tradeStats: TradeStats | undefined;
  readonly volatility: VolatilityInput | undefined;
  /** Number of symbols and their volatilities, for risk parity. */
  readonly portfolioVolatilities?: readonly number[] | undefined;
  /** Positions open now (the seed's "strategies holding positions"). */
  readonly openPositions?: number | undefined;
}

export interface SizingStage {
  readonly name: string;
  /** Position value (account currency) after this stage. */
  readonly value: number;
}

export interface SizingDecision {
  /** The engine's name: a catalogue name (registry.ts) or `module`. */
  readonly engine: string;
  readonly stages: readonly SizingStage[];
  readonly goalFactor: number | null;
  readonly riskPct: number;
  readonly riskAmount: number | null;
  readonly finalValue: number;
  /** finalValue / equity. */
  readonly allocation: number;
  readonly units: Amount;
  readonly kelly: number | null;
  /** Why no order results, or null. */
  readonly skipped: string | null;
  /** The stage whose cap or floor set the final size, or null when none did. */
  readonly binding: string | null;
  /** Final quantity / quantity with a goal factor of 1, minus 1 (0 for engines without goals; null when only the goal made a trade). */
  readonly goalEffect: number | null;
  readonly reasoning: string;
}

/** Inputs that cost work to gather; the engine says which it reads, the simulation gathers only those. */
export interface SizingNeeds {
  /** Closed trades for Kelly statistics: the last N, or those closed in the last N days. */
  readonly tradeStatsWindow?: TradeWindow;
  /** Lookbacks (days) of the short and long daily-return volatility, and of the trend average. */
  readonly volatilityLookback?: { readonly short: number; readonly long: number; readonly trend?: number };
  /** Gross exposure per asset class. */
  readonly exposure?: boolean;
  /** The goals' progress (the goal-aware engines); working it out at every decision costs. */
  readonly goals?: boolean;
  /**
   * What the tracker's adjusted risk per trade (`currentRisk`) feeds in this engine, in words, or
   * absent when the engine does not size from it (the report then marks the tracker's risk unused).
   */
  readonly trackerRisk?: string;
}

export interface SizingEngine {
  readonly name: string;
  readonly needs: SizingNeeds;
  size(request: SizingRequest): SizingDecision;
}
