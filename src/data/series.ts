/**
 * Columnar bars in one SharedArrayBuffer, so that a parallel run can hand the same memory to
 * every worker thread without copying. Six float64 columns laid out back to back.
 */

export const BAR_COLUMNS = ['time', 'open', 'high', 'low', 'close', 'volume'] as const;
export type BarColumn = (typeof BAR_COLUMNS)[number];

export interface BarSeries {
  readonly symbol: string;
  readonly length: number;
  /** Epoch ms at which the bar's close is known. */
  readonly time: Float64Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  /** The one buffer behind all columns; what crosses to a worker. */
  readonly buffer: SharedArrayBuffer;
}

/** What a worker receives: the buffer travels by reference, the rest is tiny. */
export interface SharedBarSeries {
  readonly symbol: string;
  readonly length: number;
  readonly buffer: SharedArrayBuffer;
}

export function viewBarSeries(shared: SharedBarSeries): BarSeries {
  const { symbol, length, buffer } = shared;
  if (buffer.byteLength < length * 8 * BAR_COLUMNS.length) {
    throw new Error(`bar buffer of ${buffer.byteLength} bytes cannot hold ${length} bars`);
  }
  const column = (index: number): Float64Array => new Float64Array(buffer, index * length * 8, length);
  return {
    symbol,
    length,
    buffer,
    time: column(0),
    open: column(1),
    high: column(2),
    low: column(3),
    close: column(4),
    volume: column(5),
  };
}

export function allocateBarSeries(symbol: string, length: number): BarSeries {
  return viewBarSeries({ symbol, length, buffer: new SharedArrayBuffer(Math.max(1, length * 8 * BAR_COLUMNS.length)) });
}

export function shareBarSeries(series: BarSeries): SharedBarSeries {
  return { symbol: series.symbol, length: series.length, buffer: series.buffer };
}

/** Growable bar columns used while parsing, copied once into shared memory at the end. */
export class BarBuilder {
  length = 0;
  private time = new Float64Array(1024);
  private open = new Float64Array(1024);
  private high = new Float64Array(1024);
  private low = new Float64Array(1024);
  private close = new Float64Array(1024);
  private volume = new Float64Array(1024);

  push(time: number, open: number, high: number, low: number, close: number, volume: number): void {
    if (this.length === this.time.length) this.grow();
    const row = this.length++;
    this.time[row] = time;
    this.open[row] = open;
    this.high[row] = high;
    this.low[row] = low;
    this.close[row] = close;
    this.volume[row] = volume;
  }

  private grow(): void {
    const bigger = (column: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> => {
      const grown = new Float64Array(column.length * 2);
      grown.set(column);
      return grown;
    };
    this.time = bigger(this.time);
    this.open = bigger(this.open);
    this.high = bigger(this.high);
    this.low = bigger(this.low);
    this.close = bigger(this.close);
    this.volume = bigger(this.volume);
  }

  /** Copies the rows into one SharedArrayBuffer. */
  build(symbol: string): BarSeries {
    const series = allocateBarSeries(symbol, this.length);
    const n = this.length;
    series.time.set(this.time.subarray(0, n));
    series.open.set(this.open.subarray(0, n));
    series.high.set(this.high.subarray(0, n));
    series.low.set(this.low.subarray(0, n));
    series.close.set(this.close.subarray(0, n));
    series.volume.set(this.volume.subarray(0, n));
    return series;
  }
}
