/**
 * fixed-risk and goal-kelly size from the stop distance: a scenario whose strategy sets no stop
 * would skip every decision and report 0 trades with exit 0, so it is refused before it runs.
 */
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/load.js';

const scenario = (engine: string, strategy: unknown): unknown => ({
  name: 'x',
  data: [{ symbol: 'X', path: 'x.csv', kind: 'close' }],
  account: { initialCapital: '100000' },
  strategy,
  sizing: { engine },
});

describe('engines that size from a stop', () => {
  for (const engine of ['fixed-risk', 'goal-kelly']) {
    it(`${engine}: refused without a stop, named at the strategy's stopLossPct`, () => {
      expect(() => validateScenario(scenario(engine, { name: 'breakout', params: { entry: 20, exit: 10 } }), 's.json')).toThrow(
        `s.json: strategy.params.stopLossPct: is required: ${engine} sizes from the stop-loss distance`,
      );
      expect(() => validateScenario(scenario(engine, { name: 'buy-and-hold' }), 's.json')).toThrow(`s.json: sizing.engine: ${engine} sizes from a stop-loss distance, and buy-and-hold sets no stop`);
      expect(validateScenario(scenario(engine, { name: 'breakout', params: { entry: 20, exit: 10, stopLossPct: 0.03 } }), 's.json').sizing.engine).toBe(engine);
    });
  }

  it('the other engines need no stop', () => {
    for (const engine of ['fixed-fraction', 'kelly', 'pipeline']) expect(validateScenario(scenario(engine, { name: 'buy-and-hold' }), 's.json').sizing.engine).toBe(engine);
  });
});
