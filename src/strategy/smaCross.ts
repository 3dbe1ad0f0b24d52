/**
 * sma-cross: buy when the fast simple moving average crosses above the slow one while flat,
 * close when it crosses below while long. Averages are summed over their whole window each bar
 * (not a running sum) so that they carry no accumulated rounding and match any plain
 * implementation to the last bit.
 */
import { fixedSignal, NO_SIGNALS, type SignalParams, type BarHistory, type Signal, type Strategy, type StrategyContext } from './types.js';

export interface SmaCrossParams extends SignalParams {
  readonly fast: number;
  readonly slow: number;
}

export function simpleAverage(bars: BarHistory, last: number, window: number): number {
  let sum = 0;
  for (let i = last - window + 1; i <= last; i++) sum += bars.close(i);
  return sum / window;
}

export function createSmaCross(params: SmaCrossParams): Strategy {
  const { fast, slow } = params;
  const buy = fixedSignal('buy', params);
  const close = fixedSignal('close', params);
  // The previous bar's averages, reused when bars arrive one after another.
  let cachedBar = -1;
  let cachedFast = NaN;
  let cachedSlow = NaN;
  return {
    onBar(ctx: StrategyContext): readonly Signal[] {
      const last = ctx.bars.length - 1;
      if (last < slow) return NO_SIGNALS; // needs the previous bar's slow average too
      const consecutive = cachedBar === last - 1;
      const fastBefore = consecutive ? cachedFast : simpleAverage(ctx.bars, last - 1, fast);
      const slowBefore = consecutive ? cachedSlow : simpleAverage(ctx.bars, last - 1, slow);
      const fastNow = simpleAverage(ctx.bars, last, fast);
      const slowNow = simpleAverage(ctx.bars, last, slow);
      cachedBar = last;
      cachedFast = fastNow;
      cachedSlow = slowNow;
      if (ctx.position === 0 && fastBefore <= slowBefore && fastNow > slowNow) return buy;
      if (ctx.position > 0 && fastBefore >= slowBefore && fastNow < slowNow) return close;
      return NO_SIGNALS;
    },
  };
}
