import { describe, expect, it } from 'vitest';
import { sampleStdev, sharpeRatio } from '../../src/analysis/metrics.js';
import { RunningMoments } from '../../src/analysis/runningMoments.js';

describe('RunningMoments', () => {
  it('agrees with the two-pass mean, sample deviation and Sharpe ratio', () => {
    const values = [0.01, -0.02, 0.035, 0.0, 0.012, -0.007];
    const moments = new RunningMoments();
    for (const v of values) moments.add(v);
    expect(moments.count).toBe(6);
    expect(moments.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / 6, 15);
    expect(moments.stdev()).toBeCloseTo(sampleStdev(values), 15);
    expect(moments.sharpe(252)).toBeCloseTo(sharpeRatio(values, 252) as number, 12);
  });

  it('has no deviation below two values and no Sharpe without spread', () => {
    const moments = new RunningMoments();
    expect(moments.stdev()).toBeNaN();
    moments.add(0.01);
    expect(moments.stdev()).toBeNaN();
    expect(moments.sharpe(252)).toBeNull();
    moments.add(0.01);
    expect(moments.stdev()).toBe(0);
    expect(moments.sharpe(252)).toBeNull();
    // by hand: 1 and 3 have mean 2 and sample deviation sqrt(2)
    const pair = new RunningMoments();
    pair.add(1);
    pair.add(3);
    expect(pair.stdev()).toBeCloseTo(Math.SQRT2, 15);
    expect(pair.sharpe(4)).toBeCloseTo((2 / Math.SQRT2) * 2, 15);
  });
});
