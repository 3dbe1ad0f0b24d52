/**
 * sma-cross decides crosses exactly on the price grid: a tie in decimals is a tie, whatever
 * the float sums say, and the O(1) window sums agree with plain window sums.
 */
import { describe, expect, it } from 'vitest';
import { allocateBarSeries, type BarSeries } from '../../src/data/series.js';
import { createSmaCross, SeriesHistory, simpleAverage, type StrategyContext } from '../../src/strategy/index.js';
import { generateMinuteBars } from '../../src/bench/generate.js';

function closes(values: readonly number[]): BarSeries {
  const series = allocateBarSeries('T', values.length);
  values.forEach((close, i) => {
    series.time[i] = Date.UTC(2020, 0, 1 + i);
    series.open[i] = series.high[i] = series.low[i] = series.close[i] = close;
  });
  return series;
}

/** The signals of each bar, fed one by one as the engine does, flat throughout. */
function signals(series: BarSeries, fast: number, slow: number): string[] {
  const bars = new SeriesHistory(series);
  const strategy = createSmaCross({ fast, slow });
  const out: string[] = [];
  for (let i = 0; i < series.length; i++) {
    bars.length = i + 1;
    const ctx: StrategyContext = { symbol: 'T', symbolIndex: 0, bars, position: 0, time: series.time[i] as number };
    out.push(strategy.onBar(ctx).map((s) => s.side).join(','));
  }
  return out;
}

describe('sma-cross on the price grid', () => {
  it('takes a decimal tie for a tie where float sums see the fast average above', () => {
    // bar 3: fast (0.01 + 0.05) / 2 = 0.03 and slow (0.03 + 0.01 + 0.05) / 3 = 0.03 exactly, in
    // floats 0.030000000000000002 > 0.03; bar 2: fast (0.03 + 0.01) / 2 = 0.02 < slow 0.08 / 3.
    const series = closes([0.04, 0.03, 0.01, 0.05]);
    const floats = new SeriesHistory(series);
    floats.length = 4;
    expect(simpleAverage(floats, 3, 2) > simpleAverage(floats, 3, 3), 'the naive float sums get the sign wrong').toBe(true);
    // below, then a tie, is not a cross above: no buy (bars 0-2 have no previous slow average)
    expect(signals(series, 2, 3)).toEqual(['', '', '', '']);
    // one more bar with the fast average truly above: tie -> above is a cross (<= then >)
    expect(signals(closes([0.04, 0.03, 0.01, 0.05, 0.09]), 2, 3)).toEqual(['', '', '', '', 'buy']);
  });

  it('agrees with plain window sums on a random walk with no exact ties', () => {
    const series = generateMinuteBars('T', 5_000, 'sma-grid');
    const bars = new SeriesHistory(series);
    bars.length = series.length;
    const plain: string[] = [];
    for (let last = 0; last < series.length; last++) {
      if (last < 30) {
        plain.push('');
        continue;
      }
      const before = simpleAverage(bars, last - 1, 10) - simpleAverage(bars, last - 1, 30);
      const now = simpleAverage(bars, last, 10) - simpleAverage(bars, last, 30);
      plain.push(before <= 0 && now > 0 ? 'buy' : '');
    }
    const got = signals(series, 10, 30);
    expect(got.filter((s) => s === 'buy').length, 'the walk must cross for this to mean anything').toBeGreaterThan(50);
    expect(got).toEqual(plain);
  });
});
