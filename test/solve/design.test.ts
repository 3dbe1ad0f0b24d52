import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { dimensionsOf, latinHypercube, neighbours, paramsAt, roundSignificant, valueAt, type Dimension } from '../../src/solve/design.js';

const range = (min: number, max: number, integer = false, log = false): Dimension => ({ path: 'p', kind: 'range', min, max, integer, log });

describe('the solve design', () => {
  it('maps a coordinate onto a range, linearly or on a log scale, to 4 significant digits', () => {
    expect(valueAt(range(0.05, 1), 0)).toBe(0.05);
    expect(valueAt(range(0.05, 1), 1)).toBe(1);
    expect(valueAt(range(0.05, 1), 0.5)).toBe(0.525);
    expect(valueAt(range(0, 3), 1 / 3)).toBe(1);
    expect(valueAt(range(0.05, 1), 0.123456)).toBe(0.1673);
    // log: the geometric middle
    expect(valueAt(range(0.005, 0.05, false, true), 0.5)).toBe(roundSignificant(Math.sqrt(0.005 * 0.05)));
    expect(valueAt(range(0.005, 0.05, false, true), 0)).toBe(0.005);
    expect(valueAt(range(0.005, 0.05, false, true), 1)).toBe(0.05);
    // outside [0, 1]: clamped
    expect(valueAt(range(2, 4), -0.5)).toBe(2);
    expect(valueAt(range(2, 4), 1.5)).toBe(4);
  });

  it('gives each integer of a range an equal share of the coordinates', () => {
    const dim = range(1, 4, true);
    expect([0, 0.24, 0.25, 0.49, 0.5, 0.74, 0.75, 0.99, 1].map((u) => valueAt(dim, u))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 4]);
    expect(valueAt(range(1, 100, true, true), 0.5)).toBe(10);
    expect(valueAt(range(1, 100, true, true), 1)).toBe(100);
  });

  it('gives each choice an equal share', () => {
    const dim: Dimension = { path: 'e', kind: 'choice', values: ['a', 'b', 'c'] };
    expect([0, 0.33, 0.34, 0.66, 0.67, 1].map((u) => valueAt(dim, u))).toEqual(['a', 'a', 'b', 'b', 'c', 'c']);
  });

  it('reads a space into dimensions in file order', () => {
    expect(dimensionsOf({ 'sizing.engine': ['x', 'y'], 'a.b': { min: 1, max: 2, integer: false, log: true } })).toEqual([
      { path: 'sizing.engine', kind: 'choice', values: ['x', 'y'] },
      { path: 'a.b', kind: 'range', min: 1, max: 2, integer: false, log: true },
    ]);
    expect(paramsAt(dimensionsOf({ e: ['x', 'y'], f: { min: 0, max: 10, integer: true, log: false } }), [0.9, 0.05])).toEqual({ e: 'y', f: 0 });
  });

  it('a Latin hypercube uses every stratum of every coordinate once, and is the same for a seed', () => {
    const points = latinHypercube(3, 10, seedrandom('7'));
    expect(points).toHaveLength(10);
    for (let d = 0; d < 3; d++) {
      const strata = points.map((p) => Math.floor((p[d] as number) * 10)).sort((a, b) => a - b);
      expect(strata).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
    for (const p of points) for (const u of p) expect(u >= 0 && u < 1).toBe(true);
    expect(latinHypercube(3, 10, seedrandom('7'))).toEqual(points);
    expect(latinHypercube(3, 10, seedrandom('8'))).not.toEqual(points);
    // the coordinates are not all in the same order: the permutations are drawn, not the identity
    expect(points.map((p) => Math.floor((p[0] as number) * 10))).not.toEqual(points.map((p) => Math.floor((p[1] as number) * 10)));
  });

  it('neighbours move one coordinate a step down and up, a choice to the next value, and never leave the cube', () => {
    const dims: Dimension[] = [range(0, 1), { path: 'e', kind: 'choice', values: ['a', 'b', 'c', 'd'] }];
    expect(neighbours(dims, [0.5, 0.3], 0.1)).toEqual([
      [0.4, 0.3],
      [0.6, 0.3],
      [0.5, 0.125],
      [0.5, 0.625],
    ]);
    expect(neighbours(dims, [0.05, 0.1], 0.1)).toEqual([
      [0.15000000000000002, 0.1],
      [0.05, 0.375],
    ]);
    expect(neighbours(dims, [0.95, 0.9], 0.1).map((p) => paramsAt([range(0, 1), dims[1] as Dimension], p))).toEqual([
      { p: 0.85, e: 'd' },
      { p: 0.95, e: 'c' },
    ]);
  });
});
