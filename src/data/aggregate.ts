/**
 * Aggregates timed prices into OHLCV bars of a fixed interval. A bar is stamped with the end of
 * its interval, the moment its close is known. Intervals without prints produce no bar: data is
 * never filled in.
 */
import { BarBuilder, type BarSeries } from './series.js';

/**
 * `print`: an instantaneous trade at t belongs to [k·i, (k+1)·i).
 * `close`: a close stamped t (known at t) belongs to the bar ending at ceil(t / i)·i.
 */
export type Stamping = 'print' | 'close';

export class BarAggregator {
  private readonly builder = new BarBuilder();
  private barEnd = NaN;
  private open = 0;
  private high = 0;
  private low = 0;
  private close = 0;
  private volume = 0;

  constructor(
    readonly symbol: string,
    readonly intervalMs: number,
    readonly stamping: Stamping = 'close',
  ) {}

  addPrint(time: number, price: number, size: number): void {
    const end = this.stamping === 'print' ? Math.floor(time / this.intervalMs) * this.intervalMs + this.intervalMs : Math.ceil(time / this.intervalMs) * this.intervalMs;
    if (end !== this.barEnd) {
      this.flush();
      this.barEnd = end;
      this.open = this.high = this.low = this.close = price;
      this.volume = size;
      return;
    }
    if (price > this.high) this.high = price;
    if (price < this.low) this.low = price;
    this.close = price;
    this.volume += size;
  }

  private flush(): void {
    if (!Number.isNaN(this.barEnd)) this.builder.push(this.barEnd, this.open, this.high, this.low, this.close, this.volume);
  }

  finish(): BarSeries {
    this.flush();
    this.barEnd = NaN;
    return this.builder.build(this.symbol);
  }
}
