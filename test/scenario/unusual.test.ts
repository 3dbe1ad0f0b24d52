/**
 * Plausible mistakes caught before a run: a monthly return target of 10 meant as 10 %, a
 * portfolio target already met on the first bar, a currency code that is not one, and a
 * comparison of runs kept in two currencies.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/load.js';
import { goalsim, tempDir } from '../helpers.js';

const scenario = (over: Record<string, unknown>): Record<string, unknown> => ({
  name: 'x',
  data: [{ symbol: 'X', path: 'x.csv', kind: 'close' }],
  account: { initialCapital: '100000' },
  strategy: { name: 'buy-and-hold' },
  sizing: { engine: 'fixed-fraction' },
  ...over,
});
const refusal = (raw: unknown): string => {
  try {
    validateScenario(raw, 's.json');
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'validated';
};

describe('unusual goal targets', () => {
  it('a monthly return target above 1 is refused with the likely intent, unless allowed', () => {
    expect(refusal(scenario({ goals: { list: [{ type: 'monthly_return', target: 10 }] } }))).toBe('s.json: goals.list[0].target: 10 means 1000 % a month; for 10 % write 0.1 (or set goals.allowUnusualTargets)');
    expect(refusal(scenario({ goals: { list: [{ type: 'monthly_return', target: 0.1 }] } }))).toBe('validated');
    expect(refusal(scenario({ goals: { list: [{ type: 'monthly_return', target: 1 }] } })), '100 % a month is the edge, still allowed').toBe('validated');
    expect(refusal(scenario({ goals: { list: [{ type: 'monthly_return', target: 10 }], allowUnusualTargets: true } }))).toBe('validated');
  });

  it('a portfolio target at or below the initial capital is refused, the preset\'s too, unless allowed', () => {
    expect(refusal(scenario({ goals: { list: [{ type: 'portfolio_value', target: 100000 }] } }))).toBe(
      's.json: goals.list[0].target: 100000 is not above the initial capital 100000: the goal is met before the first bar (set goals.allowUnusualTargets if that is meant)',
    );
    expect(refusal(scenario({ goals: { list: [{ type: 'portfolio_value', target: 100001 }] } }))).toBe('validated');
    expect(refusal(scenario({ account: { initialCapital: '2000000' }, goals: { preset: 'seed-001' } }))).toBe(
      "s.json: goals.preset: seed-001's portfolio target 1000000 is not above the initial capital 2000000: list a portfolio_value goal above it (or set goals.allowUnusualTargets)",
    );
    expect(refusal(scenario({ account: { initialCapital: '2000000' }, goals: { preset: 'seed-001', list: [{ type: 'portfolio_value', target: 3e6 }] } }))).toBe('validated');
    expect(refusal(scenario({ goals: { list: [{ type: 'monthly_income', target: 50 }] } })), 'an income target is an amount').toBe('validated');
  });
});

describe('currency codes', () => {
  it('are ISO 4217, upper case; the currencies the euro replaced are codes too', () => {
    expect(refusal(scenario({ account: { initialCapital: '1', currency: 'usd' } }))).toBe('s.json: account.currency: "usd" is not an ISO 4217 code: write "USD"');
    expect(refusal(scenario({ account: { initialCapital: '1', currency: 'XYZ' } }))).toBe('s.json: account.currency: "XYZ" is not an ISO 4217 currency code (such as USD, EUR, GBP, JPY, or a historic one such as DEM)');
    for (const code of ['USD', 'EUR', 'QAR', 'JPY', 'DEM', 'FRF']) expect(refusal(scenario({ account: { initialCapital: '1', currency: code } })), code).toBe('validated');
  });

  it('report --compare refuses runs in two currencies', () => {
    const dir = tempDir();
    expect(goalsim(['run', 'scenarios/demo.json', '--out', join(dir, 'usd')]).code).toBe(0);
    expect(goalsim(['run', 'scenarios/compare/dax-fixed-fraction.json', '--out', join(dir, 'eur')]).code).toBe(0);
    const compared = goalsim(['report', join(dir, 'usd'), join(dir, 'eur'), '--compare', '--out', join(dir, 'cmp')]);
    expect(compared.code).toBe(2);
    expect(compared.stderr).toContain('--compare: these runs are in USD and EUR');
    expect(goalsim(['report', join(dir, 'eur'), join(dir, 'eur'), '--compare', '--out', join(dir, 'same')]).code).toBe(0);
  }, 60_000);
});
