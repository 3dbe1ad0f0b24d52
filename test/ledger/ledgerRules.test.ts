/**
 * The ledger's bookkeeping case by case (SPEC 1.3): fees and slippage in fills and trades,
 * lot rounding for any step, the exact affordability search where the float estimate is off by
 * a lot, notes, counters and exposure. Every expected value is a hand calculation beside it.
 */
import { describe, expect, it } from 'vitest';
import { Ledger, money, type Instrument, type OpenRequest } from '../../src/ledger/index.js';

const instrument = (symbol: string, lotStep = '1', pricePlaces = 2, minNotional = '0'): Instrument => ({ symbol, assetClass: 'equity', lotStep: money(lotStep), minNotional: money(minNotional), pricePlaces });

function setup(capital: string, instruments: Instrument[], costs = { feeBps: 0, slippageBps: 0 }, minorUnitPlaces?: number) {
  const ledger = new Ledger(money(capital), instruments, costs, minorUnitPlaces === undefined ? {} : { minorUnitPlaces });
  const prices = new Float64Array(instruments.map(() => 100));
  const open = (symbolIndex: number, direction: 'long' | 'short', quantity: string, price: number, extra: Partial<OpenRequest> = {}) => {
    prices[symbolIndex] = price;
    return ledger.open({ symbolIndex, direction, quantity: money(quantity), marketPrice: price, time: 7, stopLossPct: NaN, takeProfitPct: NaN, maxGrossExposure: 1, ...extra }, prices);
  };
  return { ledger, prices, open };
}

describe('fees, slippage and the trade record', () => {
  it('charges 10 bps on each fill, and the trade nets both fees', () => {
    const { ledger, open } = setup('100000', [instrument('A')], { feeBps: 10, slippageBps: 0 });
    expect(open(0, 'long', '10', 100).toFixed()).toBe('10');
    // 1,000 of notional, fee 1.00
    expect(ledger.cash.toFixed()).toBe('98999');
    expect(ledger.fills[0]).toMatchObject({ time: 7, symbol: 'A', side: 'buy', reason: 'entry' });
    expect([ledger.fills[0]?.fee.toFixed(), ledger.fills[0]?.price.toFixed()]).toEqual(['1', '100']);
    const trade = ledger.close(0, 110, 9, 'take_profit');
    // 10 x (110 - 100) - 1.00 - 1.10 = 97.9; over the 1,000 entry notional
    expect([trade?.pnl.toFixed(), trade?.fees.toFixed(), trade?.returnPct, trade?.exitReason]).toEqual(['97.9', '2.1', 0.0979, 'take_profit']);
    expect(ledger.fills[1]).toMatchObject({ side: 'sell', reason: 'take_profit' });
    expect([ledger.realizedPnl.toFixed(), ledger.realizedPnlValue, ledger.feesPaid.toFixed(), ledger.cash.toFixed()]).toEqual(['97.9', 97.9, '2.1', '100097.9']);
  });

  it('fills at the slipped price and keeps it as the entry value', () => {
    const { ledger, open } = setup('100000', [instrument('A'), instrument('B')], { feeBps: 0, slippageBps: 10 });
    open(0, 'long', '10', 100);
    expect(ledger.positions[0]?.entryValue, 'bought at 100 x 1.001').toBe(100.1);
    open(1, 'short', '10', 100);
    expect(ledger.positions[1]?.entryValue, 'sold at 100 x 0.999').toBe(99.9);
    expect(ledger.fills.map((f) => [f.side, f.price.toFixed()])).toEqual([['buy', '100.1'], ['sell', '99.9']]);
    const long = ledger.close(0, 100, 8, 'exit'); // sold at 99.9: 10 x -0.2 = -2 over 10 x 100.1
    const short = ledger.close(1, 100, 8, 'exit'); // bought back at 100.1: 10 x -0.2 = -2 over 10 x 99.9
    expect([long?.pnl.toFixed(), long?.returnPct]).toEqual(['-2', -2 / 1001]);
    expect([short?.pnl.toFixed(), short?.returnPct]).toEqual(['-2', -2 / 999]);
    expect(ledger.fills.slice(2).map((f) => [f.side, f.price.toFixed()])).toEqual([['sell', '99.9'], ['buy', '100.1']]);
  });
});

describe('lot steps', () => {
  it('round a quantity down to whole steps of any size', () => {
    const { open } = setup('1000000', [instrument('A'), instrument('B', '0.25'), instrument('C', '5')]);
    expect(open(0, 'long', '10.6', 10).toFixed(), 'step 1').toBe('10');
    expect(open(1, 'long', '10.6', 10).toFixed(), 'step 0.25').toBe('10.5');
    expect(open(2, 'long', '23', 10).toFixed(), 'step 5').toBe('20');
  });

  it('stay exact beyond 2^53 lot decimals', () => {
    // 100,000,000.0000003 in steps of 0.00000025: 400,000,000,000,001 steps = 100,000,000.00000025
    const { ledger, open } = setup('100000', [instrument('A', '0.00000025', 5)]);
    expect(open(0, 'long', '100000000.0000003', 0.00001).toFixed()).toBe('100000000.00000025');
    expect(ledger.cash.toFixed(), '100,000 - 1,000.0000000000025').toBe('98999.9999999999975');
  });
});

