/**
 * Annual rates as a run reads them: a constant, or a series of rows in force from their
 * timestamps (read from a `timestamp,rate` file by data/rateSeries.ts). Kept apart from the
 * reader so that a worker, which only looks rates up, loads no CSV parser.
 */
export interface RateSeries {
  /** The file as the scenario names it (what summary.json records). */
  readonly source: string;
  /** Epoch ms, strictly increasing. */
  readonly time: readonly number[];
  /** Annual rates as fractions (0.05 for 5 %). */
  readonly rate: readonly number[];
}

/** A constant annual rate, or one that changes over time. */
export type AnnualRate = number | RateSeries;

/** The annual rate in force at `time`: the last row at or before it; 0 before the first row. */
export function rateAt(rate: AnnualRate, time: number): number {
  if (typeof rate === 'number') return rate;
  let low = 0;
  let high = rate.time.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((rate.time[mid] as number) <= time) low = mid + 1;
    else high = mid;
  }
  return low === 0 ? 0 : (rate.rate[low - 1] as number);
}

/** Whether a rate is set at all: a constant above 0, or any series. */
export const hasRate = (rate: AnnualRate): boolean => typeof rate !== 'number' || rate !== 0;

/** The rate as summary.json records it: the constant, or the file the scenario names. */
export const rateText = (rate: AnnualRate): number | string => (typeof rate === 'number' ? rate : rate.source);
