/**
 * Merges several symbols' bar series into one stream of instants. Bars sharing a timestamp are
 * delivered together in the configured symbol order. Each series must strictly increase in
 * time (the loaders guarantee it); the merge refuses anything else.
 */
import type { BarSeries } from '../data/series.js';

export class BarMerge {
  /** Next unread bar of each symbol. */
  readonly cursor: Int32Array;
  /** Symbols holding a bar at the current instant, in symbol order; `count` of them are valid. */
  readonly active: Int32Array;
  /** Bar index of each active symbol at the current instant. */
  readonly activeBar: Int32Array;
  count = 0;
  time = -Infinity;

  constructor(readonly series: readonly BarSeries[]) {
    this.cursor = new Int32Array(series.length);
    this.active = new Int32Array(series.length);
    this.activeBar = new Int32Array(series.length);
  }

  /** Time of the next instant without consuming it, or Infinity at the end. */
  peek(): number {
    let next = Infinity;
    for (let s = 0; s < this.series.length; s++) {
      const series = this.series[s] as BarSeries;
      const at = this.cursor[s] as number;
      if (at < series.length) {
        const t = series.time[at] as number;
        if (t < next) next = t;
      }
    }
    return next;
  }

  /** Advances to the next instant; false at the end of every series. */
  advance(): boolean {
    const t = this.peek();
    if (t === Infinity) return false;
    if (t <= this.time) throw new Error(`bars out of order at ${t}: the merge needs strictly increasing times per symbol`);
    this.time = t;
    this.count = 0;
    for (let s = 0; s < this.series.length; s++) {
      const series = this.series[s] as BarSeries;
      const at = this.cursor[s] as number;
      if (at < series.length && series.time[at] === t) {
        this.active[this.count] = s;
        this.activeBar[this.count] = at;
        this.count++;
        this.cursor[s] = at + 1;
      }
    }
    return true;
  }

  /** Total number of bars across symbols: an upper bound on the number of instants. */
  totalBars(): number {
    return this.series.reduce((sum, series) => sum + series.length, 0);
  }
}