describe('the exact affordability search', () => {
  it('steps down where the float estimate of the cost of a lot is too low (a fee rounded up)', () => {
    // 10 bps, fees in cents: a lot at 15 costs 15.015 by the estimate; 5 lots cost 75 + 0.075 -> 0.08 = 75.08
    const { ledger, open } = setup('75.0775', [instrument('A', '1', 4)], { feeBps: 10, slippageBps: 0 }, 2);
    expect(open(0, 'long', '5', 15).toFixed()).toBe('4');
    expect(ledger.notes.at(-1)).toEqual({ time: 7, symbol: 'A', kind: 'reduced', reason: 'long 5 reduced to 4: cash covers only that at 15' });
    expect(ledger.cash.toFixed(), '75.0775 - 60 - 0.06').toBe('15.0175');
  });

  it('steps up where the float division falls short (0.3 / 0.1 is 2.9999999999999996)', () => {
    const { ledger, open } = setup('0.3', [instrument('A', '1', 1)]);
    expect(open(0, 'long', '5', 0.1).toFixed()).toBe('3');
    expect(ledger.cash.toFixed()).toBe('0');
  });

  it('keeps a short within the gross limit even when the cash would cover it', () => {
    const { ledger, open } = setup('100000', [instrument('A')]);
    // 0.5 x 100,000 of room at 100: 500 of the 600 asked, though 60,000 is well within the cash
    expect(open(0, 'short', '600', 100, { maxGrossExposure: 0.5 }).toFixed()).toBe('500');
    expect(ledger.notes.at(-1)?.reason).toBe('short 600 reduced to 500: gross exposure covers only that at 100');
  });

  it('rounds the gross budget down to the cash unit', () => {
    // equity 100,000.00000001 x 0.7 = 70,000.000000007: the budget is 70,000.00000000, not ...01
    const { open } = setup('100000.00000001', [instrument('A', '0.00000001', 0)]);
    expect(open(0, 'short', '70000.00000001', 1, { maxGrossExposure: 0.7 }).toFixed()).toBe('70000');
  });
});

describe('notes, counters and exposure', () => {
  it('skips a second entry on an open position, and one below the minimum notional, saying why', () => {
    const { ledger, open } = setup('100000', [instrument('A'), instrument('B', '1', 2, '500')]);
    open(0, 'long', '10', 100);
    expect(open(0, 'long', '10', 100).isZero()).toBe(true);
    expect(ledger.notes.at(-1)).toEqual({ time: 7, symbol: 'A', kind: 'skipped', reason: 'a position is already open' });
    expect(open(1, 'long', '4', 100).isZero()).toBe(true);
    expect(ledger.notes.at(-1)).toEqual({ time: 7, symbol: 'B', kind: 'skipped', reason: 'entry of 4 at 100 is below min notional 500' });
    expect(open(1, 'long', '5', 100).toFixed(), 'exactly the minimum trades').toBe('5');
  });

  it('counts open positions and marks gross exposure on both sides', () => {
    const { ledger, prices, open } = setup('100000', [instrument('A'), instrument('B')]);
    open(0, 'long', '10', 50);
    open(1, 'short', '5', 100);
    expect(ledger.openPositions).toBe(2);
    expect(ledger.grossExposureAt(prices), '10 x 50 + 5 x 100').toBe(1_000);
    prices[1] = 120;
    expect(ledger.grossExposureAt(prices)).toBe(1_100);
    expect(ledger.equityAt(prices), '100,000 - 500 + 500 + 500 - 600').toBe(100_000 - 100);
    ledger.close(1, 120, 8, 'exit');
    expect([ledger.openPositions, ledger.spendableCash(prices).toFixed(), ledger.cash.toFixed()]).toEqual([1, '99400', '99400']);
    expect(ledger.close(1, 120, 9, 'exit'), 'nothing open').toBeUndefined();
  });

  it('names the instrument it does not have', () => {
    const { ledger } = setup('100000', [instrument('A')]);
    expect(ledger.instrument(0).symbol).toBe('A');
    expect(() => ledger.instrument(3)).toThrow('no instrument at index 3');
    expect(() => ledger.executionPrice('buy', 100, 3)).toThrow('no instrument at index 3');
  });

  it('sets no protective level for a percentage that is zero, negative or not finite', () => {
    const { ledger, open } = setup('100000', [instrument('A'), instrument('B'), instrument('C'), instrument('D')]);
    [0, -0.05, Infinity, NaN].forEach((pct, s) => open(s, 'long', '1', 100, { stopLossPct: pct, takeProfitPct: pct }));
    expect(ledger.positions.map((p) => [p?.stopPrice, p?.takeProfitPrice])).toEqual([[NaN, NaN], [NaN, NaN], [NaN, NaN], [NaN, NaN]]);
  });
});
