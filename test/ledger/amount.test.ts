import { describe, expect, it } from 'vitest';
import { allocateBarSeries } from '../../src/data/series.js';
import { Amount } from '../../src/ledger/amount.js';
import { Money } from '../../src/ledger/money.js';
import { pricePlacesOf } from '../../src/ledger/priceGrid.js';
import { sliceSeries } from '../../src/sim/run.js';

describe('Amount: an exact decimal at its own scale', () => {
  it('reads text at its own number of decimals, exponents through decimal.js', () => {
    // scale = digits after the point as written; 100 has none; 1e-7 has 7; 1e3 has none
    expect([Amount.of('100'), Amount.of('1.50'), Amount.of('0.0001'), Amount.of('1e-7'), Amount.of('1e3'), Amount.of('2.5E-3')].map((a) => [a.scaled, a.scale])).toEqual([[100, 0], [150, 2], [1, 4], [1, 7], [1000, 0], [25, 4]]);
    expect(Amount.of(new Money('12.340')).scale, 'a decimal.js value is read from its text (12.34)').toBe(2);
    const amount = Amount.of('3.25');
    expect(Amount.of(amount), 'an amount is taken as it is').toBe(amount);
  });

  it('prints as the decimal it is, in text and in JSON', () => {
    expect(String(Amount.of('1.50'))).toBe('1.5');
    expect(JSON.stringify({ cash: Amount.of('-0.250') })).toBe('{"cash":"-0.25"}');
    expect(Amount.of('1.005').toFixed(2), 'exactly 2 places, half-even').toBe('1.00');
    expect(Amount.of('1.015').toFixed(2)).toBe('1.02');
  });

  it('is zero only when it is', () => {
    expect(Amount.of('0.000').isZero()).toBe(true);
    expect(Amount.of('0.001').isZero()).toBe(false);
    expect(Amount.of('-0.001').isZero()).toBe(false);
  });

  it('compares, adds and subtracts at the finer of two scales', () => {
    // at scale 1 these would round to 1.2 and 1.2: equal, and 1.25 + 1 would be 2.2 or 2
    expect(Amount.of('1.25').compare(Amount.of('1.2'))).toBe(1);
    expect(Amount.of('1.2').compare(Amount.of('1.25'))).toBe(-1);
    expect(Amount.of('1.20').compare(Amount.of('1.2'))).toBe(0);
    expect(Amount.of('1.25').eq(Amount.of('1.250'))).toBe(true);
    expect(Amount.of('1').eq(Amount.of('1.001'))).toBe(false);
    expect(Amount.of('1.25').add(Amount.of('1')).toFixed()).toBe('2.25');
    expect(Amount.of('1').add(Amount.of('0.001')).toFixed()).toBe('1.001');
    expect(Amount.of('1.25').sub(Amount.of('0.5')).toFixed()).toBe('0.75');
    expect(Amount.of('1').sub(Amount.of('0.001')).toFixed()).toBe('0.999');
    const amount = Amount.of('7.5');
    expect(amount.at(1), 'at its own scale, the amount itself').toBe(amount);
    expect(amount.at(0).toFixed(), 'coarser: half-even').toBe('8');
  });
});

describe('the price increment of a series', () => {
  const series = allocateBarSeries('X', 4);
  series.time.set([1, 2, 3, 4]);
  for (const column of [series.open, series.high, series.low, series.close]) column.set([100, 101, 53.6875, 102]);

  it('is the most decimals any price of the whole loaded series has, whatever period is run', () => {
    expect(pricePlacesOf(series)).toBe(4);
    const whole = sliceSeries(series, 1, 3);
    expect(Array.from(whole.close), 'the period itself holds whole prices only').toEqual([100, 101]);
    expect(pricePlacesOf(whole)).toBe(4);
  });

  it('is read once per loaded data set (the buffer), not at every run', () => {
    const once = allocateBarSeries('Y', 2);
    once.close.set([1.5, 2]);
    expect(pricePlacesOf(once)).toBe(1);
    once.close[1] = 2.125; // never happens to loaded data; shows the first scan is kept
    expect(pricePlacesOf(once)).toBe(1);
    const fresh = allocateBarSeries('Y', 2);
    fresh.close.set([1.5, 2.125]);
    expect(pricePlacesOf(fresh)).toBe(3);
  });
});
