/**
 * Where a solve looks (README "Solve"): a seeded Latin hypercube over the space, each parameter's
 * range cut into as many strata as there are candidates and every stratum used once, and the
 * neighbours of an incumbent for the refinement round. Candidates live in the unit cube; a
 * dimension maps a coordinate to its parameter's value.
 */
import type { ParamValue } from '../scenario/variants.js';

export type Dimension =
  | { readonly path: string; readonly kind: 'range'; readonly min: number; readonly max: number; readonly integer: boolean; readonly log: boolean }
  | { readonly path: string; readonly kind: 'choice'; readonly values: readonly ParamValue[] };

export function dimensionsOf(space: Readonly<Record<string, { min: number; max: number; integer: boolean; log: boolean } | readonly ParamValue[]>>): Dimension[] {
  return Object.entries(space).map(([path, spec]) => (Array.isArray(spec) ? { path, kind: 'choice', values: spec } : { path, kind: 'range', ...(spec as { min: number; max: number; integer: boolean; log: boolean }) }));
}

/** `value` to 4 significant digits: a candidate's parameters stay readable, and equal ones compare equal. */
export function roundSignificant(value: number): number {
  return value === 0 || !Number.isFinite(value) ? value : Number(value.toPrecision(4));
}

/** The value of coordinate u in [0, 1] on a dimension. */
export function valueAt(dimension: Dimension, u: number): ParamValue {
  const t = Math.min(1, Math.max(0, u));
  if (dimension.kind === 'choice') return dimension.values[Math.min(dimension.values.length - 1, Math.floor(t * dimension.values.length))] as ParamValue;
  const { min, max } = dimension;
  if (dimension.integer) {
    const low = Math.ceil(min);
    const high = Math.floor(max);
    if (dimension.log) return Math.min(high, Math.max(low, Math.round(Math.exp(Math.log(min) + t * (Math.log(max) - Math.log(min))))));
    return Math.min(high, low + Math.floor(t * (high - low + 1)));
  }
  const x = dimension.log ? Math.exp(Math.log(min) + t * (Math.log(max) - Math.log(min))) : min + t * (max - min);
  return Math.min(max, Math.max(min, roundSignificant(x)));
}

export function paramsAt(dimensions: readonly Dimension[], point: readonly number[]): Record<string, ParamValue> {
  return Object.fromEntries(dimensions.map((d, k) => [d.path, valueAt(d, point[k] as number)]));
}

/**
 * n points in [0, 1)^d, one per stratum of width 1/n in every coordinate: for each dimension a
 * random order of the strata (Fisher-Yates), then a uniform position inside each stratum.
 */
export function latinHypercube(dimensions: number, n: number, random: () => number): number[][] {
  const points = Array.from({ length: n }, () => Array.from({ length: dimensions }, () => 0));
  for (let d = 0; d < dimensions; d++) {
    const strata = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [strata[i], strata[j]] = [strata[j] as number, strata[i] as number];
    }
    for (let i = 0; i < n; i++) (points[i] as number[])[d] = ((strata[i] as number) + random()) / n;
  }
  return points;
}

/**
 * The pattern-search neighbours of a point: each coordinate moved by `step` down and up (a
 * choice to its neighbouring value), the others kept; moves that leave [0, 1] are left out.
 */
export function neighbours(dimensions: readonly Dimension[], point: readonly number[], step: number): number[][] {
  const out: number[][] = [];
  dimensions.forEach((dimension, k) => {
    const u = point[k] as number;
    const width = dimension.kind === 'choice' ? 1 / dimension.values.length : step;
    for (const sign of [-1, 1]) {
      const moved = u + sign * width;
      if (moved < 0 || moved > 1) continue;
      const next = [...point];
      next[k] = dimension.kind === 'choice' ? (Math.floor(moved * dimension.values.length) + 0.5) / dimension.values.length : moved;
      out.push(next);
    }
  });
  return out;
}
