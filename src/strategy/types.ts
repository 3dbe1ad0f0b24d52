/**
 * The strategy contract. A strategy sees one symbol's bars up to the current one through a
 * {@link BarHistory} that refuses to read ahead, and answers with signals. Orders it causes
 * fill at the next bar's open.
 */
import type { SignalSide } from '../data/signalTable.js';

export type { SignalSide };

export interface Signal {
  /** buy: be long; sell: be short (flat when shorts are off); close: be flat. */
  readonly side: SignalSide;
  /** 0..1, scales the size in the goal-aware engines. */
  readonly confidence: number;
  /** Stop-loss distance as a fraction of price; NaN when the signal has none. */
  readonly stopLossPct: number;
  /** Take-profit distance as a fraction of price; NaN when none. */
  readonly takeProfitPct: number;
}

/**
 * What is wrong with a signal, or null when it is well formed: a side of buy, sell or close, a
 * confidence in [0, 1], a stop-loss distance in (0, 1) or NaN (none), a take-profit distance
 * > 0 or NaN. The run checks a user's strategy with it at every bar, and goalsim/testing's
 * checkStrategy in a test.
 */
export function signalProblem(signal: Signal | null | undefined): string | null {
  if (signal === null || typeof signal !== 'object') return `a signal is an object, not ${String(signal)}`;
  if (!['buy', 'sell', 'close'].includes(signal.side)) return `side "${String(signal.side)}" is not buy, sell or close`;
  if (!(signal.confidence >= 0 && signal.confidence <= 1)) return `confidence ${signal.confidence} is not in [0, 1]`;
  if (!(Number.isNaN(signal.stopLossPct) || (signal.stopLossPct > 0 && signal.stopLossPct < 1))) return `stopLossPct ${signal.stopLossPct} is neither NaN (no stop) nor in (0, 1)`;
  if (!(Number.isNaN(signal.takeProfitPct) || (signal.takeProfitPct > 0 && Number.isFinite(signal.takeProfitPct)))) return `takeProfitPct ${signal.takeProfitPct} is neither NaN (none) nor a finite number > 0`;
  return null;
}

/** Returned when a bar produces nothing: a shared frozen array, so no allocation per bar. */
export const NO_SIGNALS: readonly Signal[] = Object.freeze([]);

/** Read-only view of one symbol's bars up to the current one (absolute indices). */
export interface BarHistory {
  /** Number of bars visible: the current bar is `length - 1`. */
  readonly length: number;
  time(index: number): number;
  open(index: number): number;
  high(index: number): number;
  low(index: number): number;
  close(index: number): number;
  volume(index: number): number;
}

export interface StrategyContext {
  readonly symbol: string;
  readonly symbolIndex: number;
  readonly bars: BarHistory;
  /** Signed position size held now (> 0 long, < 0 short, 0 flat). */
  readonly position: number;
  /** Epoch ms of the current bar. */
  readonly time: number;
}

export interface Strategy {
  onBar(ctx: StrategyContext): readonly Signal[];
}

/** Built once per symbol, so a strategy's state never mixes symbols. */
export type StrategyFactory = (symbol: string) => Strategy;

/** Parameters every built-in strategy shares: protective levels and the signal confidence. */
export interface SignalParams {
  readonly stopLossPct?: number | undefined;
  readonly takeProfitPct?: number | undefined;
  readonly confidence?: number | undefined;
}

/** A frozen one-signal answer, built once per strategy so onBar allocates nothing. */
export function fixedSignal(side: Signal['side'], params: SignalParams): readonly Signal[] {
  return Object.freeze([{ side, confidence: params.confidence ?? 1, stopLossPct: params.stopLossPct ?? NaN, takeProfitPct: params.takeProfitPct ?? NaN }]);
}
