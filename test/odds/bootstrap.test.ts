import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { allocateBarSeries, type BarSeries } from '../../src/data/series.js';
import { resamplePath, returnHistory, stationaryIndices } from '../../src/odds/bootstrap.js';

const DAY = 86_400_000;
const START = Date.UTC(2020, 0, 1);

/** Standard normal draws (Box-Muller) from a seeded generator. */
function normals(seed: string, n: number): Float64Array {
  const random = seedrandom(seed);
  return Float64Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()));
}

/** Daily OHLC bars from log returns: open = previous close, high and low 0.5 % beyond. */
function barsFrom(symbol: string, returns: ArrayLike<number>, start = 100, places = 6): BarSeries {
  const bars = allocateBarSeries(symbol, returns.length + 1);
  const round = (x: number): number => Math.round(x * 10 ** places) / 10 ** places;
  let close = start;
  for (let i = 0; i <= returns.length; i++) {
    const open = close;
    if (i > 0) close = close * Math.exp(returns[i - 1] as number);
    bars.time[i] = START + i * DAY;
    bars.open[i] = round(open);
    bars.close[i] = round(close);
    bars.high[i] = round(Math.max(open, close) * 1.005);
    bars.low[i] = round(Math.min(open, close) * 0.995);
    bars.volume[i] = 1000 + i;
  }
  return bars;
}

const mean = (xs: ArrayLike<number>): number => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: ArrayLike<number>): number => {
  const m = mean(xs);
  return Array.from(xs).reduce((a, b) => a + (b - m) ** 2, 0) / xs.length;
};
const logReturns = (bars: BarSeries): number[] => Array.from({ length: bars.length - 1 }, (_, i) => Math.log((bars.close[i + 1] as number) / (bars.close[i] as number)));

describe('stationary bootstrap indices', () => {
  it('start every path at instant 0, stay within 1..K-1, and restart blocks at rate 1/b', () => {
    const K = 2000;
    const b = 8;
    const out = stationaryIndices(K, b, seedrandom('blocks'));
    expect(out[0]).toBe(0);
    let restarts = 0;
    for (let k = 1; k < K; k++) {
      expect(out[k]).toBeGreaterThanOrEqual(1);
      expect(out[k]).toBeLessThanOrEqual(K - 1);
      const continued = (out[k - 1] as number) === K - 1 ? 1 : (out[k - 1] as number) + 1;
      if (k > 1 && out[k] !== continued) restarts++;
    }
    // restarts ~ Binomial(K - 2, 1/b) (less the rare restart that lands on the next instant):
    // mean 249.75, sd sqrt(249.75 * 7/8) = 14.8; 4 sd either side
    expect(restarts).toBeGreaterThan(249.75 - 4 * 14.8);
    expect(restarts).toBeLessThan(249.75 + 4 * 14.8);
  });

  it('with a mean block of 1 draws every instant afresh', () => {
    const out = stationaryIndices(5000, 1, seedrandom('iid'));
    let runs = 0;
    for (let k = 2; k < 5000; k++) if (out[k] === (out[k - 1] as number) + 1) runs++;
    // a fresh uniform draw equals the next instant with probability 1/4999: about 1 in 5000 steps
    expect(runs).toBeLessThan(8);
  });
});

