/**
 * Picks the points to draw. Long series are reduced with Largest-Triangle-Three-Buckets (the
 * `downsample` library) on their primary values; indices that carry a marker (an adjustment, a
 * milestone) are always kept. The CSV files keep every point; only drawing is thinned.
 */
import { createLTTB } from 'downsample';

export const MAX_POINTS = 2000;

export function drawIndices(time: ArrayLike<number>, values: ArrayLike<number>, keep: Iterable<number> = [], maxPoints = MAX_POINTS): number[] {
  const n = time.length;
  const all = Array.from({ length: n }, (_, i) => i);
  let chosen: number[];
  if (n <= maxPoints) chosen = all;
  else {
    const lttb = createLTTB<number>({ x: (i: number) => time[i] as number, y: (i: number) => (Number.isFinite(values[i] as number) ? (values[i] as number) : 0) });
    chosen = Array.from(lttb(all, maxPoints) as ArrayLike<number>);
  }
  return [...new Set([...chosen, ...keep])].filter((i) => i >= 0 && i < n).sort((a, b) => a - b);
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
