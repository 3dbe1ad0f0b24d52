/**
 * Stale bars: days a file lists although its market was shut, filled in with the previous
 * close (holidays on a Monday-Friday grid; the Gulf exchanges' Fridays, when they traded Sunday
 * to Thursday). Read as real, each is a zero-return day that lowers sigma and inflates Sharpe,
 * the pipeline's volatility stage and the bootstrap alike. A bar is stale when it repeats the
 * previous bar's close exactly with no range (open, high and low equal to that close) and no
 * volume. `staleBars: "drop"` removes them before anything reads the series; the clock and
 * the tracker's timers run on time, so they are unchanged.
 */
import { BarBuilder, type BarSeries } from './series.js';

export type StalePolicy = 'keep' | 'drop';

/** Whether bar `i` of `series` is stale (see the module comment). */
function isStale(series: BarSeries, i: number): boolean {
  const close = series.close[i] as number;
  return close === series.close[i - 1] && series.open[i] === close && series.high[i] === close && series.low[i] === close && series.volume[i] === 0;
}

/** How many bars of `series` are stale. */
export function countStaleBars(series: BarSeries): number {
  let count = 0;
  for (let i = 1; i < series.length; i++) if (isStale(series, i)) count++;
  return count;
}

/** The series without its stale bars. */
function withoutStaleBars(series: BarSeries): BarSeries {
  const builder = new BarBuilder();
  for (let i = 0; i < series.length; i++) {
    if (i > 0 && isStale(series, i)) continue;
    builder.push(series.time[i] as number, series.open[i] as number, series.high[i] as number, series.low[i] as number, series.close[i] as number, series.volume[i] as number);
  }
  return builder.build(series.symbol);
}

/** A source's stale bars as summary.json reports them. */
export interface StaleBars {
  readonly count: number;
  readonly dropped: boolean;
}

/** The series as the policy leaves it, and what it found. */
export function applyStalePolicy(series: BarSeries, policy: StalePolicy): { readonly series: BarSeries; readonly stale: StaleBars } {
  const count = countStaleBars(series);
  const dropped = policy === 'drop' && count > 0;
  return { series: dropped ? withoutStaleBars(series) : series, stale: { count, dropped } };
}
