/**
 * Strategies that take over from one another at given times (a walk-forward's re-optimised
 * parameters). Every strategy sees every bar, so the one taking over is warm: it has followed
 * the bars, and any state it keeps, from the run's start; only the signals of the one in force
 * reach the engine.
 */
import { NO_SIGNALS, type Signal, type Strategy, type StrategyContext, type StrategyFactory } from './types.js';

/**
 * `factories[k]` is in force from `from[k]` (ascending; before `from[0]`, `factories[0]`).
 * `factoryOf[k]` indexes `factories` so windows with the same strategy share one instance.
 */
export function scheduledStrategyFactory(from: readonly number[], factories: readonly StrategyFactory[], factoryOf: readonly number[]): StrategyFactory {
  return (symbol) => {
    const strategies: Strategy[] = factories.map((factory) => factory(symbol));
    let window = 0;
    return {
      onBar(ctx: StrategyContext): readonly Signal[] {
        while (window + 1 < from.length && (from[window + 1] as number) <= ctx.time) window++;
        const active = factoryOf[window] as number;
        let signals: readonly Signal[] = NO_SIGNALS;
        for (let k = 0; k < strategies.length; k++) {
          const answer = (strategies[k] as Strategy).onBar(ctx);
          if (k === active) signals = answer;
        }
        return signals;
      },
    };
  };
}
