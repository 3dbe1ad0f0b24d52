/** Seeded synthetic minute bars for benchmarks: a geometric random walk with OHLC spread. */
import seedrandom from 'seedrandom';
import { allocateBarSeries, type BarSeries } from '../data/series.js';
import { formatTimestamp } from '../data/timestamp.js';

export const BENCH_START = Date.UTC(2020, 0, 1);

export function generateMinuteBars(symbol: string, count: number, seed: string): BarSeries {
  const random = seedrandom(seed);
  const series = allocateBarSeries(symbol, count);
  let price = 100;
  for (let i = 0; i < count; i++) {
    const open = price;
    const close = open * (1 + (random() - 0.5) * 0.002);
    const spread = Math.abs(close - open) + open * random() * 0.0005;
    series.time[i] = BENCH_START + (i + 1) * 60_000;
    series.open[i] = open;
    series.close[i] = close;
    series.high[i] = Math.max(open, close) + spread * random();
    series.low[i] = Math.min(open, close) - spread * random();
    series.volume[i] = Math.floor(random() * 1000);
    price = close;
  }
  return series;
}

/** The same bars as generic CSV text lines, for load benchmarks. */
export function* csvLines(series: BarSeries): Generator<string> {
  yield 'timestamp,open,high,low,close,volume\n';
  for (let i = 0; i < series.length; i++) {
    yield `${formatTimestamp(series.time[i] as number)},${(series.open[i] as number).toFixed(4)},${(series.high[i] as number).toFixed(4)},${(series.low[i] as number).toFixed(4)},${(series.close[i] as number).toFixed(4)},${series.volume[i]}\n`;
  }
}