describe('resampled paths', () => {
  const history = barsFrom('A', Array.from(normals('history', 1500), (z) => 0.0004 + 0.012 * z));
  const returns = returnHistory([history]);
  const historic = logReturns(history);
  const [m, v] = [mean(historic), variance(historic)];
  const fourth = historic.reduce((a, r) => a + (r - m) ** 4, 0) / historic.length;

  it("keep the history's mean and standard deviation of returns", () => {
    const paths = 200;
    const pooled: number[] = [];
    for (let p = 1; p <= paths; p++) {
      const [path] = resamplePath(returns, [history], stationaryIndices(returns.instants.length, 5, seedrandom(`moments:${p}`)), [6]);
      pooled.push(...logReturns(path as BarSeries));
    }
    // Each draw is a return of the history, so the pooled returns have the history's mean m and
    // variance v. The standard error of their mean is sqrt(v / N) with N = paths x 1500 draws,
    // inflated by blocks of mean 5 (dependence within a block): sqrt(5 v / N) is generous. The
    // variance's standard error is sqrt((mu4 - v^2) / N), also x sqrt(5). Four standard errors.
    const n = pooled.length;
    expect(Math.abs(mean(pooled) - m)).toBeLessThan(4 * Math.sqrt((5 * v) / n));
    expect(Math.abs(variance(pooled) - v)).toBeLessThan(4 * Math.sqrt((5 * (fourth - v * v)) / n) + 1e-9);
  });

  it('keep each bar consistent, on the price grid and at least one increment', () => {
    const broken: string[] = [];
    for (let p = 1; p <= 20; p++) {
      const [path] = resamplePath(returns, [history], stationaryIndices(returns.instants.length, 3, seedrandom(`bars:${p}`)), [2]);
      const bars = path as BarSeries;
      expect(Array.from(bars.time)).toEqual(Array.from(history.time));
      for (let i = 0; i < bars.length; i++) {
        const [o, h, l, c] = [bars.open[i] as number, bars.high[i] as number, bars.low[i] as number, bars.close[i] as number];
        if (!(h >= Math.max(o, c) && l <= Math.min(o, c))) broken.push(`path ${p} bar ${i}: o ${o} h ${h} l ${l} c ${c}`);
        for (const price of [o, h, l, c]) if (!(price >= 0.01) || (String(price).split('.')[1] ?? '').length > 2) broken.push(`path ${p} bar ${i}: ${price} off the 0.01 grid`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("take the drawn bar's shape and volume: a gapless history stays gapless", () => {
    const source = stationaryIndices(returns.instants.length, 4, seedrandom('shape'));
    const [path] = resamplePath(returns, [history], source, [6]);
    const bars = path as BarSeries;
    for (let i = 1; i < bars.length; i++) {
      expect(bars.volume[i]).toBe(history.volume[source[i] as number]);
      // the history's open is the previous close, so the drawn ratio open/close is exp(-r) and the path's open is its previous close
      expect(Math.abs((bars.open[i] as number) - (bars.close[i - 1] as number))).toBeLessThanOrEqual(2e-6 * (bars.close[i - 1] as number) + 1e-6);
    }
  });

  it('draw the same instants for every symbol, so their correlation survives', () => {
    const z1 = normals('one', 1200);
    const z2 = normals('two', 1200);
    // corr = 0.8 by construction: r2 = 0.8 z1 + 0.6 z2
    const a = barsFrom('A', Array.from(z1, (z) => 0.01 * z));
    const b = barsFrom('B', Array.from(z1, (z, i) => 0.01 * (0.8 * z + 0.6 * (z2[i] as number))));
    const history2 = returnHistory([a, b]);
    const correlation = (x: number[], y: number[]): number => {
      const [mx, my] = [mean(x), mean(y)];
      const cov = x.reduce((s, xi, i) => s + (xi - mx) * ((y[i] as number) - my), 0) / x.length;
      return cov / Math.sqrt(variance(x) * variance(y));
    };
    const historic2 = correlation(logReturns(a), logReturns(b));
    const [pa, pb] = resamplePath(history2, [a, b], stationaryIndices(history2.instants.length, 2, seedrandom('corr')), [6, 6]);
    // the path's returns are the history's pairs, reordered: the same correlation up to sampling
    // noise of a correlation over 1200 pairs (sd (1 - rho^2) / sqrt(n) = 0.010); 5 sd
    expect(Math.abs(correlation(logReturns(pa as BarSeries), logReturns(pb as BarSeries)) - historic2)).toBeLessThan(0.05);
  });

  it('carry a symbol that misses an instant across it: its next bar takes the move', () => {
    const a = barsFrom('A', [0.01, 0.02, -0.01, 0.03]);
    // B trades on days 0, 2 and 4 only
    const b = allocateBarSeries('B', 3);
    [0, 2, 4].forEach((day, i) => {
      b.time[i] = START + day * DAY;
      b.open[i] = b.high[i] = b.low[i] = b.close[i] = [50, 55, 60][i] as number;
      b.volume[i] = 1;
    });
    const history2 = returnHistory([a, b]);
    expect(Array.from(history2.barAt[1] as Int32Array)).toEqual([0, -1, 1, -1, 2]);
    expect(history2.logReturns[1]?.[2]).toBeCloseTo(Math.log(55 / 50), 12);
    expect(history2.logReturns[1]?.[1]).toBe(0);
    // the identity draw gives back the history
    const [, pathB] = resamplePath(history2, [a, b], Int32Array.from([0, 1, 2, 3, 4]), [6, 2]);
    expect(Array.from((pathB as BarSeries).close)).toEqual([50, 55, 60]);
  });
});
