/**
 * Performance metrics of a run. Returns are daily: the equity at the last instant of each UTC
 * day that has bars, returns taken between consecutive such days. Annualisation multiplies by
 * periodsPerYear (volatility and ratios by its square root). Sharpe and Sortino are of the
 * returns in excess of the risk-free rate (`metrics.riskFreeRate`, annual, 0 by default), taken
 * per period as (1 + rate)^(1 / periodsPerYear) - 1; Sortino's downside is the root mean square of
 * the excess returns below 0, over all periods. A rate that changes over time (a rate file) is
 * taken per return, at the close the return starts from (excessReturns); with a constant the
 * deviation of the returns is that of the excess returns, and the mean excess is mean - rate.
 * Exposure is gross position value over equity, averaged over time (each instant's value held
 * until the next); turnover is traded notional (both sides of every fill) over the time-weighted
 * mean equity, per year.
 */
import { MONDAY_TO_FRIDAY, weekdayOf } from '../clock/index.js';
import { rateAt, type AnnualRate, type RateSeries } from '../data/rates.js';
import { formatFixed, formatPercent } from '../numeric/format.js';
import { MS_PER_DAY } from '../data/timestamp.js';
import type { Trade } from '../ledger/index.js';
import { DailyCloseBook, summariseCurve, type CurveSummary, type EquityCurve } from '../sim/equityCurve.js';

export interface Metrics {
  readonly totalReturn: number;
  readonly cagr: number | null;
  readonly volatility: number | null;
  readonly sharpe: number | null;
  readonly sortino: number | null;
  readonly maxDrawdown: number;
  readonly calmar: number | null;
  readonly trades: number;
  readonly winRate: number | null;
  readonly profitFactor: number | null;
  /** Time-weighted mean of gross position value / equity: how much of the capital was at work. */
  readonly meanExposure: number;
  readonly maxExposure: number;
  /** Traded notional / mean equity, per year; null for a run of no time. */
  readonly turnover: number | null;
  /** Share of sampled instants with an open position, whatever its size. */
  readonly timeInMarket: number;
}

/** How a metric reads in a table: a share (printed as a percent), a ratio, a count or a multiple. */
export type MetricKind = 'percent' | 'ratio' | 'count' | 'multiple';

/** Every metric in the order tables, summary.json readers and sweep results list them, with its label. */
export const METRIC_DISPLAY: readonly { readonly key: keyof Metrics; readonly label: string; readonly kind: MetricKind }[] = [
  { key: 'totalReturn', label: 'total return', kind: 'percent' },
  { key: 'cagr', label: 'CAGR', kind: 'percent' },
  { key: 'volatility', label: 'volatility', kind: 'percent' },
  { key: 'sharpe', label: 'Sharpe', kind: 'ratio' },
  { key: 'sortino', label: 'Sortino', kind: 'ratio' },
  { key: 'maxDrawdown', label: 'max drawdown', kind: 'percent' },
  { key: 'calmar', label: 'Calmar', kind: 'ratio' },
  { key: 'trades', label: 'trades', kind: 'count' },
  { key: 'winRate', label: 'win rate', kind: 'percent' },
  { key: 'profitFactor', label: 'profit factor', kind: 'ratio' },
  { key: 'meanExposure', label: 'mean exposure', kind: 'percent' },
  { key: 'maxExposure', label: 'max exposure', kind: 'percent' },
  { key: 'turnover', label: 'turnover a year', kind: 'multiple' },
  { key: 'timeInMarket', label: 'time in market', kind: 'percent' },
];

export const METRIC_KEYS: readonly (keyof Metrics)[] = METRIC_DISPLAY.map((m) => m.key);

/** A metric's value as a table shows it (`missing` for none): 12.34%, 1.23, 7 or 3.21x. */
export function metricText(value: unknown, kind: MetricKind, missing = '–'): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return missing;
  if (kind === 'percent') return formatPercent(value, 2, missing);
  if (kind === 'count') return String(value);
  return `${formatFixed(value, 2, missing)}${kind === 'multiple' ? 'x' : ''}`;
}

const DAYS_PER_YEAR = 365.25;

