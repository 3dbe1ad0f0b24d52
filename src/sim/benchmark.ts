/**
 * The benchmark of every run: buy-and-hold of the scenario's symbols, in equal weights, with the
 * scenario's costs, period, account and goals. Each symbol is bought with 1/N of the equity at its
 * first bar's close (decided there, filled at the next open, like any order; a symbol that starts
 * later gets 1/N of the equity then, or the cash that is left) and held to the end.
 */
import type { ResolvedScenario } from '../scenario/load.js';

export const BENCHMARK_NAME = 'buy-and-hold';

/** The scenario as its buy-and-hold benchmark: everything kept but the strategy and the sizing. */
export function buyAndHoldScenario(resolved: ResolvedScenario): ResolvedScenario {
  const symbols = resolved.priceSources.length;
  return {
    ...resolved,
    scenario: {
      ...resolved.scenario,
      strategy: { name: 'buy-and-hold', params: {} },
      sizing: { engine: 'fixed-fraction', params: { fraction: 1 / symbols } },
    },
  };
}
