/**
 * sma-cross: buy when the fast simple moving average crosses above the slow one while flat,
 * close when it crosses below while long. "Crosses above" is: fast <= slow on the bar before
 * and fast > slow now (so a tie followed by fast above is a cross; below is the mirror). The
 * averages are compared exactly on the data's price grid (gridAverage.ts), in O(1) per bar.
 */
import { GridWindowSums } from './gridAverage.js';
import { fixedSignal, NO_SIGNALS, type SignalParams, type BarHistory, type Signal, type Strategy, type StrategyContext } from './types.js';

export interface SmaCrossParams extends SignalParams {
  readonly fast: number;
  readonly slow: number;
}

/** The plain average of the `window` closes ending at bar `last`. */
export function simpleAverage(bars: BarHistory, last: number, window: number): number {
  let sum = 0;
  for (let i = last - window + 1; i <= last; i++) sum += bars.close(i);
  return sum / window;
}

export function createSmaCross(params: SmaCrossParams): Strategy {
  const { fast, slow } = params;
  const buy = fixedSignal('buy', params);
  const close = fixedSignal('close', params);
  const sums = new GridWindowSums([fast, slow]);
  // sign of fast - slow on the previous bar, reused when bars arrive one after another
  let cachedBar = -1;
  let cachedSign = 0;
  return {
    onBar(ctx: StrategyContext): readonly Signal[] {
      const last = ctx.bars.length - 1;
      if (last < slow) return NO_SIGNALS; // needs the previous bar's slow average too
      if (cachedBar !== last - 1) {
        sums.advanceTo(ctx.bars, last - 1);
        cachedSign = sums.compareAverages(0, 1);
      }
      const before = cachedSign;
      sums.advanceTo(ctx.bars, last);
      const now = sums.compareAverages(0, 1);
      cachedBar = last;
      cachedSign = now;
      if (ctx.position === 0 && before <= 0 && now > 0) return buy;
      if (ctx.position > 0 && before >= 0 && now < 0) return close;
      return NO_SIGNALS;
    },
  };
}
