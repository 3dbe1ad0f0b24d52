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

const FIRST_CHUNK_ROWS = 1 << 16;
const LARGEST_CHUNK_ROWS = 1 << 23;

/**
 * Bar columns collected while parsing in chunks, copied once into shared memory at the end: a
 * load peaks near twice the final columns (48 bytes a bar each) however many rows the file has.
 * Chunks double from 64k rows up to 8M: little slack for small files, and the large chunks of a
 * big file (32 MB a column and more) are mapped memory that goes back to the system when freed,
 * where glibc would keep a heap of small ones.
 */
export class BarBuilder {
  length = 0;
  private readonly chunks: Float64Array[][] = [];
  private current: Float64Array[] = [];
  private filled = 0;
  private capacity = 0;

  push(time: number, open: number, high: number, low: number, close: number, volume: number): void {
    if (this.filled === this.capacity) {
      this.capacity = Math.min(LARGEST_CHUNK_ROWS, this.capacity === 0 ? FIRST_CHUNK_ROWS : this.capacity * 2);
      this.current = BAR_COLUMNS.map(() => new Float64Array(this.capacity));
      this.chunks.push(this.current);
      this.filled = 0;
    }
    const row = this.filled++;
    const [t, o, h, l, c, v] = this.current as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    t[row] = time;
    o[row] = open;
    h[row] = high;
    l[row] = low;
    c[row] = close;
    v[row] = volume;
    this.length++;
  }

  /** Copies the rows into one SharedArrayBuffer. */
  build(symbol: string): BarSeries {
    const series = allocateBarSeries(symbol, this.length);
    this.copyInto(series, 0);
    return series;
  }

  /** Copies the rows into `target` from row `offset` on, dropping the chunks as it goes. */
  copyInto(target: BarSeries, offset: number): void {
    let row = offset;
    while (this.chunks.length > 0) {
      const chunk = this.chunks.shift() as Float64Array[];
      const rows = Math.min((chunk[0] as Float64Array).length, this.length - (row - offset));
      BAR_COLUMNS.forEach((column, k) => target[column].set((chunk[k] as Float64Array).subarray(0, rows), row));
      row += rows;
    }
  }
}
