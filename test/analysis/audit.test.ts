/**
 * The overfitting audit's statistics against published values and constructed answers: the
 * normal quantile (Wichura's AS 241) and CDF, E[max] of N normals, the PSR, DSR and minimum track
 * record examples of Bailey & Lopez de Prado, and PBO by CSCV on matrices whose answer is known.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { deflatedSharpe, expectedMaxNormal, minimumTrackRecord, probabilisticSharpe, returnMoments } from '../../src/analysis/deflatedSharpe.js';
import { normalCdf, normalQuantile } from '../../src/analysis/normal.js';
import { averageRank, combinations, leastSquares, probabilityOfOverfitting } from '../../src/analysis/pbo.js';

describe('the standard normal', () => {
  it('has the published quantiles (AS 241) and CDF values to double precision', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263478740408408, 14);
    expect(normalQuantile(0.1)).toBeCloseTo(-1.2815515655446004, 14);
    // the far tail, past AS 241's second break (r > 5)
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 13);
    // and far beyond, checked against the asymptotic series of the tail:
    // ln p = -x^2/2 - ln sqrt(2 pi) - ln|x| + ln(1 - 1/x^2 + 3/x^4 - 15/x^6 + 105/x^8), whose
    // first omitted term, 945/x^10, bounds its relative error in p
    for (const p of [1e-12, 1e-50, 1e-300]) {
      const x = normalQuantile(p);
      const lnP = -(x * x) / 2 - 0.9189385332046727 - Math.log(-x) + Math.log(1 - 1 / x ** 2 + 3 / x ** 4 - 15 / x ** 6 + 105 / x ** 8);
      expect(Math.abs(lnP / Math.log(p) - 1), String(p)).toBeLessThanOrEqual(945 / x ** 10 / -Math.log(p) + 1e-14);
    }
    expect(normalQuantile(1 - 1e-10)).toBeCloseTo(6.361340889697422, 6);
    expect([normalQuantile(0), normalQuantile(1), normalQuantile(-0.1), normalQuantile(1.1), normalQuantile(NaN)]).toEqual([-Infinity, Infinity, NaN, NaN, NaN]);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 15);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 15);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301035, 15);
    // far out the series would overflow: the tails are 0 and 1
    expect([normalCdf(-9.5), normalCdf(9.5), normalCdf(-40), normalCdf(40), normalCdf(NaN)]).toEqual([0, 1, 0, 1, NaN]);
    for (const p of [1e-6, 0.001, 0.05, 0.2, 0.4, 0.6, 0.8, 0.95, 0.999]) expect(normalCdf(normalQuantile(p)), String(p)).toBeCloseTo(p, 14);
  });

  it('gives E[max] of 100 standard normals as the 2014 paper does', () => {
    expect(expectedMaxNormal(100)).toBeCloseTo(2.5306028932016846, 12);
    // more trials, a larger expected maximum
    expect(expectedMaxNormal(1000)).toBeGreaterThan(expectedMaxNormal(100));
  });
});

describe('the probabilistic and deflated Sharpe ratios', () => {
  it('reproduce the published examples to 1e-9', () => {
    // DSR: 100 trials, 1,250 days, annualised Sharpe 2.5 on 250 days, variance of the trials'
    // annualised Sharpe 0.5, skewness -3, kurtosis 10
    const daily = 2.5 / Math.sqrt(250);
    const luck = Math.sqrt(0.5 / 250) * expectedMaxNormal(100);
    expect(probabilisticSharpe(daily, luck, 1250, -3, 10)).toBeCloseTo(0.9003968344493903, 9);
    // PSR: monthly Sharpe 1.585 / sqrt(12) over 24 months, skewness -2.448, kurtosis 10.164
    expect(probabilisticSharpe(1.585 / Math.sqrt(12), 0, 24, -2.448, 10.164)).toBeCloseTo(0.9132343068848602, 9);
    // minimum track record: daily Sharpe 2/sqrt(250) against 1/sqrt(250) at 95 %, normal returns
    expect(minimumTrackRecord(2 / Math.sqrt(250), 1 / Math.sqrt(250), 0, 3, 0.95) / 250).toBeCloseTo(2.731187801728176, 9);
  });

  it('take the moments of the returns: sample deviation in the Sharpe ratio, population skewness and kurtosis', () => {
    const flat = returnMoments([1, 2, 3, 4]);
    // mean 2.5, sample sd sqrt(5/3); deviations +-0.5, +-1.5: m2 1.25, m4 2.5625
    expect(flat.count).toBe(4);
    expect(flat.sharpe).toBeCloseTo(2.5 / Math.sqrt(5 / 3), 14);
    expect(flat.skewness).toBeCloseTo(0, 14);
    expect(flat.kurtosis).toBeCloseTo(2.5625 / 1.5625, 14);
    const skewed = returnMoments([0, 0, 0, 1]);
    // mean 0.25: m2 0.1875, m3 0.09375, m4 0.08203125
    expect(skewed.sharpe).toBeCloseTo(0.25 / Math.sqrt(0.25), 14);
    expect(skewed.skewness).toBeCloseTo(0.09375 / 0.1875 ** 1.5, 14);
    expect(skewed.kurtosis).toBeCloseTo(0.08203125 / 0.1875 ** 2, 14);
  });

  it("deflate the winner against the luck of the trials' spread", () => {
    const winner = { count: 500, sharpe: 0.1, skewness: -0.5, kurtosis: 5 };
    const trials = [0.1, 0.05, 0.02, -0.01, 0.04];
    // sample variance of the trials
    const mean = 0.04;
    const variance = [0.06, 0.01, -0.02, -0.05, 0].reduce((a, d) => a + d * d, 0) / 4;
    const d = deflatedSharpe(winner, trials);
    expect([d.trials, d.trialsVariance]).toEqual([5, expect.closeTo(variance, 15)]);
    expect(trials.reduce((a, b) => a + b, 0) / 5).toBeCloseTo(mean, 15);
    expect(d.expectedMaxSharpe).toBeCloseTo(Math.sqrt(variance) * expectedMaxNormal(5), 14);
    expect(d.deflated).toBeCloseTo(probabilisticSharpe(0.1, d.expectedMaxSharpe, 500, -0.5, 5), 14);
    expect(d.psr0).toBeCloseTo(probabilisticSharpe(0.1, 0, 500, -0.5, 5), 14);
    expect(d.deflated).toBeLessThan(d.psr0);
    expect(d.minTrackRecord).toBeCloseTo(minimumTrackRecord(0.1, 0, -0.5, 5, 0.95), 10);
    expect(deflatedSharpe({ ...winner, sharpe: -0.1 }, trials).minTrackRecord).toBeNull();
    expect(deflatedSharpe({ ...winner, sharpe: 0 }, trials).minTrackRecord).toBeNull();
  });
});

/** A T x N matrix of standard normal noise (seeded), each column demeaned to a full-sample mean of 0. */
function noise(rows: number, columns: number, seed: string): Float64Array {
  const random = seedrandom(seed);
  const values = new Float64Array(rows * columns);
  for (let i = 0; i < values.length; i++) values[i] = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  for (let c = 0; c < columns; c++) {
    let sum = 0;
    for (let t = 0; t < rows; t++) sum += values[t * columns + c] as number;
    for (let t = 0; t < rows; t++) values[t * columns + c] = (values[t * columns + c] as number) - sum / rows;
  }
  return values;
}

