import { describe, expect, it } from 'vitest';
import { pairedDifference, percentileOf, quantileOfSorted, quantiles, wilsonInterval } from '../../src/odds/stats.js';

describe('odds statistics', () => {
  it('Wilson interval: 50 of 100 and 0 of 1000 by hand', () => {
    // z = 1.96: center (0.5 + 1.9208/100) / 1.038415 = 0.5; half = 1.96 sqrt(0.0025 + 0.00009604) / 1.038415 = 0.09617
    const half = wilsonInterval(0.5, 100);
    expect(half?.low).toBeCloseTo(0.4038, 4);
    expect(half?.high).toBeCloseTo(0.5962, 4);
    // 0 successes: the upper end is z^2 / (n + z^2) = 3.8415 / 1003.8415 = 0.003827
    const none = wilsonInterval(0, 1000);
    expect(none?.low).toBe(0);
    expect(none?.high).toBeCloseTo(0.003827, 6);
    expect(wilsonInterval(0.3, 0)).toBeNull();
  });

  it('paired difference: the mean of the differences with a t-like normal interval', () => {
    // differences 1, 0, 0, 1: mean 0.5, sample sd sqrt(1/3) = 0.57735, half = 1.96 x 0.57735 / 2 = 0.56580
    const d = pairedDifference([1, 1, 0, 1], [0, 1, 0, 0]);
    expect(d.difference).toBe(0.5);
    expect(d.interval?.low).toBeCloseTo(0.5 - 0.5658, 4);
    expect(d.interval?.high).toBeCloseTo(0.5 + 0.5658, 4);
    expect(d.n).toBe(4);
    // the same outcome on every path: no difference, and no doubt about it
    expect(pairedDifference([1, 0, 1], [1, 0, 1]).interval).toEqual({ low: 0, high: 0 });
    expect(pairedDifference([1], [0]).interval).toBeNull();
  });

  it('quantiles interpolate between order statistics (type 7)', () => {
    const sorted = Float64Array.from([10, 20, 30, 40, 50]);
    expect(quantileOfSorted(sorted, 0.5)).toBe(30);
    expect(quantileOfSorted(sorted, 0.05)).toBeCloseTo(12, 12); // position 0.2 between 10 and 20
    expect(quantileOfSorted(sorted, 0.95)).toBeCloseTo(48, 12);
    expect(quantiles([3, Number.NaN, 1, 2])).toEqual({ p5: 1.1, p25: 1.5, p50: 2, p75: 2.5, p95: 2.9 });
    expect(quantiles([]).p50).toBeNull();
  });
});

describe('the Wilson interval against published values', () => {
  it('7 of 50 at 95 %: 0.069508 to 0.261862', () => {
    // the published pair quoted in issue #33, to its six places
    const interval = wilsonInterval(7 / 50, 50);
    expect(interval?.low).toBeCloseTo(0.069508, 6);
    expect(interval?.high).toBeCloseTo(0.261862, 6);
  });

  it('is symmetric: n - x of n mirrors x of n', () => {
    for (const [x, n] of [[1, 10], [7, 50], [33, 120]] as const) {
      const lower = wilsonInterval(x / n, n);
      const upper = wilsonInterval((n - x) / n, n);
      expect(lower?.low).toBeCloseTo(1 - (upper?.high ?? NaN), 12);
      expect(lower?.high).toBeCloseTo(1 - (upper?.low ?? NaN), 12);
    }
  });

  it('clamps at 0 and 1 exactly, and all successes reach n / (n + z^2) from below', () => {
    const all = wilsonInterval(1, 1000);
    expect(all?.high).toBe(1);
    expect(all?.low).toBeCloseTo(1000 / (1000 + 1.959963984540054 ** 2), 12);
    expect(wilsonInterval(0.5, -1)).toBeNull();
  });
});

describe('the percentile of a value among values', () => {
  it('is the share below plus half the share equal (mid-rank), NaN left out', () => {
    expect(percentileOf(3, [1, 2, 3, 4])).toBe((2 + 0.5) / 4);
    expect(percentileOf(10, [1, 2, 3])).toBe(1);
    expect(percentileOf(0, [1, 2, 3])).toBe(0);
    expect(percentileOf(2, [2, 2, NaN, 2])).toBe(0.5);
    expect(percentileOf(2, [])).toBeNull();
    expect(percentileOf(null, [1])).toBeNull();
    expect(percentileOf(NaN, [1])).toBeNull();
    expect(percentileOf(1, [NaN])).toBeNull();
  });
});
