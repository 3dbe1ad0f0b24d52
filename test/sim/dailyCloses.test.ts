import fc from 'fast-check';
import { describe, it } from 'vitest';
import { MS_PER_DAY } from '../../src/data/timestamp.js';
import { DailyCloses } from '../../src/sim/dailyCloses.js';

/** The sample stdev of the last `days` daily returns, written plainly: two passes over the closes. */
function plainSigma(closes: DailyCloses, days: number, committed: number): number {
  const n = Math.min(days, committed);
  if (n < 2) return NaN;
  let sum = 0;
  for (let k = n - 1; k >= 0; k--) sum += closes.close(k) / closes.close(k + 1) - 1;
  const mean = sum / n;
  let squares = 0;
  for (let k = n - 1; k >= 0; k--) {
    const deviation = closes.close(k) / closes.close(k + 1) - 1 - mean;
    squares += deviation * deviation;
  }
  return Math.sqrt(squares / (n - 1));
}

describe('DailyCloses', () => {
  it('sigma keeps the committed days between calls and gives the plain two-pass result to the last bit', () => {
    // bars: (days since the last bar: 0 mostly, sometimes a gap; a close), asked at each bar for a few windows
    const bar = fc.tuple(fc.constantFrom(0, 0, 0, 1, 1, 3), fc.double({ min: 1, max: 1000, noNaN: true }));
    fc.assert(
      fc.property(fc.array(bar, { minLength: 1, maxLength: 300 }), fc.integer({ min: 5, max: 40 }), (bars, capacity) => {
        const closes = new DailyCloses(capacity);
        let time = 0;
        let committed = 0;
        let day = NaN;
        for (const [gap, close] of bars) {
          time += gap * MS_PER_DAY + 60_000;
          const today = Math.floor(time / MS_PER_DAY);
          if (!Number.isNaN(day) && today !== day) committed = Math.min(capacity, committed + 1);
          day = today;
          closes.observe(time, close);
          for (const days of [3, 20, capacity + 5]) if (!Object.is(closes.sigma(days), plainSigma(closes, days, committed))) return false;
        }
        return true;
      }),
      { numRuns: 300, seed: 21 },
    );
  });
});
