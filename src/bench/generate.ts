/**
 * Seeded synthetic minute bars for benchmarks: a geometric random walk with OHLC spread, quoted
 * on a 0.0001 tick like a real feed (so the engine bench and the CSV written for the load bench
 * hold the same numbers).
 */
import seedrandom from 'seedrandom';
import { allocateBarSeries, type BarSeries } from '../data/series.js';
import { formatTimestamp } from '../data/timestamp.js';

export const BENCH_START = Date.UTC(2020, 0, 1);

export function generateMinuteBars(symbol: string, count: number, seed: string): BarSeries {
  const random = seedrandom(seed);
  const series = allocateBarSeries(symbol, count);
  const tick = (value: number): number => Math.round(value * 10_000) / 10_000;
  let price = 100;
  for (let i = 0; i < count; i++) {
    const open = price;
    const close = tick(open * (1 + (random() - 0.5) * 0.002));
    const spread = Math.abs(close - open) + open * random() * 0.0005;
    series.time[i] = BENCH_START + (i + 1) * 60_000;
    series.open[i] = open;
    series.close[i] = close;
    series.high[i] = tick(Math.max(open, close) + spread * random());
    series.low[i] = tick(Math.min(open, close) - spread * random());
    series.volume[i] = Math.floor(random() * 1000);
    price = close;
  }
  return series;
}

/** The same bars as generic CSV text lines, for load benchmarks. */
export function* csvLines(series: BarSeries): Generator<string> {
  yield 'timestamp,open,high,low,close,volume\n';
  for (let i = 0; i < series.length; i++) {
    yield `${formatTimestamp(series.time[i] as number)},${series.open[i]},${series.high[i]},${series.low[i]},${series.close[i]},${series.volume[i]}\n`;
  }
}
