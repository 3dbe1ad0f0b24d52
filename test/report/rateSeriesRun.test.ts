/**
 * Rates that change over time in a run: cash earns each day the rate in force at its start, a
 * constant written as a one-row file gives the constant's run to the byte, and summary.json
 * names the files. A flat market trades nothing, so the interest is all that moves.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flatCloseCsv, goalsim, tempDir } from '../helpers.js';

interface Summary {
  finalEquity: string;
  interest?: { cashRate: number | string; earned: string };
  period: { riskFreeRate?: number | string };
  metrics: { sharpe: number | null };
}

describe('rate files in a run', () => {
  it('accrue interest by the rate of each day, equal a constant when flat, and are named in summary.json', () => {
    const dir = tempDir();
    // a flat market from Wednesday 2020-01-01 for 90 weekdays (to Tuesday 2020-05-05): nothing trades
    flatCloseCsv(dir);
    writeFileSync(join(dir, 'stepped.csv'), 'timestamp,rate\n2019-12-01,0.05\n2020-03-01,0\n2020-04-01,0.10\n');
    writeFileSync(join(dir, 'constant.csv'), 'timestamp,rate\n2019-12-01,0.05\n');
    const run = (name: string, account: Record<string, unknown>, metrics: Record<string, unknown> = {}): { summary: Summary; equity: string } => {
      const scenario = { name, data: [{ symbol: 'F', path: 'flat.csv', kind: 'close' }], account: { currency: 'USD', initialCapital: '100000', minorUnit: '0.01', ...account }, strategy: { name: 'sma-cross', params: { fast: 5, slow: 20 } }, sizing: { engine: 'fixed-fraction' }, metrics };
      writeFileSync(join(dir, `${name}.json`), JSON.stringify(scenario));
      const result = goalsim(['run', join(dir, `${name}.json`), '--out', join(dir, name)]);
      expect(result.code, result.stderr).toBe(0);
      return { summary: JSON.parse(readFileSync(join(dir, name, 'summary.json'), 'utf8')) as Summary, equity: readFileSync(join(dir, name, 'equity.csv'), 'utf8') };
    };
    const stepped = run('stepped', { cashRate: { path: 'stepped.csv' } }, { riskFreeRate: { path: 'constant.csv' } });
    // January 1 to March 1 at 5 % (60 days), March at 0 (31 days), April 1 to May 5 at 10 % (34 days)
    expect(Number(stepped.summary.interest?.earned)).toBeCloseTo(100000 * (1.05 ** (60 / 365) * 1.1 ** (34 / 365) - 1), 0);
    expect([stepped.summary.interest?.cashRate, stepped.summary.period.riskFreeRate]).toEqual(['stepped.csv', 'constant.csv']);
    const constant = run('constant', { cashRate: 0.05 });
    const file = run('file', { cashRate: { path: 'constant.csv' } });
    expect(file.equity).toBe(constant.equity);
    expect(file.summary.finalEquity).toBe(constant.summary.finalEquity);
    expect(file.summary.interest).toEqual({ ...constant.summary.interest, cashRate: 'constant.csv' });
  }, 60_000);
});
