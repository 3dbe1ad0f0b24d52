/**
 * buy-and-hold: be long from the first bar to the end. It says "buy" on every bar, which the
 * engine ignores while the position is held or pending, so that an entry the sizing skipped
 * (cash, a lot step) is tried again at the next bar. It is the benchmark every run is measured
 * against (sim/benchmark.ts), and a strategy a scenario may name like any other.
 */
import { fixedSignal, type Signal, type Strategy } from './types.js';

const BUY: readonly Signal[] = fixedSignal('buy', {});

export function createBuyAndHold(): Strategy {
  return { onBar: () => BUY };
}
