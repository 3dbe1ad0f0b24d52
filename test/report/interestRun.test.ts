/**
 * account.cashRate in a run: summary.json reports the rate and the interest earned, the final
 * equity holds it, and the monthly income goal counts it unless goals.interestIsIncome is false.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flatCloseCsv, goalsim, tempDir } from '../helpers.js';

interface Summary {
  finalEquity: string;
  interest?: { cashRate: number; earned: string };
  goals: { monthsIncomeGoalMet: number; months: number };
}

describe('interest on cash in a run', () => {
  it('is reported, held in equity, and counted as income when asked', () => {
    const dir = tempDir();
    // a flat market from Wednesday 2020-01-01 for 90 weekdays: the averages never cross, nothing trades
    flatCloseCsv(dir);
    const scenario = (account: Record<string, unknown>, goals: Record<string, unknown>) => ({
      name: 'flat',
      data: [{ symbol: 'F', path: 'flat.csv', kind: 'close' }],
      account: { currency: 'USD', initialCapital: '100000', minorUnit: '0.01', ...account },
      strategy: { name: 'sma-cross', params: { fast: 5, slow: 20 } },
      sizing: { engine: 'fixed-fraction' },
      // 5 % a year on 100,000 is about 400 a month
      goals: { list: [{ type: 'monthly_income', target: 300 }], ...goals },
      tracker: { intervalMinutes: 1440 },
    });
    const run = (name: string, account: Record<string, unknown>, goals: Record<string, unknown> = {}): Summary => {
      writeFileSync(join(dir, `${name}.json`), JSON.stringify(scenario(account, goals)));
      const result = goalsim(['run', join(dir, `${name}.json`), '--out', join(dir, name)]);
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(readFileSync(join(dir, name, 'summary.json'), 'utf8')) as Summary;
    };
    const none = run('none', {});
    const rate = run('rate', { cashRate: 0.05 });
    const apart = run('apart', { cashRate: 0.05 }, { interestIsIncome: false });
    expect([none.finalEquity, none.interest, none.goals.monthsIncomeGoalMet]).toEqual(['100000', undefined, 0]);
    expect(rate.interest?.cashRate).toBe(0.05);
    const earned = Number(rate.interest?.earned);
    // 2020-01-01 to 2020-05-05: 125 days at 5 % a year
    expect(earned).toBeCloseTo(100000 * (1.05 ** (125 / 365) - 1), 0);
    expect(rate.finalEquity).toBe((100000 + earned).toFixed(2).replace(/\.?0+$/, ''));
    // January to April are whole months with about 400 of interest each; May has 4 days of it
    expect([rate.goals.months, rate.goals.monthsIncomeGoalMet]).toEqual([5, 4]);
    expect([apart.finalEquity, apart.goals.monthsIncomeGoalMet]).toEqual([rate.finalEquity, 0]);
  }, 60_000);
});
