/** Interest is never negative: a negative growth (a rate below 0, or a caller's mistake) books nothing. */
import { describe, expect, it } from 'vitest';
import { Ledger, money } from '../../src/ledger/index.js';

describe('accrueInterest guards', () => {
  it('books nothing for a negative growth', () => {
    const ledger = new Ledger(money('100000'), [{ symbol: 'A', assetClass: 'equity', lotStep: money('1'), minNotional: money('0'), pricePlaces: 2 }], { feeBps: 0, slippageBps: 0 }, { minorUnitPlaces: 2 });
    ledger.accrueInterest(-0.01);
    expect([ledger.cash.toFixed(), ledger.interestEarned.toFixed(), ledger.cashValue, ledger.interestValue]).toEqual(['100000', '0', 100000, 0]);
  });
});
