/**
 * The engine's {@link BarHistory}: one reusable object per symbol whose visible length the
 * engine moves forward bar by bar. Reading past it is a look-ahead bug and throws.
 */
import type { BarSeries } from '../data/series.js';
import type { BarHistory } from './types.js';

export class LookAheadError extends Error {
  override readonly name = 'LookAheadError';
}

export class SeriesHistory implements BarHistory {
  length = 0;

  constructor(private readonly series: BarSeries) {}

  private check(index: number): number {
    if (index >= this.length || index < 0) {
      throw new LookAheadError(`${this.series.symbol}: bar ${index} read while only ${this.length} bars are known`);
    }
    return index;
  }

  time(index: number): number {
    return this.series.time[this.check(index)] as number;
  }
  open(index: number): number {
    return this.series.open[this.check(index)] as number;
  }
  high(index: number): number {
    return this.series.high[this.check(index)] as number;
  }
  low(index: number): number {
    return this.series.low[this.check(index)] as number;
  }
  close(index: number): number {
    return this.series.close[this.check(index)] as number;
  }
  volume(index: number): number {
    return this.series.volume[this.check(index)] as number;
  }
}
