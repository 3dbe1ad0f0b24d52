/**
 * The signals a run replays, as the loader leaves them: a leaf module, so that what replays
 * them (a sweep's worker) does not load the CSV parser.
 */
export type SignalSide = 'buy' | 'sell' | 'close';
export const SIGNAL_SIDES: readonly SignalSide[] = ['buy', 'sell', 'close'];

/** Columnar signals in file order; `sideCode` indexes {@link SIGNAL_SIDES}. */
export interface SignalTable {
  readonly length: number;
  readonly time: Float64Array;
  readonly symbol: readonly string[];
  readonly sideCode: Uint8Array;
  readonly confidence: Float64Array;
  readonly stopLossPct: Float64Array;
  /** NaN where the row has none. */
  readonly takeProfitPct: Float64Array;
}
