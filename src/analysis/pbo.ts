/**
 * The probability of backtest overfitting by combinatorially symmetric cross-validation (Bailey,
 * Borwein, Lopez de Prado & Zhu, 2017). The T x N matrix of per-period results (a return, or a
 * goal met as 1 and missed as 0) is cut into S contiguous blocks; for each of the C(S, S/2)
 * ways to choose half the blocks as in-sample, the variant best in-sample is ranked among all N
 * on the other half. PBO is the share of splits where it ranks at or below the median.
 *
 * Every metric is a function of per-column sums over blocks (count, sum, sum of squares), so a
 * split costs O(N x S) whatever T is: C(16, 8) = 12,870 splits of 200 variants take well under a
 * second.
 */

/** How a set of rows scores a variant: from its count, sum and sum of squares over them. */
export type BlockMetric = 'sharpe' | 'mean';

export interface PboInput {
  /** Row-major: row t holds the N variants' results of period t. */
  readonly values: Float64Array;
  readonly rows: number;
  readonly columns: number;
  /** Number of blocks S: even, at least 4. */
  readonly blocks: number;
  readonly metric: BlockMetric;
}

export interface PboResult {
  readonly blocks: number;
  /** Rows used: a multiple of the blocks; the first rows mod S are dropped. */
  readonly rowsUsed: number;
  readonly rowsDropped: number;
  readonly splits: number;
  /** Share of splits whose in-sample best ranks at or below the median out of sample. */
  readonly pbo: number;
  /** Per split: the logit of the in-sample best's relative out-of-sample rank. */
  readonly logits: Float64Array;
  /** Per split: the in-sample best's in-sample and out-of-sample metric. */
  readonly inSample: Float64Array;
  readonly outOfSample: Float64Array;
  /** How often each variant was the in-sample best. */
  readonly chosen: Int32Array;
  /** OLS of out-of-sample on in-sample metric of the chosen variant, over the splits. */
  readonly degradation: { readonly slope: number; readonly intercept: number; readonly r2: number };
  /** Share of splits whose chosen variant's out-of-sample metric is below 0. */
  readonly lossProbability: number;
}

function metricOf(metric: BlockMetric, count: number, sum: number, squares: number): number {
  const mean = sum / count;
  if (metric === 'mean') return mean;
  const variance = (squares - count * mean * mean) / (count - 1);
  return variance > 0 ? mean / Math.sqrt(variance) : mean === 0 ? 0 : mean > 0 ? Infinity : -Infinity;
}

/** Every way to choose k of n items, as index arrays in lexicographic order. */
export function combinations(n: number, k: number): number[][] {
  const out: number[][] = [];
  const pick: number[] = [];
  const walk = (from: number): void => {
    if (pick.length === k) {
      out.push([...pick]);
      return;
    }
    for (let i = from; i <= n - (k - pick.length); i++) {
      pick.push(i);
      walk(i + 1);
      pick.pop();
    }
  };
  walk(0);
  return out;
}

/** Rank of `value` among `values` (1 = lowest), ties given their average rank. */
export function averageRank(values: Float64Array, value: number): number {
  let below = 0;
  let equal = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v < value) below++;
    else if (v === value) equal++;
  }
  return below + (equal + 1) / 2;
}

export function probabilityOfOverfitting(input: PboInput): PboResult {
  const { values, columns: n, blocks: s, metric } = input;
  if (!(s >= 4 && s % 2 === 0)) throw new Error(`blocks must be even and at least 4, not ${s}`);
  const rowsDropped = input.rows % s;
  const perBlock = (input.rows - rowsDropped) / s;
  if (perBlock < 2 || n < 2) throw new Error(`the audit needs 2 variants and ${2 * s} periods at least (has ${n} and ${input.rows})`);
  // per block and column: sum and sum of squares
  const sums = new Float64Array(s * n);
  const squares = new Float64Array(s * n);
  for (let b = 0; b < s; b++) {
    for (let t = rowsDropped + b * perBlock; t < rowsDropped + (b + 1) * perBlock; t++) {
      for (let c = 0; c < n; c++) {
        const v = values[t * n + c] as number;
        const at = b * n + c;
        sums[at] = (sums[at] as number) + v;
        squares[at] = (squares[at] as number) + v * v;
      }
    }
  }
  const splits = combinations(s, s / 2);
  const logits = new Float64Array(splits.length);
  const inSample = new Float64Array(splits.length);
  const outOfSample = new Float64Array(splits.length);
  const chosen = new Int32Array(n);
  const isMetric = new Float64Array(n);
  const oosMetric = new Float64Array(n);
  const half = (s / 2) * perBlock;
  const inBlock = new Uint8Array(s);
  splits.forEach((split, k) => {
    inBlock.fill(0);
    for (const b of split) inBlock[b] = 1;
    for (let c = 0; c < n; c++) {
      let isSum = 0;
      let isSquares = 0;
      let oosSum = 0;
      let oosSquares = 0;
      for (let b = 0; b < s; b++) {
        if (inBlock[b] === 1) {
          isSum += sums[b * n + c] as number;
          isSquares += squares[b * n + c] as number;
        } else {
          oosSum += sums[b * n + c] as number;
          oosSquares += squares[b * n + c] as number;
        }
      }
      isMetric[c] = metricOf(metric, half, isSum, isSquares);
      oosMetric[c] = metricOf(metric, half, oosSum, oosSquares);
    }
    // the in-sample best; ties to the lowest variant
    let best = 0;
    for (let c = 1; c < n; c++) if ((isMetric[c] as number) > (isMetric[best] as number)) best = c;
    chosen[best] = (chosen[best] as number) + 1;
    const omega = averageRank(oosMetric, oosMetric[best] as number) / (n + 1);
    logits[k] = Math.log(omega / (1 - omega));
    inSample[k] = isMetric[best] as number;
    outOfSample[k] = oosMetric[best] as number;
  });
  let overfit = 0;
  let losses = 0;
  for (let k = 0; k < splits.length; k++) {
    if ((logits[k] as number) <= 0) overfit++;
    if ((outOfSample[k] as number) < 0) losses++;
  }
  return { blocks: s, rowsUsed: input.rows - rowsDropped, rowsDropped, splits: splits.length, pbo: overfit / splits.length, logits, inSample, outOfSample, chosen, degradation: leastSquares(inSample, outOfSample), lossProbability: losses / splits.length };
}

/** y = intercept + slope x by ordinary least squares, with R^2 (NaN where x does not vary). */
export function leastSquares(x: Float64Array, y: Float64Array): { slope: number; intercept: number; r2: number } {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, r2: (sxy * sxy) / (sxx * syy) };
}
