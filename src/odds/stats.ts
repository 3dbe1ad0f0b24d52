/** The interval estimates the odds are reported with. */

/** Two-sided 95 % standard normal quantile. */
const Z95 = 1.959963984540054;

export interface Interval {
  readonly low: number;
  readonly high: number;
}

/**
 * Wilson score interval of a proportion `share` observed over `n` trials. For a mean of per-path
 * shares in [0, 1] (months met per path) it is conservative: a variable in [0, 1] with mean p has
 * variance at most p (1 - p).
 */
export function wilsonInterval(share: number, n: number): Interval | null {
  if (!(n > 0)) return null;
  const z2 = Z95 * Z95;
  const denominator = 1 + z2 / n;
  const center = (share + z2 / (2 * n)) / denominator;
  const half = (Z95 * Math.sqrt((share * (1 - share)) / n + z2 / (4 * n * n))) / denominator;
  // at 0 or 1 the bound is the share itself; the float sum leaves a residue of 1e-19
  return { low: share <= 0 ? 0 : Math.max(0, center - half), high: share >= 1 ? 1 : Math.min(1, center + half) };
}

export interface PairedDifference {
  readonly difference: number;
  readonly interval: Interval | null;
  readonly n: number;
}

/**
 * Mean of a[i] - b[i] over the paths both have, with a normal 95 % interval from the paired
 * differences' standard deviation: the engines ran on the same paths, so the path's luck cancels.
 */
export function pairedDifference(a: readonly number[], b: readonly number[]): PairedDifference {
  const n = a.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (a[i] as number) - (b[i] as number);
  const mean = n === 0 ? NaN : sum / n;
  if (n < 2) return { difference: mean, interval: null, n };
  let squares = 0;
  for (let i = 0; i < n; i++) squares += ((a[i] as number) - (b[i] as number) - mean) ** 2;
  const half = Z95 * Math.sqrt(squares / (n - 1) / n);
  return { difference: mean, interval: { low: mean - half, high: mean + half }, n };
}

/** Quantile `q` of ascending `sorted` values, interpolating linearly between order statistics. */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const position = (n - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(n - 1, below + 1);
  return (sorted[below] as number) + ((sorted[above] as number) - (sorted[below] as number)) * (position - below);
}

export const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;
export const QUANTILE_NAMES = ['p5', 'p25', 'p50', 'p75', 'p95'] as const;
export type Quantiles = Readonly<Record<(typeof QUANTILE_NAMES)[number], number | null>>;

/** The reported quantiles of `values` (NaN dropped), or nulls when there are none. */
export function quantiles(values: readonly number[]): Quantiles {
  const sorted = Float64Array.from(values.filter((v) => !Number.isNaN(v))).sort();
  const entries = QUANTILE_NAMES.map((name, i) => [name, sorted.length === 0 ? null : quantileOfSorted(sorted, QUANTILES[i] as number)]);
  return Object.fromEntries(entries) as Quantiles;
}

/**
 * Where `value` sits among `values` (NaN left out): the share below it plus half the share equal
 * to it (the mid-rank), so the middle of a sample is 0.5. Null without values or a value.
 */
export function percentileOf(value: number | null, values: readonly number[]): number | null {
  if (value === null || Number.isNaN(value)) return null;
  let below = 0;
  let equal = 0;
  let n = 0;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    n++;
    if (v < value) below++;
    else if (v === value) equal++;
  }
  return n === 0 ? null : (below + equal / 2) / n;
}