/** Equity at the end of each UTC day present in the curve (of its time and equity alone). */
export function dailyCloses(curve: Pick<EquityCurve, 'length' | 'time' | 'equity'>): CurveSummary['dailyCloses'] {
  const book = new DailyCloseBook();
  for (let i = 0; i < curve.length; i++) book.observe(curve.time[i] as number, curve.equity[i] as number);
  return { day: book.day, equity: book.equity };
}

/** Returns between consecutive daily closes, of a curve or of its summary. */
export function dailyReturns(curve: EquityCurve | CurveSummary): number[] {
  return Array.from(dailyReturnColumn(curve));
}

/** The same returns in a typed column: what the metrics read (no boxed number per return). */
function dailyReturnColumn(curve: EquityCurve | CurveSummary): Float64Array {
  const { equity } = summaryOf(curve).dailyCloses;
  const returns = new Float64Array(Math.max(0, equity.length - 1));
  for (let i = 1; i < equity.length; i++) returns[i - 1] = (equity[i] as number) / (equity[i - 1] as number) - 1;
  return returns;
}

const summaryOf = (curve: EquityCurve | CurveSummary): CurveSummary => ('dailyCloses' in curve ? curve : summariseCurve(curve));

/**
 * Trading days a year: 365 when any bar of any series falls on a day outside its market's week
 * (a 24/7 market; the week is Monday to Friday unless the source's `weekdays` say otherwise),
 * else 252 for a five-day week, in proportion for the longest week of the sources (202 for four
 * days, 302 for six).
 */
export function detectPeriodsPerYear(times: readonly Float64Array[], weeks: readonly (readonly number[] | undefined)[] = []): number {
  let days = times.length === 0 ? 5 : 0;
  for (const [s, time] of times.entries()) {
    const week = weeks[s] ?? MONDAY_TO_FRIDAY;
    let inWeek = 0; // bit d set for weekday d: one test per bar, every run of an odds path does this
    for (const day of week) inWeek |= 1 << day;
    for (let i = 0; i < time.length; i++) if (((inWeek >> weekdayOf(time[i] as number)) & 1) === 0) return 365;
    days = Math.max(days, week.length);
  }
  return Math.round((252 * days) / 5);
}

/** The values' sum, first to last, over their count (NaN for none). */
function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return values.length === 0 ? NaN : sum / values.length;
}

