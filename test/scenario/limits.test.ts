/** Scenario values that would write outside the report folder or book more than 100 % in costs. */
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/errors.js';

const base = { name: 'ok', data: [{ symbol: 'A', path: 'a.csv' }], account: { initialCapital: '1000' }, strategy: { name: 'sma-cross', params: { fast: 2, slow: 3 } }, sizing: { engine: 'fixed-fraction', params: { fraction: 0.5 } } };
const problem = (overrides: Record<string, unknown>): string => {
  try {
    validateScenario({ ...base, ...overrides }, 'x.json');
    return '';
  } catch (error) {
    return (error as ScenarioError).message;
  }
};

describe('scenario limits', () => {
  it('names are one folder name: ".." and "." first are refused', () => {
    for (const name of ['..', '.hidden', '../up', 'a/b']) expect(problem({ name }), name).toMatch(/name: use letters, digits/);
    expect(problem({ name: 'dax-1.2_b' })).toBe('');
  });

  it('fees and slippage are below 10000 bps (100 %)', () => {
    expect(problem({ costs: { feeBps: 10_000 } })).toMatch(/costs\.feeBps: must be below 10000/);
    expect(problem({ costs: { slippageBps: 12_000 } })).toMatch(/costs\.slippageBps: must be below 10000/);
    expect(problem({ costs: { feeBps: 9_999, slippageBps: 9_999 } })).toBe('');
  });
});
