/**
 * Mean and sample variance of a growing series in O(1) per value (Welford 1962), for the
 * tracker's Sharpe ratio so far: recomputing it over every day at every cycle made long
 * goal-tracked runs quadratic. Agrees with the two-pass formula to rounding (about 1e-15).
 */
export class RunningMoments {
  count = 0;
  mean = 0;
  /** Sum of squared deviations from the running mean. */
  private squares = 0;

  add(value: number): void {
    this.count++;
    const delta = value - this.mean;
    this.mean += delta / this.count;
    this.squares += delta * (value - this.mean);
  }

  /** Sample standard deviation (n - 1); NaN below two values. */
  stdev(): number {
    return this.count < 2 ? NaN : Math.sqrt(this.squares / (this.count - 1));
  }

  /** Annualised mean over standard deviation, null where it has no finite value (as sharpeRatio). */
  sharpe(periodsPerYear: number): number | null {
    const deviation = this.stdev();
    if (!(deviation > 0)) return null;
    const ratio = (this.mean / deviation) * Math.sqrt(periodsPerYear);
    return Number.isFinite(ratio) ? ratio : null;
  }
}
