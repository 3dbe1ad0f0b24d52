/**
 * The last close of each UTC day of one symbol, in a ring, updated in O(1) per bar: what the
 * sizing engines' daily figures are computed from (the seed's sigma is "the daily-return stdev
 * over 20 days"). A day's close is committed when the first bar of a later day arrives; the
 * current bar's close stands for today. On daily bars this is exactly the bar-to-bar series; on
 * 30-minute bars a day is 48 bars, not one, so an intraday sigma is never read as a daily one.
 */
import { MS_PER_DAY } from '../data/timestamp.js';

export class DailyCloses {
  private readonly ring: Float64Array;
  /** Committed days in the ring (at most its capacity). */
  private count = 0;
  private next = 0;
  private day = NaN;
  private today = NaN;
  /** Days committed so far: what a cached window was filled at. */
  private commits = 0;
  private readonly windows: SigmaWindow[] = [];

  constructor(readonly capacity: number) {
    this.ring = new Float64Array(Math.max(1, capacity));
  }

  observe(time: number, close: number): void {
    const day = Math.floor(time / MS_PER_DAY);
    if (day !== this.day && !Number.isNaN(this.day)) {
      this.ring[this.next] = this.today;
      this.next = (this.next + 1) % this.ring.length;
      if (this.count < this.ring.length) this.count++;
      this.commits++;
    }
    this.day = day;
    this.today = close;
  }

  /** The close `back` days before today (0: today's latest close); NaN beyond the history. */
  close(back: number): number {
    if (back === 0) return this.today;
    if (back > this.count) return NaN;
    return this.ring[(this.next - back + this.ring.length) % this.ring.length] as number;
  }

  /**
   * Sample stdev of the last `days` daily returns (today's included); NaN below two returns.
   * The committed days' returns and their partial sum change once a day and are kept between
   * calls (a run on minute bars asks at every decision: 7 % of a goal-tracked pipeline run);
   * the sums run in the same order as a plain pass over the returns, so the result is the same
   * to the last bit.
   */
  sigma(days: number): number {
    const n = Math.min(days, this.count);
    if (n < 2) return NaN;
    const window = this.windowOf(days, n);
    const returns = window.returns;
    const todays = this.today / this.close(1) - 1;
    const mean = (window.committedSum + todays) / n;
    let squares = 0;
    for (let k = n - 1; k >= 1; k--) {
      const deviation = (returns[k] as number) - mean;
      squares += deviation * deviation;
    }
    const deviation = todays - mean;
    squares += deviation * deviation;
    return Math.sqrt(squares / (n - 1));
  }

  /** The committed returns 1..n-1 of a `days` window (return k: close k over close k + 1, less 1), refilled after a commit. */
  private windowOf(days: number, n: number): SigmaWindow {
    let window: SigmaWindow | undefined;
    for (let w = 0; w < this.windows.length; w++) if ((this.windows[w] as SigmaWindow).days === days) window = this.windows[w];
    if (window === undefined) {
      window = { days, commits: -1, committedSum: 0, returns: new Float64Array(Math.max(1, Math.min(days, this.ring.length))) };
      this.windows.push(window);
    }
    if (window.commits !== this.commits) {
      // oldest return first, as a plain pass over the bars would sum them
      // close(k) read from the ring in place (k + 1 <= n <= count): a call per close boxed each float
      const { ring, next } = this;
      const size = ring.length;
      let sum = 0;
      for (let k = n - 1; k >= 1; k--) {
        const value = (ring[(next - k + size) % size] as number) / (ring[(next - k - 1 + size) % size] as number) - 1;
        window.returns[k] = value;
        sum += value;
      }
      window.committedSum = sum;
      window.commits = this.commits;
    }
    return window;
  }

  /** Today's close over the mean close of the last `days` days (today's included), minus 1. */
  trend(days: number): number {
    const n = Math.min(days, this.count + 1);
    if (n < days) return NaN;
    let sum = 0;
    for (let k = 0; k < n; k++) sum += this.close(k);
    return this.today / (sum / n) - 1;
  }
}

/** What sigma keeps of one window between calls. */
interface SigmaWindow {
  readonly days: number;
  commits: number;
  /** The committed returns' sum, oldest first: a plain pass's partial sum before today's return. */
  committedSum: number;
  /** Return k at index k, for k = 1 .. n - 1. */
  readonly returns: Float64Array;
}
