/**
 * Picks the points to draw. Long series are reduced with Largest-Triangle-Three-Buckets (the
 * `downsample` library) on their primary values; indices that carry a marker (an adjustment, a
 * milestone) are always kept. The CSV files keep every point; only drawing is thinned.
 */
import { createLTTB } from 'downsample';

export const MAX_POINTS = 2000;

/**
 * Buckets per drawn point above which LTTB runs on each bucket's lowest and highest point rather
 * than on every point: the library makes an [x, y] pair per point it is given, a gigabyte for a
 * 20M-row curve, and from 25 candidates per drawn point the extremes are what it would pick.
 */
const BUCKETS_PER_POINT = 25;

export function drawIndices(time: ArrayLike<number>, values: ArrayLike<number>, keep: Iterable<number> = [], maxPoints = MAX_POINTS): number[] {
  const n = time.length;
  const y = (i: number): number => (Number.isFinite(values[i] as number) ? (values[i] as number) : 0);
  let chosen: number[];
  if (n <= maxPoints) chosen = Array.from({ length: n }, (_, i) => i);
  else {
    const candidates = n > 2 * BUCKETS_PER_POINT * maxPoints ? bucketExtremes(y, n, BUCKETS_PER_POINT * maxPoints) : Array.from({ length: n }, (_, i) => i);
    const lttb = createLTTB<number>({ x: (i: number) => time[i] as number, y });
    chosen = Array.from(lttb(candidates, maxPoints) as ArrayLike<number>);
  }
  return [...new Set([...chosen, ...keep])].filter((i) => i >= 0 && i < n).sort((a, b) => a - b);
}

/** The first and last index, and between them each of `buckets` equal runs' lowest and highest, in order. */
function bucketExtremes(y: (i: number) => number, n: number, buckets: number): number[] {
  const indices = [0];
  const size = (n - 2) / buckets;
  for (let b = 0; b < buckets; b++) {
    const from = 1 + Math.floor(b * size);
    const to = 1 + Math.floor((b + 1) * size);
    if (from >= to) continue;
    let low = from;
    let high = from;
    for (let i = from + 1; i < to; i++) {
      if (y(i) < y(low)) low = i;
      if (y(i) > y(high)) high = i;
    }
    indices.push(Math.min(low, high));
    if (low !== high) indices.push(Math.max(low, high));
  }
  indices.push(n - 1);
  return indices;
}

/** Index of the last time <= t (binary search), or -1. */
export function indexAtOrBefore(time: ArrayLike<number>, t: number): number {
  let low = 0;
  let high = time.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if ((time[mid] as number) <= t) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
