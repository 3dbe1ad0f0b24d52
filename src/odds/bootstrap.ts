/**
 * Resampled price paths: a stationary bootstrap (Politis & Romano 1994) of the per-instant log
 * returns on the scenario's merged clock. One index sequence is drawn per path and applied to
 * every symbol, so the symbols' cross-correlation survives; each resampled bar takes the drawn
 * bar's open, high and low relative to its close, and its volume. Timestamps stay the historical
 * calendar, so months, timers and the tracker's deadlines fall where they did.
 */
import { allocateBarSeries, type BarSeries } from '../data/series.js';

/** The history a path is drawn from: the merged clock and each symbol's return at every instant. */
export interface ReturnHistory {
  /** The merged clock: every instant at which some symbol has a bar. */
  readonly instants: Float64Array;
  /** Per symbol, the log return from the previous instant to this one (0 where it has not started). */
  readonly logReturns: readonly Float64Array[];
  /** Per symbol, its bar at each instant, or -1. */
  readonly barAt: readonly Int32Array[];
  /** Per symbol, the instant of each of its bars. */
  readonly instantOf: readonly Int32Array[];
}

export function returnHistory(series: readonly BarSeries[]): ReturnHistory {
  const all = new Float64Array(series.reduce((n, bars) => n + bars.length, 0));
  let filled = 0;
  for (const bars of series) {
    all.set(bars.time.subarray(0, bars.length), filled);
    filled += bars.length;
  }
  all.sort();
  let count = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[count++] = all[i] as number;
  const instants = all.slice(0, count);
  const barAt: Int32Array[] = [];
  const instantOf: Int32Array[] = [];
  const logReturns: Float64Array[] = [];
  for (const bars of series) {
    const at = new Int32Array(count).fill(-1);
    const of = new Int32Array(bars.length);
    const returns = new Float64Array(count);
    let k = 0;
    for (let i = 0; i < bars.length; i++) {
      while ((instants[k] as number) < (bars.time[i] as number)) k++;
      at[k] = i;
      of[i] = k;
      // an instant between two of its bars carries no move of its own; the bar after it carries it
      if (i > 0) returns[k] = Math.log((bars.close[i] as number) / (bars.close[i - 1] as number));
    }
    barAt.push(at);
    instantOf.push(of);
    logReturns.push(returns);
  }
  return { instants, logReturns, barAt, instantOf };
}

/**
 * Source instant of each instant of a path (out[0] = 0: every path starts where history did).
 * Blocks start at a uniform instant in 1..K-1 and continue, wrapping round, each step with
 * probability 1 - 1/meanBlock: block lengths are geometric with that mean.
 */
export function stationaryIndices(instants: number, meanBlock: number, random: () => number, out: Int32Array = new Int32Array(instants)): Int32Array {
  if (instants === 0) return out;
  out[0] = 0;
  const last = instants - 1;
  if (last === 0) return out;
  const restart = 1 / meanBlock;
  let j = 0;
  for (let k = 1; k < instants; k++) {
    if (k === 1 || random() < restart) j = 1 + Math.floor(random() * last);
    else j = j === last ? 1 : j + 1;
    out[k] = j;
  }
  return out;
}

/**
 * The bars of one resampled path. A symbol's first bar is its historical first bar; after that
 * its close compounds the drawn instants' log returns, and its open, high and low keep the drawn
 * bar's ratios to its close (its own bar's when it had none at the drawn instant). Prices are
 * rounded to the instrument's increment (`pricePlaces`), at least one increment, and high and low
 * enclose open and close.
 */
export function resamplePath(history: ReturnHistory, series: readonly BarSeries[], source: Int32Array, pricePlaces: readonly number[]): BarSeries[] {
  return series.map((bars, s) => {
    const path = allocateBarSeries(bars.symbol, bars.length);
    if (bars.length === 0) return path;
    const scale = 10 ** (pricePlaces[s] as number);
    const tick = 1 / scale;
    const onGrid = (price: number): number => Math.max(tick, Math.round(price * scale) / scale);
    const returns = history.logReturns[s] as Float64Array;
    const barAt = history.barAt[s] as Int32Array;
    const instantOf = history.instantOf[s] as Int32Array;
    path.time.set(bars.time.subarray(0, bars.length));
    path.open[0] = bars.open[0] as number;
    path.high[0] = bars.high[0] as number;
    path.low[0] = bars.low[0] as number;
    path.close[0] = bars.close[0] as number;
    path.volume[0] = bars.volume[0] as number;
    const start = bars.close[0] as number;
    let logPrice = 0;
    let k = instantOf[0] as number;
    for (let i = 1; i < bars.length; i++) {
      const at = instantOf[i] as number;
      for (k++; k <= at; k++) logPrice += returns[source[k] as number] as number;
      k = at;
      const drawn = barAt[source[at] as number] as number;
      const shape = drawn >= 0 ? drawn : i;
      const close = start * Math.exp(logPrice);
      const ratio = close / (bars.close[shape] as number);
      const c = onGrid(close);
      const o = onGrid((bars.open[shape] as number) * ratio);
      path.close[i] = c;
      path.open[i] = o;
      path.high[i] = Math.max(onGrid((bars.high[shape] as number) * ratio), o, c);
      path.low[i] = Math.min(onGrid((bars.low[shape] as number) * ratio), o, c);
      path.volume[i] = bars.volume[shape] as number;
    }
    return path;
  });
}
