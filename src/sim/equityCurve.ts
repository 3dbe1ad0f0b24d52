/**
 * The equity curve a run records, and what the metrics read of it: a leaf module, read by the
 * engine, the metrics and the reports.
 */
import { MS_PER_DAY } from '../data/timestamp.js';

/** Equity sampled at every instant (after marking to market), columnar. */
export interface EquityCurve {
  readonly length: number;
  readonly time: Float64Array;
  readonly equity: Float64Array;
  readonly cash: Float64Array;
  /** Gross position value / equity. */
  readonly exposure: Float64Array;
  /** 1 - equity / running peak. */
  readonly drawdown: Float64Array;
}

/** Rows [from, to) of `curve` are final: a run that streams its curve hands them on here. */
export type CurveSink = (curve: EquityCurve, from: number, to: number) => void;

/**
 * A sink for a run that needs only the curve's summary (a sweep's variant). Besides the rows'
 * memory it saves the page faults of a fresh curve per run: two workers each filling a kept
 * 250,000-row curve (10 MB) per variant ran 1.1-1.6x slower per run than one worker alone, and
 * with this sink within the noise of it (the threads share one address space).
 */
export const SUMMARY_ONLY: CurveSink = () => {};

/** What the metrics need of a curve, gathered row by row so that the curve need not be kept. */
export interface CurveSummary {
  readonly rows: number;
  /** Epoch ms of the first and last rows (NaN without rows). */
  readonly firstTime: number;
  readonly lastTime: number;
  readonly maxDrawdown: number;
  readonly minEquity: number;
  /** Rows with an open position (exposure > 0). */
  readonly exposedRows: number;
  /**
   * Time integrals in equity x ms and exposure x ms: each row's value held until the next row,
   * so that means over them are time-weighted (a Friday's position counts over the weekend).
   */
  readonly equityTime: number;
  readonly exposureTime: number;
  readonly maxExposure: number;
  /** Equity and exposure of the last row (the means of a run of one instant). */
  readonly lastEquity: number;
  readonly lastExposure: number;
  /** Equity at the last row of each UTC day present, in day order. */
  readonly dailyCloses: { readonly day: readonly number[]; readonly equity: readonly number[] };
}

/** The equity at the last row of each UTC day, from rows given in time order. */
export class DailyCloseBook {
  day: number[] = [];
  equity: number[] = [];
  /** The last day's bounds in epoch ms: a row inside them only replaces its close (no division). */
  private dayStart = Infinity;
  private dayEnd = -Infinity;

  observe(time: number, equity: number): void {
    if (time >= this.dayStart && time < this.dayEnd) {
      this.equity[this.equity.length - 1] = equity;
      return;
    }
    const d = Math.floor(time / MS_PER_DAY);
    if (this.day.length > 0 && this.day[this.day.length - 1] === d) this.equity[this.equity.length - 1] = equity;
    else {
      this.day.push(d);
      this.equity.push(equity);
    }
    this.dayStart = d * MS_PER_DAY;
    this.dayEnd = this.dayStart + MS_PER_DAY;
  }

  copy(): DailyCloseBook {
    const copy = new DailyCloseBook();
    copy.day = this.day.slice();
    copy.equity = this.equity.slice();
    copy.dayStart = this.dayStart;
    copy.dayEnd = this.dayEnd;
    return copy;
  }
}

/** Accumulates a {@link CurveSummary} over rows given in time order. */
export class CurveSummariser {
  private rows = 0;
  private firstTime = NaN;
  private lastTime = NaN;
  private maxDrawdown = 0;
  private minEquity = Infinity;
  private exposedRows = 0;
  private equityTime = 0;
  private exposureTime = 0;
  private maxExposure = 0;
  private lastEquity = NaN;
  private lastExposure = 0;
  private closes = new DailyCloseBook();

  add(curve: EquityCurve, from: number, to: number): void {
    if (from >= to) return;
    if (this.rows === 0) {
      this.firstTime = curve.time[from] as number;
      this.lastTime = this.firstTime; // the first row holds for no time before it
    }
    // in locals: the run's end summarises a kept curve of millions of rows in one call
    let { maxDrawdown, minEquity, exposedRows, equityTime, exposureTime, maxExposure, lastTime, lastEquity, lastExposure } = this;
    const { time, equity, drawdown, exposure } = curve;
    const closes = this.closes;
    for (let i = from; i < to; i++) {
      const value = equity[i] as number;
      const share = exposure[i] as number;
      const t = time[i] as number;
      if (t > lastTime) {
        equityTime += lastEquity * (t - lastTime);
        exposureTime += lastExposure * (t - lastTime);
      }
      if ((drawdown[i] as number) > maxDrawdown) maxDrawdown = drawdown[i] as number;
      if (value < minEquity) minEquity = value;
      if (share > 0) exposedRows++;
      if (share > maxExposure) maxExposure = share;
      closes.observe(t, value);
      lastTime = t;
      lastEquity = value;
      lastExposure = share;
    }
    this.maxDrawdown = maxDrawdown;
    this.minEquity = minEquity;
    this.exposedRows = exposedRows;
    this.equityTime = equityTime;
    this.exposureTime = exposureTime;
    this.maxExposure = maxExposure;
    this.lastTime = lastTime;
    this.lastEquity = lastEquity;
    this.lastExposure = lastExposure;
    this.rows += to - from;
  }

