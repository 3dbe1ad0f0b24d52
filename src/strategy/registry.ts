/**
 * Builds a per-symbol strategy factory from a scenario's strategy section: a built-in by name
 * or a user module by path (.js, .mjs or .ts). A user module exports
 * `createStrategy(params, symbol)` (named or default) returning an object with `onBar(ctx)`.
 */
import { exportedFunction, importUserModule } from '../userModule.js';
import type { SignalTable } from '../data/signalTable.js';
import { createBreakout, type BreakoutParams } from './breakout.js';
import { createBuyAndHold } from './buyAndHold.js';
import { createSignalsReplay, type ReplayCounter } from './signalsReplay.js';
import { createSmaCross, type SmaCrossParams } from './smaCross.js';
import { signalProblem, type Signal, type Strategy, type StrategyContext, type StrategyFactory } from './types.js';

export type StrategySpec =
  | { readonly name: 'sma-cross'; readonly params: SmaCrossParams }
  | { readonly name: 'breakout'; readonly params: BreakoutParams }
  | { readonly name: 'buy-and-hold'; readonly params: Readonly<Record<string, never>> }
  | { readonly name: 'signals'; readonly params: Readonly<Record<string, unknown>> }
  | { readonly name: 'module'; readonly module: string; readonly params: Readonly<Record<string, unknown>> };

/** The bar windows a built-in strategy keeps, by their scenario path: none may be longer than the data. */
export function strategyWindows(spec: StrategySpec): { readonly path: string; readonly bars: number }[] {
  switch (spec.name) {
    case 'sma-cross':
      return [{ path: 'strategy.params.fast', bars: spec.params.fast }, { path: 'strategy.params.slow', bars: spec.params.slow }];
    case 'breakout':
      return [{ path: 'strategy.params.entry', bars: spec.params.entry }, { path: 'strategy.params.exit', bars: spec.params.exit }];
    default:
      return [];
  }
}

export interface StrategyInputs {
  readonly signals?: SignalTable | undefined;
  readonly replayCounter: ReplayCounter;
}

export async function strategyFactory(spec: StrategySpec, inputs: StrategyInputs): Promise<StrategyFactory> {
  switch (spec.name) {
    case 'sma-cross':
      return () => createSmaCross(spec.params);
    case 'breakout':
      return () => createBreakout(spec.params);
    case 'buy-and-hold':
      return createBuyAndHold;
    case 'signals': {
      const table = inputs.signals;
      if (table === undefined) throw new Error('the signals strategy needs a data source of kind "signals"');
      return (symbol) => createSignalsReplay(table, symbol, inputs.replayCounter);
    }
    case 'module':
      return loadUserStrategy(spec.module, spec.params);
  }
}

type UserCreate = (params: Readonly<Record<string, unknown>>, symbol: string) => Strategy;

async function loadUserStrategy(modulePath: string, params: Readonly<Record<string, unknown>>): Promise<StrategyFactory> {
  const create = exportedFunction<UserCreate>(await importUserModule(modulePath), 'createStrategy');
  if (typeof create !== 'function') throw new Error(`${modulePath}: a strategy module must export createStrategy(params, symbol)`);
  return (symbol) => {
    const strategy = create(params, symbol);
    if (typeof strategy?.onBar !== 'function') throw new Error(`${modulePath}: createStrategy must return an object with onBar(ctx)`);
    return checkedStrategy(strategy, modulePath, symbol);
  };
}

/**
 * A user's strategy whose every answer is checked as it is given: an array of well-formed
 * signals (signalProblem), or an error naming the module, the symbol and the bar. A NaN
 * confidence or a negative stop would otherwise size and trade on nonsense.
 */
function checkedStrategy(strategy: Strategy, modulePath: string, symbol: string): Strategy {
  // built only when an answer is refused: nothing is allocated per bar
  const where = (ctx: StrategyContext): string => `${modulePath}: ${symbol} at ${new Date(ctx.time).toISOString()} (bar ${ctx.bars.length - 1})`;
  return {
    onBar(ctx) {
      const signals = strategy.onBar(ctx);
      if (!Array.isArray(signals)) throw new Error(`${where(ctx)}: onBar returned ${signals === null ? 'null' : typeof signals}, not an array of signals (return [] for none)`);
      for (const signal of signals as readonly Signal[]) {
        const problem = signalProblem(signal);
        if (problem !== null) throw new Error(`${where(ctx)}: ${problem}`);
      }
      return signals;
    },
  };
}
