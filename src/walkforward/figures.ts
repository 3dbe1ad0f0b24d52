/**
 * The summary figures of a walk-forward (README "Walk-forward"): efficiency, parameter
 * stability, the share of profitable test windows and the t-statistic of the out-of-sample
 * Sharpe ratio. Plain functions over numbers, so each is tested on its own.
 */
import { sampleStdev } from '../analysis/metrics.js';

const mean = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;

/**
 * An objective made comparable between a long train window and a short test window: a count of
 * goal months (or of goal events) per month, a total return, trade count or final equity per
 * year; ratios and rates (Sharpe, CAGR, drawdown, win rate, ...) as they are. null when the
 * value or the span is missing.
 */
export function comparableObjective(metric: string, value: number | null, span: { readonly months: number; readonly years: number; readonly initialCapital: number }): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (metric.startsWith('goals.')) return span.months > 0 ? value / span.months : null;
  if (!(span.years > 0)) return null;
  if (metric === 'metrics.totalReturn') return 1 + value > 0 ? (1 + value) ** (1 / span.years) - 1 : -1;
  if (metric === 'metrics.trades') return value / span.years;
  if (metric === 'finalEquity') return value > 0 ? (value / span.initialCapital) ** (1 / span.years) - 1 : -1;
  return value;
}

/** out / mean(in): how much of the in-sample figure the out-of-sample one kept; null when it cannot be said. */
export function efficiency(outOfSample: number | null, inSample: readonly (number | null)[]): number | null {
  const known = inSample.filter((v): v is number => v !== null && Number.isFinite(v));
  if (outOfSample === null || !Number.isFinite(outOfSample) || known.length === 0) return null;
  const base = mean(known);
  return base === 0 ? null : outOfSample / base;
}

/**
 * 1 − min(|sd / mean|, 1) of a numeric parameter's choices (sample deviation): 1 when every
 * window chose the same value, 0 when the choices spread as wide as their mean. null with
 * fewer than two choices; a mean of 0 with any spread gives 0.
 */
export function parameterStability(choices: readonly number[]): number | null {
  if (choices.length < 2) return null;
  const sd = sampleStdev(choices);
  if (sd === 0) return 1;
  const m = mean(choices);
  return m === 0 ? 0 : 1 - Math.min(Math.abs(sd / m), 1);
}

/** Share of windows whose return is above 0 (null without windows). */
export function shareProfitable(returns: readonly (number | null)[]): number | null {
  const known = returns.filter((r): r is number => r !== null && Number.isFinite(r));
  return known.length === 0 ? null : known.filter((r) => r > 0).length / known.length;
}

/**
 * The t-statistic of a Sharpe ratio measured on T daily returns: the per-day Sharpe (mean over
 * sample deviation) times √T, as a test that the mean return is 0 would give it. null with
 * fewer than two returns or no spread.
 */
export function sharpeTStatistic(dailyReturns: readonly number[]): number | null {
  if (dailyReturns.length < 2) return null;
  const sd = sampleStdev(dailyReturns);
  return sd > 0 ? (mean(dailyReturns) / sd) * Math.sqrt(dailyReturns.length) : null;
}
