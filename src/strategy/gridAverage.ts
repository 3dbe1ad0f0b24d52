/**
 * Moving-average window sums kept as exact integers on the price grid and updated in O(1) per
 * bar. Prices are decimals with few places (53.6875), so a window's sum is an integer count of
 * 10^-places and two averages compare exactly by cross-multiplying their sums: fast > slow iff
 * sumFast x slow > sumSlow x fast. In floats the same comparison decides exact ties by rounding
 * noise (fast - slow is 0 in decimal and +-2e-16 in floats). Data with more than
 * MAX_GRID_PLACES decimals lies on no grid worth the name: there the sums are plain float sums
 * over the whole window, recomputed each bar.
 */
import { add, compare, decimalPlaces, fromFloat, mul, scaleUp, sub, type Scaled } from '../numeric/fixed.js';
import type { BarHistory } from './types.js';

const MAX_GRID_PLACES = 10;

export class GridWindowSums {
  /** Decimals of the grid so far: it widens when a close with more decimals arrives. */
  private places = 0;
  private exact = true;
  /** Window sums ending at bar `last`: integers at `places`, or floats once not exact. */
  private readonly sums: Scaled[];
  private last = -2;
  private readonly longest: number;
  /**
   * The last `longest + 1` closes as integers at `places`, at bar index modulo its length: the
   * close leaving a window entered it `window` bars before, so it is not converted again.
   */
  private readonly scaled: Scaled[];

  constructor(private readonly windows: readonly number[]) {
    this.sums = windows.map(() => 0);
    this.longest = Math.max(...windows);
    this.scaled = Array.from({ length: this.longest + 1 }, () => 0);
  }

  /** Moves every window to end at bar `last`; needs last >= the longest window. */
  advanceTo(bars: BarHistory, last: number): void {
    const consecutive = last === this.last + 1;
    this.last = last;
    if (this.exact) {
      const places = consecutive ? decimalPlaces(bars.close(last), this.places) : this.placesOver(bars, last);
      if (places <= MAX_GRID_PLACES) {
        if (consecutive) this.slide(bars, last, places);
        else this.rebuild(bars, last, places);
        return;
      }
      this.exact = false;
    }
    for (let w = 0; w < this.windows.length; w++) {
      const window = this.windows[w] as number;
      let sum = 0;
      for (let i = last - window + 1; i <= last; i++) sum += bars.close(i);
      this.sums[w] = sum;
    }
  }

  /** Sign of average(window a) - average(window b): exact while the data lie on a grid. */
  compareAverages(a: number, b: number): number {
    const sumA = this.sums[a] as Scaled;
    const sumB = this.sums[b] as Scaled;
    const windowA = this.windows[a] as number;
    const windowB = this.windows[b] as number;
    if (this.exact) return compare(mul(sumA, windowB), mul(sumB, windowA));
    const averageA = (sumA as number) / windowA;
    const averageB = (sumB as number) / windowB;
    return averageA > averageB ? 1 : averageA < averageB ? -1 : 0;
  }

  private slide(bars: BarHistory, last: number, places: number): void {
    const { scaled } = this;
    if (places > this.places) {
      for (let w = 0; w < this.sums.length; w++) this.sums[w] = scaleUp(this.sums[w] as Scaled, places - this.places);
      for (let k = 0; k < scaled.length; k++) scaled[k] = scaleUp(scaled[k] as Scaled, places - this.places);
      this.places = places;
    }
    const entering = fromFloat(bars.close(last), places);
    scaled[last % scaled.length] = entering;
    for (let w = 0; w < this.sums.length; w++) {
      const leaving = scaled[(last - (this.windows[w] as number)) % scaled.length] as Scaled;
      this.sums[w] = sub(add(this.sums[w] as Scaled, entering), leaving);
    }
  }

  private rebuild(bars: BarHistory, last: number, places: number): void {
    this.places = places;
    const { scaled } = this;
    for (let i = Math.max(0, last - this.longest + 1); i <= last; i++) scaled[i % scaled.length] = fromFloat(bars.close(i), places);
    for (let w = 0; w < this.windows.length; w++) {
      const window = this.windows[w] as number;
      let sum: Scaled = 0;
      for (let i = last - window + 1; i <= last; i++) sum = add(sum, scaled[i % scaled.length] as Scaled);
      this.sums[w] = sum;
    }
  }

  private placesOver(bars: BarHistory, last: number): number {
    let places = this.places;
    for (let i = last - this.longest + 1; i <= last; i++) places = decimalPlaces(bars.close(i), places);
    return places;
  }
}