  /** The summary of the rows so far, as a copy that later rows do not change. */
  summary(): CurveSummary {
    const { rows, firstTime, lastTime, maxDrawdown, minEquity, exposedRows, equityTime, exposureTime, maxExposure, lastEquity, lastExposure } = this;
    return { rows, firstTime, lastTime, maxDrawdown, minEquity, exposedRows, equityTime, exposureTime, maxExposure, lastEquity, lastExposure, dailyCloses: { day: this.closes.day.slice(), equity: this.closes.equity.slice() } };
  }

  /** A summariser that goes on from this one's rows, leaving this one as it is. */
  copy(): CurveSummariser {
    const copy = new CurveSummariser();
    copy.rows = this.rows;
    copy.firstTime = this.firstTime;
    copy.lastTime = this.lastTime;
    copy.maxDrawdown = this.maxDrawdown;
    copy.minEquity = this.minEquity;
    copy.exposedRows = this.exposedRows;
    copy.equityTime = this.equityTime;
    copy.exposureTime = this.exposureTime;
    copy.maxExposure = this.maxExposure;
    copy.lastEquity = this.lastEquity;
    copy.lastExposure = this.lastExposure;
    copy.closes = this.closes.copy();
    return copy;
  }
}

export function summariseCurve(curve: EquityCurve): CurveSummary {
  const summariser = new CurveSummariser();
  summariser.add(curve, 0, curve.length);
  return summariser.summary();
}

type CurveColumns = EquityCurve & { length: number };

function allocateCurve(capacity: number): CurveColumns {
  return {
    length: 0,
    time: new Float64Array(capacity),
    equity: new Float64Array(capacity),
    cash: new Float64Array(capacity),
    exposure: new Float64Array(capacity),
    drawdown: new Float64Array(capacity),
  };
}

/** Rows a streaming recorder holds before it hands them to its sink (2.6 MB of columns). */
const CHUNK_ROWS = 1 << 16;

/**
 * The engine's equity rows. Without a sink every row is kept (`curve` is the whole run); with one,
 * rows are held in a chunk and handed to the sink when the chunk is full, so a 20M-row run keeps
 * 2.6 MB instead of 800 MB. Either way the last row stays held until `end`, because the run's
 * close at the end rewrites it, and the summary counts a row only once it is final.
 */
export class CurveRecorder {
  /** The rows held: every row without a sink, the current chunk with one. */
  readonly curve: CurveColumns;
  private readonly summariser = new CurveSummariser();
  /** Rows of `curve` already final (summarised and handed to the sink). */
  private done = 0;

  constructor(
    totalRows: number,
    private readonly sink?: CurveSink,
    chunkRows = CHUNK_ROWS,
  ) {
    this.curve = allocateCurve(sink === undefined ? totalRows : Math.min(totalRows, chunkRows));
  }

  get streamed(): boolean {
    return this.sink !== undefined;
  }

  /** The index in `curve` of a new row; a full chunk is handed on first (all its rows are final). */
  nextRow(): number {
    const curve = this.curve;
    if (curve.length === curve.time.length) {
      // a kept curve has room for a row per bar, and a run has at most one row per bar
      if (this.sink === undefined) throw new Error(`the curve holds ${curve.length} rows, one per bar: no room for another`);
      this.commit();
      curve.length = 0;
      this.done = 0;
    }
    return curve.length++;
  }

  /** Time of the last row (NaN before the first). */
  get lastTime(): number {
    return this.curve.length === 0 ? NaN : (this.curve.time[this.curve.length - 1] as number);
  }

  /** Every row held is final: the run has ended. */
  end(): CurveSummary {
    this.commit();
    return this.summariser.summary();
  }

  /** The summary as if the run ended at the last row, without ending it. */
  summarySoFar(): CurveSummary {
    const soFar = this.summariser.copy();
    soFar.add(this.curve, this.done, this.curve.length);
    return soFar.summary();
  }

  private commit(): void {
    this.summariser.add(this.curve, this.done, this.curve.length);
    this.sink?.(this.curve, this.done, this.curve.length);
    this.done = this.curve.length;
  }
}