describe('PBO by combinatorially symmetric cross-validation', () => {
  it('scores a split by the Sharpe ratio of its rows (sample deviation), a flat column by the sign of its mean', () => {
    // 3 columns over 4 blocks of 2 rows; split 0 is blocks {0, 1} in sample (rows 0-3), {2, 3} out
    const rows = [
      [1, 2, 0],
      [3, 2, 0],
      [2, 2, 0],
      [6, 2, 0],
      [1, -1, 0],
      [1, -1, 0],
      [-1, -1, 0],
      [5, -1, 0],
    ];
    const result = probabilityOfOverfitting({ values: Float64Array.from(rows.flat()), rows: 8, columns: 3, blocks: 4, metric: 'sharpe' });
    // in sample, column 1 is flat at 2 (no deviation, a positive mean): Infinity, the best; out of
    // sample it is flat at -1: -Infinity, the lowest rank of 3
    expect(result.inSample[0]).toBe(Infinity);
    expect(result.outOfSample[0]).toBe(-Infinity);
    expect(result.chosen[1]).toBeGreaterThan(0);
    // split 5 is blocks {2, 3} in sample: column 0 rows 1, 1, -1, 5, mean 1.5, deviations -0.5,
    // -0.5, -2.5, 3.5: sample variance 19/3; column 1 -Infinity, column 2 (all 0) 0: column 0 wins
    expect(result.inSample[5]).toBeCloseTo(1.5 / Math.sqrt(19 / 3), 14);
    // out of sample (rows 0-3 of column 0): mean 3, sample variance 14/3
    expect(result.outOfSample[5]).toBeCloseTo(3 / Math.sqrt(14 / 3), 14);
    // the chosen column's out-of-sample Sharpe ratio is below 0 in the splits column 1 wins
    expect(result.lossProbability).toBe(Array.from(result.outOfSample).filter((x) => x < 0).length / 6);
  });

  it('lists the splits and ranks with average ranks for ties', () => {
    expect(combinations(4, 2)).toEqual([[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]]);
    expect(combinations(16, 8)).toHaveLength(12_870);
    expect(averageRank(Float64Array.from([3, 1, 3, 2]), 3)).toBe(3.5);
    expect(averageRank(Float64Array.from([3, 1, 3, 2]), 1)).toBe(1);
    const line = leastSquares(Float64Array.from([1, 2, 3]), Float64Array.from([5, 3, 1]));
    expect([line.slope, line.intercept, line.r2]).toEqual([-2, 7, 1]);
  });

  it('is at least 0.9 when every variant is noise with a full-sample mean of 0', () => {
    // the in-sample best has a positive in-sample mean, so its out-of-sample mean is negative
    const result = probabilityOfOverfitting({ values: noise(400, 20, 'pbo-noise'), rows: 400, columns: 20, blocks: 8, metric: 'sharpe' });
    expect(result.splits).toBe(70);
    expect(result.pbo).toBeGreaterThanOrEqual(0.9);
    expect(result.degradation.slope).toBeLessThan(0);
    expect(result.lossProbability).toBe(1);
  });

  it('is 0 when one variant has a clear edge, and that variant is chosen in every split', () => {
    const rows = 400;
    const columns = 20;
    const values = noise(rows, columns, 'pbo-edge');
    // column 7 earns one standard deviation every period on top of its noise
    for (let t = 0; t < rows; t++) values[t * columns + 7] = (values[t * columns + 7] as number) + 1;
    const result = probabilityOfOverfitting({ values, rows, columns, blocks: 8, metric: 'sharpe' });
    expect(result.pbo).toBe(0);
    expect(result.chosen[7]).toBe(70);
    expect(result.lossProbability).toBe(0);
    // its logit: the top rank of 20, ln((20/21) / (1/21))
    expect(result.logits.every((l) => Math.abs(l - Math.log(20)) < 1e-12)).toBe(true);
  });

  it('drops the first rows that do not fill the blocks, and scores shares of months with the mean: every split by hand', () => {
    // 10 months, 4 blocks of 2: the first 2 rows dropped. Blocks' shares met (column 0, column 1):
    // (0, 1), (0.5, 1), (1, 0), (0.5, 0)
    const months = [[1, 0], [1, 0], [0, 1], [0, 1], [1, 1], [0, 1], [1, 0], [1, 0], [1, 0], [0, 0]];
    const result = probabilityOfOverfitting({ values: Float64Array.from(months.flat()), rows: 10, columns: 2, blocks: 4, metric: 'mean' });
    expect([result.rowsDropped, result.rowsUsed, result.splits]).toEqual([2, 8, 6]);
    // in-sample {0,1}: 0.25 vs 1 -> 1, out of sample 0.75 vs 0 (ranks last); {0,2}: 0.5 vs 0.5 ->
    // 0 (ties to the lowest), out of sample 0.5 vs 0.5 (the median); {0,3}: 0.25 vs 0.5 -> 1, out
    // 0.75 vs 0.5; {1,2}: 0.75 vs 0.5 -> 0, out 0.25 vs 0.5; {1,3}: a tie -> 0, out a tie;
    // {2,3}: 0.75 vs 0 -> 0, out 0.25 vs 1. At or below the median in every split.
    expect(Array.from(result.chosen)).toEqual([4, 2]);
    expect(Array.from(result.inSample)).toEqual([1, 0.5, 0.5, 0.75, 0.5, 0.75]);
    expect(Array.from(result.outOfSample)).toEqual([0, 0.5, 0.5, 0.25, 0.5, 0.25]);
    const half = Math.log(0.5); // rank 1 of 2: omega 1/3
    [half, 0, half, half, 0, half].forEach((logit, k) => expect(result.logits[k], `split ${k}`).toBeCloseTo(logit, 14));
    expect([result.pbo, result.lossProbability]).toEqual([1, 0]);
    expect(() => probabilityOfOverfitting({ values: new Float64Array(20), rows: 10, columns: 2, blocks: 5, metric: 'mean' })).toThrow('blocks must be even and at least 4, not 5');
    expect(() => probabilityOfOverfitting({ values: new Float64Array(20), rows: 10, columns: 2, blocks: 2, metric: 'mean' })).toThrow('blocks must be even and at least 4, not 2');
    expect(() => probabilityOfOverfitting({ values: new Float64Array(10), rows: 10, columns: 1, blocks: 4, metric: 'mean' })).toThrow('the audit needs 2 variants and 8 periods at least (has 1 and 10)');
    expect(() => probabilityOfOverfitting({ values: new Float64Array(14), rows: 7, columns: 2, blocks: 4, metric: 'mean' })).toThrow('the audit needs 2 variants and 8 periods at least (has 2 and 7)');
  });
});
