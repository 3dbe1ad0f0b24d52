/**
 * Interest on cash (account.cashRate): the ledger books cash x growth, rounded half-even to the
 * minor unit, only while cash is above 0; and the engine accrues it at each midnight the run
 * passes, on a flat run that never trades, to a hand compounding of the same daily roundings.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Ledger, money, type Instrument } from '../../src/ledger/index.js';
import { simulate } from '../../src/sim/engine.js';
import { createFixedFraction } from '../../src/sizing/index.js';
import { bars, DAY, flat, scripted, setup } from '../sim/fixtures.js';

const instrument: Instrument = { symbol: 'A', assetClass: 'equity', lotStep: money('1'), minNotional: money('0'), pricePlaces: 2 };
const ledgerOf = (capital: string) => new Ledger(money(capital), [instrument], { feeBps: 0, slippageBps: 0 }, { minorUnitPlaces: 2 });

describe('interest in the ledger', () => {
  it('books cash x growth at the minor unit, half-even', () => {
    const ledger = ledgerOf('100000');
    // a day at 5 % a year: 1.05^(1/365) - 1 = 0.000133681 (to 9 digits); 100,000 x it = 13.3681 -> 13.37
    ledger.accrueInterest(0.000133681);
    expect([ledger.cash.toFixed(), ledger.interestEarned.toFixed(), ledger.cashValue, ledger.interestValue]).toEqual(['100013.37', '13.37', 100013.37, 13.37]);
    // half-even: 1.00 x 0.005 = 0.005 -> 0.00; 3.00 x 0.005 = 0.015 -> 0.02
    const one = ledgerOf('1');
    one.accrueInterest(0.005);
    expect(one.cash.toFixed()).toBe('1');
    const three = ledgerOf('3');
    three.accrueInterest(0.005);
    expect([three.cash.toFixed(), three.interestEarned.toFixed()]).toEqual(['3.02', '0.02']);
  });

  it('books nothing on a zero rate, or on cash at or below 0', () => {
    const ledger = ledgerOf('100000');
    ledger.accrueInterest(0);
    expect(ledger.cash.toFixed()).toBe('100000');
    const prices = new Float64Array([100]);
    ledger.open({ symbolIndex: 0, direction: 'long', quantity: money('1000'), marketPrice: 100, time: 1, stopLossPct: NaN, takeProfitPct: NaN, maxGrossExposure: 1 }, prices);
    expect(ledger.cash.toFixed()).toBe('0');
    ledger.accrueInterest(0.01);
    expect([ledger.cash.toFixed(), ledger.interestEarned.toFixed()]).toEqual(['0', '0']);
  });
});

describe('interest in a run', () => {
  it('accrues at each midnight passed, on the cash of the day, to the hand compounding', () => {
    // ten daily bars 00:00 UTC a day apart, a gap of three days after the fifth, no trade
    const series = bars('A', flat([100, 100, 100, 100, 100, 100, 100, 100, 100, 100]));
    for (let i = 5; i < 10; i++) series.time[i] = (series.time[i] as number) + 2 * DAY;
    const out = simulate(setup([series], () => scripted({}), { cashRate: 0.05, minorUnitPlaces: 2 }));
    // 10,000 compounded: four one-day steps, one three-day step, four one-day steps, each rounded
    let cash = new Decimal(10000);
    for (const days of [1, 1, 1, 1, 3, 1, 1, 1, 1]) cash = cash.plus(cash.times(new Decimal(1.05 ** (days / 365) - 1)).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN));
    expect(out.ledger.cash.toFixed()).toBe(cash.toFixed());
    expect(out.ledger.cashValue).toBeCloseTo(10000 * 1.05 ** (11 / 365), 1);
    expect(out.ledger.interestEarned.toFixed()).toBe(cash.minus(10000).toFixed());
  });

  it('earns nothing without a rate, and nothing on the cash a position holds', () => {
    const series = bars('A', flat([100, 100, 100, 100]));
    expect(simulate(setup([series], () => scripted({}))).ledger.cash.toFixed()).toBe('10000');
    // 100 units bought at the second bar's open with all of the 10,000: the first midnight's
    // interest (10,000 x 0.000133681 = 1.34) is booked before the fill and left in cash, and 1.34
    // earns 0.0002 a day, 0.00 at the minor unit
    const invested = simulate(setup([series], () => scripted({ 0: 'buy' }), { cashRate: 0.05, minorUnitPlaces: 2, sizing: createFixedFraction({ fraction: 1 }), execution: { closeAtEnd: false, allowShort: false, maxGrossExposure: 1 } }));
    expect(invested.ledger.positions[0]?.quantity.toFixed()).toBe('100');
    expect([invested.ledger.interestEarned.toFixed(), invested.ledger.cash.toFixed()]).toEqual(['1.34', '1.34']);
  });
});