/** Sample standard deviation (n - 1). */
export function sampleStdev(values: ArrayLike<number>): number {
  if (values.length < 2) return NaN;
  const m = mean(values);
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += ((values[i] as number) - m) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** The rate of one period that compounds to `annualRate` over a year of `periodsPerYear` periods. */
export function periodRate(annualRate: number, periodsPerYear: number): number {
  return (1 + annualRate) ** (1 / periodsPerYear) - 1;
}

/** Annualised Sharpe ratio of per-period returns over the risk-free rate (annual; 0 by default). */
export function sharpeRatio(returns: ArrayLike<number>, periodsPerYear: number, riskFreeRate = 0): number | null {
  const deviation = sampleStdev(returns);
  const excess = mean(returns) - periodRate(riskFreeRate, periodsPerYear);
  return deviation > 0 ? finiteOrNull((excess / deviation) * Math.sqrt(periodsPerYear)) : null;
}

/** Annualised Sortino ratio: the mean excess return over the root mean square of the excess returns below 0. */
export function sortinoRatio(returns: ArrayLike<number>, periodsPerYear: number, riskFreeRate = 0): number | null {
  const rate = periodRate(riskFreeRate, periodsPerYear);
  let squares = 0;
  for (let i = 0; i < returns.length; i++) squares += Math.min((returns[i] as number) - rate, 0) ** 2;
  const downside = Math.sqrt(returns.length === 0 ? NaN : squares / returns.length);
  return downside > 0 ? finiteOrNull(((mean(returns) - rate) / downside) * Math.sqrt(periodsPerYear)) : null;
}

/**
 * Each daily return less the risk-free rate of its period, for a rate that changes over time:
 * return i runs from the close of day `days[i]` to the next, and the rate is the one in force at
 * that close (the day's last instant), compounded to one period as periodRate does. Sharpe and
 * Sortino of a series are then those of these excess returns against 0.
 */
export function excessReturns(returns: ArrayLike<number>, days: ArrayLike<number>, riskFree: RateSeries, periodsPerYear: number): Float64Array {
  const excess = new Float64Array(returns.length);
  for (let i = 0; i < returns.length; i++) excess[i] = (returns[i] as number) - periodRate(rateAt(riskFree, ((days[i] as number) + 1) * MS_PER_DAY - 1), periodsPerYear);
  return excess;
}

/**
 * Annualised figures (CAGR, volatility, Sharpe, Sortino, Calmar) from fewer daily returns than
 * this say little: a one-month run's CAGR is its month compounded twelve times. They are marked.
 */
export const ANNUALISED_MIN_RETURNS = 60;
export const ANNUALISED_METRICS: readonly string[] = ['cagr', 'volatility', 'sharpe', 'sortino', 'calmar'];

/** The note an annualised figure gets when it rests on fewer than ANNUALISED_MIN_RETURNS daily returns, else null. */
export function annualisationNote(dailyReturnCount: number | undefined): string | null {
  // a run folder written before the count was recorded says nothing either way
  return dailyReturnCount === undefined || dailyReturnCount >= ANNUALISED_MIN_RETURNS ? null : `annualised from ${dailyReturnCount} daily returns (fewer than ${ANNUALISED_MIN_RETURNS}): read with care`;
}

/** The metrics of a run from its curve (or the curve's summary, all they read of it), its trades and the notional its fills traded. */
export function computeMetrics(curve: EquityCurve | CurveSummary, trades: readonly Trade[], initialCapital: number, finalEquity: number, periodsPerYear: number, tradedNotional = 0, riskFreeRate: AnnualRate = 0): Metrics {
  const summary = summaryOf(curve);
  const returns = dailyReturnColumn(summary);
  // a rate that changes over time: Sharpe and Sortino of the excess returns; a constant: of the returns over it
  const excess = typeof riskFreeRate === 'number' ? undefined : excessReturns(returns, summary.dailyCloses.day, riskFreeRate, periodsPerYear);
  const deviation = sampleStdev(returns);
  const span = summary.rows > 0 ? summary.lastTime - summary.firstTime : 0;
  const years = span / (DAYS_PER_YEAR * MS_PER_DAY);
  const meanEquity = span > 0 ? summary.equityTime / span : summary.lastEquity;
  const growth = finalEquity / initialCapital;
  const cagr = years > 0 && growth > 0 ? growth ** (1 / years) - 1 : NaN;
  const { maxDrawdown } = summary;
  const pnls = trades.map((trade) => trade.pnl.toNumber());
  const grossProfit = pnls.filter((p) => p > 0).reduce((a, b) => a + b, 0);
  const grossLoss = -pnls.filter((p) => p < 0).reduce((a, b) => a + b, 0);
  return {
    totalReturn: growth - 1,
    cagr: finiteOrNull(cagr),
    volatility: finiteOrNull(deviation * Math.sqrt(periodsPerYear)),
    sharpe: excess === undefined ? sharpeRatio(returns, periodsPerYear, riskFreeRate as number) : sharpeRatio(excess, periodsPerYear),
    sortino: excess === undefined ? sortinoRatio(returns, periodsPerYear, riskFreeRate as number) : sortinoRatio(excess, periodsPerYear),
    maxDrawdown,
    calmar: maxDrawdown > 0 ? finiteOrNull(cagr / maxDrawdown) : null,
    trades: trades.length,
    winRate: trades.length > 0 ? pnls.filter((p) => p > 0).length / trades.length : null,
    profitFactor: grossLoss > 0 ? grossProfit / grossLoss : null,
    meanExposure: span > 0 ? summary.exposureTime / span : summary.rows > 0 ? summary.lastExposure : 0,
    maxExposure: summary.maxExposure,
    turnover: years > 0 && meanEquity > 0 ? finiteOrNull(tradedNotional / meanEquity / years) : null,
    timeInMarket: summary.rows > 0 ? summary.exposedRows / summary.rows : 0,
  };
}
