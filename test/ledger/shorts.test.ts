/**
 * The ledger's rules for shorts and protective levels, case by case. Every expected value is a
 * hand calculation in the comment beside it (prices on a 0.01 grid, lots of 1).
 */
import { describe, expect, it } from 'vitest';
import { Ledger, money, type Instrument, type OpenRequest } from '../../src/ledger/index.js';

const instruments: Instrument[] = ['A', 'B'].map((symbol) => ({ symbol, assetClass: 'equity', lotStep: money('1'), minNotional: money('0'), pricePlaces: 2 }));

function book(capital: string, costs = { feeBps: 0, slippageBps: 0 }) {
  const ledger = new Ledger(money(capital), instruments, costs);
  const prices = new Float64Array([50, 100]);
  const open = (symbolIndex: number, direction: 'long' | 'short', quantity: string, extra: Partial<OpenRequest> = {}) =>
    ledger.open({ symbolIndex, direction, quantity: money(quantity), marketPrice: prices[symbolIndex] as number, time: 1, stopLossPct: NaN, takeProfitPct: NaN, maxGrossExposure: 1, ...extra }, prices);
  return { ledger, prices, open };
}

describe('cash-secured shorts', () => {
  it('a short of 100 at 100 secures 10,000 of cash, and a following long is reduced by it', () => {
    const { ledger, prices, open } = book('100000');
    expect(ledger.spendableCashValue(prices), 'no short: the cash').toBe(100_000);
    expect(open(1, 'short', '100').toFixed()).toBe('100');
    expect(ledger.cash.toFixed(), '100,000 + 100 x 100 of proceeds').toBe('110000');
    expect(ledger.spendableCash(prices).toFixed(), '110,000 - 10,000').toBe('100000');
    expect(ledger.spendableCashValue(prices), 'the same as a float, for sizing').toBe(100_000);
    prices[1] = 110;
    expect(ledger.spendableCashValue(prices), 'buying back now costs 11,000').toBe(99_000);
    prices[1] = 100;
    // 2,100 x 50 = 105,000 asked, 100,000 free: 2,000
    expect(open(0, 'long', '2100').toFixed()).toBe('2000');
    expect(ledger.notes.at(-1)?.reason).toBe('long 2100 reduced to 2000: cash covers only that at 50');
  });

  it('reduces a short beyond maxGrossExposure x equity, with its note', () => {
    const { ledger, open } = book('100000');
    // 1 x 100,000 of room at 100: 1,000 of the 1,500 asked
    expect(open(1, 'short', '1500').toFixed()).toBe('1000');
    expect(ledger.notes.at(-1)?.reason).toBe('short 1500 reduced to 1000: gross exposure covers only that at 100');
    const wider = book('100000');
    expect(wider.open(1, 'short', '1500', { maxGrossExposure: 1.5 }).toFixed(), '1.5 x 100,000 / 100').toBe('1500');
  });

  it('takes the buy-back costs of a short from free cash, not from cash securing other positions', () => {
    // 10 bps slippage: a long of 100 A at 49.95 fills at 49.99995 and leaves 10,000 - 4,999.995 = 5,000.005 of cash
    const { ledger, prices, open } = book('10000', { feeBps: 0, slippageBps: 10 });
    prices[0] = 49.95;
    expect(open(0, 'long', '100').toFixed()).toBe('100');
    // the rest in a second long of 50 B at 99.89 (fill 99.98989: 4,999.4945) leaves 0.5105
    prices[1] = 99.89;
    expect(open(1, 'long', '50').toFixed()).toBe('50');
    expect(ledger.cash.toFixed()).toBe('0.5105');
    ledger.close(1, 99.89, 2, 'exit'); // sold at 99.79011: cash 0.5105 + 4,989.5055 = 4,990.016
    // a short of B at 99.89 sells at 99.79011 and buys back at 99.98989: 0.19978 a share must be
    // free. Gross room 2 x 9,985.016 - 4,995 allows 149 lots, free cash allows 4,990.016 / 0.19978 = 24,977
    expect(open(1, 'short', '149', { maxGrossExposure: 2 }).toFixed()).toBe('149');
    const tight = book('10000', { feeBps: 0, slippageBps: 10 });
    tight.prices[0] = 49.95;
    tight.open(0, 'long', '100');
    tight.prices[1] = 99.89;
    tight.open(1, 'long', '50');
    tight.ledger.close(0, 49.95, 2, 'exit'); // sold at 49.90005: cash 0.5105 + 4,990.005 = 4,990.5155
    tight.ledger.close(1, 99.89, 2, 'exit'); // cash 4,990.5155 + 4,989.5055 = 9,980.021
    tight.open(0, 'long', '199'); // 199 x 49.99995 = 9,949.99005: cash 30.03095
    // now free cash 30.03095 carries at most 150 shorts of B (30.03095 / 0.19978 = 150.3)
    expect(tight.open(1, 'short', '180', { maxGrossExposure: 3 }).toFixed()).toBe('150');
    expect(tight.ledger.notes.at(-1)?.reason).toMatch(/short 180 reduced to 150: free cash covers only that/);
  });
});

describe('protective levels', () => {
  it('put stop-loss and take-profit at entry x (1 -+ pct) for a long, (1 +- pct) for a short', () => {
    const { ledger, open } = book('100000');
    open(1, 'long', '10', { stopLossPct: 0.02, takeProfitPct: 0.05 });
    expect([ledger.positions[1]?.stopPrice, ledger.positions[1]?.takeProfitPrice], '100 x 0.98, 100 x 1.05').toEqual([98, 105]);
    open(0, 'short', '10', { stopLossPct: 0.02, takeProfitPct: 0.05 });
    expect([ledger.positions[0]?.stopPrice, ledger.positions[0]?.takeProfitPrice], '50 x 1.02, 50 x 0.95').toEqual([51, 47.5]);
  });

  it('rounds a level half-even to the price grid, exactly', () => {
    const tie = book('100000');
    tie.prices[1] = 100.1;
    tie.open(1, 'long', '1', { stopLossPct: 0.05 });
    expect(tie.ledger.positions[1]?.stopPrice, '100.10 x 0.95 = 95.095: a tie, to the even 95.10').toBe(95.1);
    const even = book('100000');
    even.prices[1] = 100.3;
    even.open(1, 'long', '1', { stopLossPct: 0.05 });
    expect(even.ledger.positions[1]?.stopPrice, '100.30 x 0.95 = 95.285: a tie, to the even 95.28 (a float product would not know)').toBe(95.28);
  });
});
