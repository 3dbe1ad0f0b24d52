import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateBarSeries } from '../../src/data/series.js';
import { GridWindowSums } from '../../src/strategy/gridAverage.js';
import { SeriesHistory } from '../../src/strategy/index.js';

/** Sign of average(a) - average(b) over the windows ending at `last`, in exact integers at 10 places. */
function exactSign(closes: readonly number[], last: number, a: number, b: number): number {
  const sum = (window: number): bigint => closes.slice(last - window + 1, last + 1).reduce((s, c) => s + BigInt(Math.round(c * 1e10)), 0n);
  const difference = sum(a) * BigInt(b) - sum(b) * BigInt(a);
  return difference > 0n ? 1 : difference < 0n ? -1 : 0;
}

describe('GridWindowSums', () => {
  it('compares window averages exactly while bars come one by one, jump ahead, and widen the grid', () => {
    // closes of 0 to 6 decimals, so the grid widens mid-way; steps of 1 bar mostly, sometimes more
    const close = fc.tuple(fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 0, max: 6 })).map(([units, places]) => Number((units / 10 ** places).toFixed(places)));
    fc.assert(
      fc.property(fc.array(close, { minLength: 40, maxLength: 160 }), fc.array(fc.constantFrom(1, 1, 1, 1, 2, 7), { minLength: 1, maxLength: 200 }), (values, steps) => {
        const series = allocateBarSeries('T', values.length);
        values.forEach((value, i) => {
          series.time[i] = i;
          series.close[i] = value;
        });
        const bars = new SeriesHistory(series);
        bars.length = values.length;
        const sums = new GridWindowSums([3, 10, 30]);
        let last = 30;
        for (const step of steps) {
          if (last >= values.length) break;
          sums.advanceTo(bars, last);
          for (const [a, b] of [[0, 1], [0, 2], [1, 2]] as const) if (sums.compareAverages(a, b) !== exactSign(values, last, [3, 10, 30][a] as number, [3, 10, 30][b] as number)) return false;
          last += step;
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });

  it('widens the grid while bars come one by one, each close finer than the last', () => {
    const values = [4, 5, 6, 5, 4, 4.5, 4.25, 4.125, 4.375, 4.1875, 4.3125, 4.25, 4.21875, 4.234375, 4.2265625, 4.23046875];
    const series = allocateBarSeries('T', values.length);
    values.forEach((value, i) => (series.close[i] = value));
    const bars = new SeriesHistory(series);
    bars.length = values.length;
    const sums = new GridWindowSums([2, 3]);
    const signs: number[] = [];
    const expected: number[] = [];
    for (let last = 3; last < values.length; last++) {
      sums.advanceTo(bars, last);
      signs.push(sums.compareAverages(0, 1));
      expected.push(exactSign(values, last, 2, 3));
    }
    expect(signs).toEqual(expected);
    expect(new Set(expected).size).toBe(3); // above, below and a tie all occur
  });

  it('finds a decimal tie between the averages after the grid widened', () => {
    const values = [1, 2, 3, 2.5, 1.5, 2];
    const series = allocateBarSeries('T', values.length);
    values.forEach((value, i) => (series.close[i] = value));
    const bars = new SeriesHistory(series);
    bars.length = values.length;
    const sums = new GridWindowSums([2, 4]);
    for (let last = 3; last < values.length; last++) sums.advanceTo(bars, last);
    // last two: (1.5 + 2) / 2 = 1.75; last four: (3 + 2.5 + 1.5 + 2) / 4 = 2.25
    expect(sums.compareAverages(0, 1)).toBe(-1);
    expect(sums.compareAverages(1, 0)).toBe(1);
  });
});
