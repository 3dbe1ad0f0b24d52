/**
 * The practical floor for the engine benchmark: the same SMA cross and equity arithmetic as
 * sma-cross + fixed-fraction, hand-written over typed arrays with nothing else around it.
 */
import type { BarSeries } from '../data/series.js';

export function floorLoop(series: BarSeries, fast: number, slow: number, fraction: number, capital: number): number {
  const { open, close } = series;
  let cash = capital;
  let shares = 0;
  let pending = 0; // +units to buy, -1 to sell all
  let checksum = 0;
  let previousFast = NaN;
  let previousSlow = NaN;
  for (let i = 0; i < series.length; i++) {
    if (pending > 0) {
      cash -= pending * (open[i] as number);
      shares = pending;
    } else if (pending < 0) {
      cash += shares * (open[i] as number);
      shares = 0;
    }
    pending = 0;
    const equity = cash + shares * (close[i] as number);
    checksum += equity;
    if (i < slow - 1) continue;
    let fastSum = 0;
    for (let k = i - fast + 1; k <= i; k++) fastSum += close[k] as number;
    let slowSum = 0;
    for (let k = i - slow + 1; k <= i; k++) slowSum += close[k] as number;
    const fastNow = fastSum / fast;
    const slowNow = slowSum / slow;
    if (shares === 0 && previousFast <= previousSlow && fastNow > slowNow) pending = Math.floor((equity * fraction) / (close[i] as number));
    else if (shares > 0 && previousFast >= previousSlow && fastNow < slowNow) pending = -1;
    previousFast = fastNow;
    previousSlow = slowNow;
  }
  return checksum;
}
