/**
 * breakout (Donchian channel): enter long when the close rises above the highest high of the
 * previous `entry` bars, exit when it falls below the lowest low of the previous `exit` bars.
 * With shorts allowed, the mirror image: short below the entry channel's low, cover above the
 * exit channel's high.
 */
import { fixedSignal, NO_SIGNALS, type SignalParams, type BarHistory, type Signal, type Strategy, type StrategyContext } from './types.js';

export interface BreakoutParams extends SignalParams {
  readonly entry: number;
  readonly exit: number;
  readonly allowShort?: boolean | undefined;
}

function highestHigh(bars: BarHistory, last: number, window: number): number {
  let max = -Infinity;
  for (let i = last - window + 1; i <= last; i++) max = Math.max(max, bars.high(i));
  return max;
}

function lowestLow(bars: BarHistory, last: number, window: number): number {
  let min = Infinity;
  for (let i = last - window + 1; i <= last; i++) min = Math.min(min, bars.low(i));
  return min;
}

export function createBreakout(params: BreakoutParams): Strategy {
  const [buy, sell, close] = [fixedSignal('buy', params), fixedSignal('sell', params), fixedSignal('close', params)];
  const lookback = Math.max(params.entry, params.exit);
  return {
    onBar(ctx: StrategyContext): readonly Signal[] {
      const last = ctx.bars.length - 1;
      if (last < lookback) return NO_SIGNALS;
      const price = ctx.bars.close(last);
      if (ctx.position > 0) return price < lowestLow(ctx.bars, last - 1, params.exit) ? close : NO_SIGNALS;
      if (ctx.position < 0) return price > highestHigh(ctx.bars, last - 1, params.exit) ? close : NO_SIGNALS;
      if (price > highestHigh(ctx.bars, last - 1, params.entry)) return buy;
      if (params.allowShort === true && price < lowestLow(ctx.bars, last - 1, params.entry)) return sell;
      return NO_SIGNALS;
    },
  };
}
