import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/errors.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { goalsim, tempDir } from '../helpers.js';

function scenarioFile(overrides: Record<string, unknown>): string {
  const file = join(tempDir(), 'bad.json');
  writeFileSync(
    file,
    JSON.stringify({
      name: 'bad',
      data: [{ symbol: 'MSFT', path: resolve('data/msft-daily-2000-2001.csv') }],
      period: { start: '2000-10-01' },
      account: { currency: 'USD', initialCapital: '100000' },
      strategy: { name: 'sma-cross' },
      sizing: { engine: 'pipeline' },
      goals: { preset: 'seed-001' },
      ...overrides,
    }),
  );
  return file;
}

function errorOf(overrides: Record<string, unknown>): ScenarioError {
  try {
    loadScenarioFile(scenarioFile(overrides));
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return error as ScenarioError;
  }
  throw new Error('expected the scenario to be rejected');
}

describe('scenario validation names the file and the JSON path', () => {
  it.each([
    ['an unknown preset', { goals: { preset: 'seed-999' } }, 'goals.preset'],
    ['a negative target', { goals: { list: [{ type: 'monthly_income', target: -4000 }] } }, 'goals.list[0].target'],
    ['a target date before the start', { goals: { list: [{ type: 'portfolio_value', target: 1e6, targetDate: '2000-01-01' }] } }, 'goals.list[0].targetDate'],
    ['weights that do not sum to 1', { sizing: { engine: 'pipeline', params: { goalFactor: { weights: { growth: { return: 0.5, income: 0.5, portfolio: 0.5 } } } } } }, 'sizing.params.goalFactor.weights.growth'],
    ['a preset in another currency', { goals: { preset: 'seed-000' } }, 'goals.preset'],
    ['thresholds out of order', { sizing: { engine: 'pipeline', params: { goalFactor: { thresholds: { ahead: 0.8 } } } } }, 'sizing.params.goalFactor.thresholds'],
    ['a parameter another engine has', { sizing: { engine: 'fixed-fraction', params: { kellyFraction: 0.5 } } }, 'sizing.params'],
    ['an unknown engine', { sizing: { engine: 'martingale' } }, 'sizing.engine'],
  ])('%s', (_label, overrides, path) => {
    const error = errorOf(overrides);
    expect(error.jsonPath).toBe(path);
    expect(error.message).toContain('bad.json: ');
  });

  it('exits 2 from the command line with the path in the message', () => {
    const run = goalsim(['run', scenarioFile({ goals: { preset: 'seed-999' } })]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad\.json: goals\.preset: /);
  });
});
