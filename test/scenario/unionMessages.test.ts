/** An option that is a number or an object (a rate or its file): the message is about the branch the value's type chose. */
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/load.js';

const base = { name: 's', data: [{ symbol: 'A', path: 'a.csv' }], account: { initialCapital: '1000' }, strategy: { name: 'sma-cross' }, sizing: { engine: 'fixed-fraction' } };
const message = (cashRate: unknown): string => {
  try {
    validateScenario({ ...base, account: { ...base.account, cashRate } }, 's.json');
  } catch (error) {
    return (error as Error).message;
  }
  return 'valid';
};

describe('a rate given as a number or a file', () => {
  it("says what is wrong with the number, or with the object, or that it is neither", () => {
    expect(message(5)).toBe('s.json: account.cashRate: is an annual rate as a fraction (0.03 for 3 %), at most 1');
    expect(message({ pth: 'x.csv' })).toBe('s.json: account.cashRate: unknown key "pth" (did you mean "path"?); account.cashRate.path: is required');
    expect(message({ path: 'x.csv', extra: 1 })).toBe('s.json: account.cashRate: unknown key "extra"');
    expect(message({ path: '' })).toMatch(/^s\.json: account\.cashRate\.path: /);
    expect(message('abc')).toBe('s.json: account.cashRate: is string, not a number or an object');
    expect(message(0.02)).toBe('valid');
    expect(message({ path: 'rates.csv' })).toBe('valid');
  });
});
